/**
 * A file's bytes as text, or why they are not text a reader meant to import. DOM-free.
 *
 * Text is UTF-8 (with or without a byte-order mark) or UTF-16 with its mark. A saved HTML page
 * may declare another encoding in its first kilobyte (`<meta charset="windows-1256">`, common
 * on older Arabic and Persian sites), and is decoded in it, as a browser would. Images, PDFs,
 * archives and anything with NUL bytes are refused by what they are.
 */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** Signatures of the binary files people most often pick by mistake. */
const SIGNATURES: { what: string; bytes: (number | null)[] }[] = [
  { what: 'an image (PNG)', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { what: 'an image (JPEG)', bytes: [0xff, 0xd8, 0xff] },
  { what: 'an image (GIF)', bytes: [0x47, 0x49, 0x46, 0x38] },
  { what: 'an image (WebP)', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { what: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { what: 'a compressed archive (ZIP, or a Word or EPUB document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'a compressed file (gzip)', bytes: [0x1f, 0x8b] },
  { what: 'a video or audio file', bytes: [null, null, null, null, 0x66, 0x74, 0x79, 0x70] },
];

function sniffBinary(bytes: Uint8Array): string | undefined {
  for (const { what, bytes: signature } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => b === null || bytes[i] === b)) return what;
  }
  return undefined;
}

/** The encoding an HTML page declares in its first 1024 bytes (where browsers look for it). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase();
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard reads it as UTF-8).
  return label && !label.startsWith('utf-16') ? label : undefined;
}

function decodeWith(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeText(bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, reason: `the file is ${binary}, not text` };

  let text: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeWith('utf-16le', bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeWith('utf-16be', bytes);
  else {
    const declared = options.html ? declaredCharset(bytes) : undefined;
    text = declared && declared !== 'utf-8' && declared !== 'utf8' ? decodeWith(declared, bytes) : undefined;
    text ??= decodeWith('utf-8', bytes);
  }
  if (text === undefined) {
    return { ok: false, reason: 'the file is not UTF-8 text (a binary file, or text in another encoding: save it as UTF-8)' };
  }
  return checkText(text);
}

/** Text that arrived already decoded (pasted, or read by the browser) gets the same checks. */
export function checkText(text: string): Decoded {
  if (text.includes('\u0000')) return { ok: false, reason: 'the file contains binary data (NUL bytes), not text' };
  if (!text.trim()) return { ok: false, reason: 'the file is empty' };
  return { ok: true, text: text.replace(/^\ufeff/, '') };
}
