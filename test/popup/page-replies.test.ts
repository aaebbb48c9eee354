import { describe, expect, it } from 'vitest';
import { parseReaderSearch } from '../../lib/card-data';
import { toContent } from '../../lib/messages';
import { parseReply } from '../../lib/messaging';

const parsed = (name: keyof typeof toContent, reply: unknown) => {
  try {
    return parseReply(toContent, name, reply);
  } catch {
    return undefined;
  }
};
const parsePageMentionsReply = (reply: unknown) => parsed('page/mentions', reply);
const parsePageRevealReply = (reply: unknown) => (parsed('page/reveal', reply) as { ok: boolean } | undefined)?.ok === true;
const parsePageSiteReply = (reply: unknown) => (parsed('page/site', reply) as { host: string } | undefined)?.host;

describe('answers from a content script, as the popup reads them', () => {
  const mention = { entity: 'isis', name: 'ISIS', type: 'organization', count: 2 };

  it('accepts well-formed mention counts', () => {
    expect(parsePageMentionsReply([mention])).toEqual([mention]);
    expect(parsePageMentionsReply([])).toEqual([]);
  });

  it('rejects anything else: unknown types, bad counts, extra keys, not a list', () => {
    expect(parsePageMentionsReply([{ ...mention, type: 'weapon' }])).toBeUndefined();
    expect(parsePageMentionsReply([{ ...mention, count: 0 }])).toBeUndefined();
    expect(parsePageMentionsReply([{ ...mention, count: 1.5 }])).toBeUndefined();
    expect(parsePageMentionsReply([{ ...mention, html: '<img onerror>' }])).toBeUndefined();
    expect(parsePageMentionsReply({ 0: mention })).toBeUndefined();
    expect(parsePageMentionsReply(undefined)).toBeUndefined();
  });

  it('reads reveal and site answers, and treats junk as no', () => {
    expect(parsePageRevealReply({ ok: true })).toBe(true);
    expect(parsePageRevealReply({ ok: 'yes' })).toBe(false);
    expect(parsePageRevealReply(undefined)).toBe(false);
    expect(parsePageSiteReply({ host: 'news.example' })).toBe('news.example');
    expect(parsePageSiteReply({ host: '127.0.0.1' })).toBe('127.0.0.1');
    expect(parsePageSiteReply({ host: 'evil.example/<script>' })).toBeUndefined();
    expect(parsePageSiteReply({ host: '' })).toBeUndefined();
  });
});

describe('reader links', () => {
  it('take the passage as `passage` or its short form `p`', () => {
    expect(parseReaderSearch('?doc=a&passage=a:1:0').passage).toBe('a:1:0');
    expect(parseReaderSearch('?doc=a&p=a:1:0').passage).toBe('a:1:0');
  });
});
