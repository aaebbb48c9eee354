import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK } from '../../lib/engine/alphabet';
import { sentenceAround } from '../../lib/highlights/sentence';

const around = (text: string, name: string) => {
  const at = text.indexOf(name);
  const { start, end } = sentenceAround(text, at, at + name.length);
  return text.slice(start, end);
};

describe('sentenceAround (the card’s Save)', () => {
  it('takes the whole sentence a mention is in, not its neighbours', () => {
    const text = 'The talks began. Then Mustafa al-Kadhimi spoke to the U.S. envoy in Baghdad! Others left.';
    expect(around(text, 'Kadhimi')).toBe('Then Mustafa al-Kadhimi spoke to the U.S. envoy in Baghdad!');
  });

  it('stops at the block breaks between paragraphs', () => {
    const text = `A heading without a full stop${BLOCK_BREAK}Kataib Hezbollah demanded a withdrawal${BLOCK_BREAK}Next paragraph.`;
    expect(around(text, 'Kataib')).toBe('Kataib Hezbollah demanded a withdrawal');
  });

  it('reads on across a line break inside a paragraph (source formatting, <br>)', () => {
    const text = 'The talks began. Then Mustafa\n  al-Kadhimi spoke to the\nenvoy. Others left.';
    expect(around(text, 'Mustafa')).toBe('Then Mustafa\n  al-Kadhimi spoke to the\nenvoy.');
  });

  it('a full stop before a line break still ends the sentence', () => {
    const text = 'Militias demanded that every soldier leave before the end of the year.\nAnalysts said the vote, after the killing of Qassem Soleimani, still hangs over the talks.';
    expect(around(text, 'Qassem')).toBe('Analysts said the vote, after the killing of Qassem Soleimani, still hangs over the talks.');
  });

  it('cuts a sentence that runs on for pages at the reach either way', () => {
    const text = `${'word '.repeat(400)}Kadhimi ${'word '.repeat(400)}end.`;
    const saved = around(text, 'Kadhimi');
    expect(saved.length).toBeLessThanOrEqual(600 * 2 + 'Kadhimi'.length);
    expect(saved).toContain('Kadhimi');
    expect(saved.startsWith('word')).toBe(true);
  });

  it('keeps a closing quote with its sentence', () => {
    const text = 'He said: "The PMU are decisive." Later, more.';
    expect(around(text, 'PMU')).toBe('He said: "The PMU are decisive."');
  });
});
