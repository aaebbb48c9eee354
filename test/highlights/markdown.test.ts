/**
 * The Markdown export against a reviewed fixture (test/fixtures/highlights/export.md): grouped by
 * page, quote as a block quote, note, entity names, tags, link back; Markdown in page text is
 * escaped so a title or note cannot become a link or markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../lib/highlights/markdown';
import { sampleHighlights } from './sample-highlights';

const NAMES: Record<string, string> = {
  'mustafa-al-kadhimi': 'Mustafa al-Kadhimi',
  iraq: 'Iraq',
  tehran: 'Tehran',
  'kataib-hezbollah': 'Kataib Hezbollah',
};

describe('toMarkdown', () => {
  it('matches the reviewed fixture', () => {
    const expected = readFileSync(join(__dirname, '..', 'fixtures', 'highlights', 'export.md'), 'utf8');
    expect(toMarkdown(sampleHighlights, (id) => NAMES[id] ?? id)).toBe(expected);
  });

  it('does not depend on the order highlights come in', () => {
    const names = (id: string) => NAMES[id] ?? id;
    expect(toMarkdown([...sampleHighlights].reverse(), names)).toBe(toMarkdown(sampleHighlights, names));
  });

  it('quotes a passage across two paragraphs as two paragraphs of one block quote', () => {
    const across = { ...sampleHighlights[0]!, quote: 'decide the pace of any withdrawal.\u2029Militias close to Tehran' };
    const markdown = toMarkdown([across], (id) => NAMES[id] ?? id);
    expect(markdown).toContain('> decide the pace of any withdrawal.\n>\n> Militias close to Tehran\n');
    expect(markdown).not.toContain('\u2029');
  });
});
