import { describe, expect, it } from 'vitest';
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

  it('stops at line breaks between paragraphs', () => {
    const text = 'A heading without a full stop\nKataib Hezbollah demanded a withdrawal\nNext paragraph.';
    expect(around(text, 'Kataib')).toBe('Kataib Hezbollah demanded a withdrawal');
  });

  it('keeps a closing quote with its sentence', () => {
    const text = 'He said: "The PMU are decisive." Later, more.';
    expect(around(text, 'PMU')).toBe('He said: "The PMU are decisive."');
  });
});
