// Bytes a reader picked: text in the encodings saved pages and text files come in, and a
// refusal that says what the file is when it is not text.
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../lib/corpus/decode';
import { fixtureBytes } from './saved-pages';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    expect(decodeText(bytes('Kadhimi الكاظمي'))).toEqual({ ok: true, text: 'Kadhimi الكاظمي' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Talks'))).toEqual({ ok: true, text: 'Talks' });
    const utf16 = [0xff, 0xfe, ...[...'Talks'].flatMap((c) => [c.charCodeAt(0), 0])];
    expect(decodeText(new Uint8Array(utf16))).toEqual({ ok: true, text: 'Talks' });
  });

  it('decodes a saved page in the encoding it declares (windows-1256, older Arabic sites)', () => {
    // "<meta charset=windows-1256>" then الكاظمي in windows-1256.
    const page = bytes('<html><head><meta charset="windows-1256"></head><body>', [0xc7, 0xe1, 0xdf, 0xc7, 0xd9, 0xe3, 0xed], '</body></html>');
    const decoded = decodeText(page, { html: true });
    expect(decoded.ok && decoded.text).toContain('الكاظمي');
    // A text file gets no such guess: it is UTF-8 or refused.
    expect(decodeText(bytes([0xc7, 0xe1, 0xdf]))).toMatchObject({ ok: false, reason: expect.stringMatching(/not UTF-8 text/) });
  });

  it('says what a binary file is', () => {
    expect(decodeText(fixtureBytes('files/photo.png'))).toEqual({ ok: false, reason: 'the file is an image (PNG), not text' });
    expect(decodeText(bytes('%PDF-1.7\n'))).toEqual({ ok: false, reason: 'the file is a PDF, not text' });
    expect(decodeText(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatchObject({ reason: expect.stringMatching(/Word or EPUB/) });
    expect(decodeText(bytes('text', [0, 0, 0], 'more'))).toEqual({ ok: false, reason: 'the file contains binary data (NUL bytes), not text' });
  });

  it('refuses empty and whitespace-only files as empty', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: false, reason: 'the file is empty' });
    expect(decodeText(bytes('  \n\t\n'))).toEqual({ ok: false, reason: 'the file is empty' });
  });
});
