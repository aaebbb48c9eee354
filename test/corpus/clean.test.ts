// What the cleaner keeps and drops in each seed: site chrome must never reach a hover card, and
// an article's own sentences must never be lost. Paragraph numbers are what cites point at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDocument, type CleanedDocument } from '../../lib/corpus/clean';
import documentsFile from '../../data/documents.json';

function clean(id: string): CleanedDocument {
  const meta = documentsFile.documents.find((d) => d.id === id)!;
  return cleanDocument(readFileSync(join(__dirname, '../../data/seeds', meta.file), 'utf8'), meta.title);
}

const droppedTexts = (doc: CleanedDocument) => doc.dropped.map((d) => d.text);
const anyParagraphIncludes = (doc: CleanedDocument, text: string) => doc.paragraphs.some((p) => p.includes(text));

describe('cleanDocument on the seeds', () => {
  test('000 regime-fears-talks: drops breadcrumb, caption and footer, keeps the 26 paragraphs', () => {
    const doc = clean('regime-fears-talks');
    expect(doc.dropped).toContainEqual(
      expect.objectContaining({ text: 'Home News Middle East Why Does the Iranian Regime Fear US-Iraq Talks?', reason: 'header' }),
    );
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: 'Iraqi women protest for a new Iraq', reason: 'caption' }));
    expect(droppedTexts(doc)).toEqual(expect.arrayContaining(['Read More:', 'Exit mobile version']));
    expect(doc.paragraphs).toHaveLength(26);
    expect(doc.paragraphs[0]).toMatch(/^Now, with the start of the US-Iraq talks/);
    expect(doc.paragraphs[25]).toMatch(/negotiations between the United States and the new Iraqi government\.$/);
    for (const chrome of ['Iraqi women protest', 'Read More', 'Exit mobile version', 'Iraq Heads Toward Freedom']) {
      expect(anyParagraphIncludes(doc, chrome)).toBe(false);
    }
  });

  test('001 iran-terrified-talks: drops breadcrumb, "-", caption, byline and everything from "Read More:"', () => {
    const doc = clean('iran-terrified-talks');
    expect(doc.author).toBe('Jubin Katiraie');
    // The capture has a no-break space after "By".
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: expect.stringMatching(/^By\s+Jubin Katiraie$/u), reason: 'byline' }));
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: '-', reason: 'separator' }));
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: "Iraqi's people", reason: 'caption' }));
    expect(doc.dropped[0]).toMatchObject({ line: 1, reason: 'header' });
    // The "Latest news" teasers after "Read More:" are other articles.
    for (const teaser of ['Latest news', 'Land Subsidence in Critical Conditions in Isfahan', 'Iran Focus: Tehran, Sep. 23 – As millions of...']) {
      expect(doc.dropped).toContainEqual(expect.objectContaining({ text: teaser, reason: 'footer' }));
    }
    expect(anyParagraphIncludes(doc, 'Ahmad Shirani')).toBe(false);
    // A sentence the page broke across two blocks is one paragraph.
    expect(doc.paragraphs[0]).toMatch(/^James Jeffery, the United States Special Representative .* To Defeat ISIS, announced that the US talks/);
    expect(doc.paragraphs).toHaveLength(17);
    expect(doc.paragraphs[16]).toMatch(/^What is clear is that the wall of Iran’s castle/);
  });

  test('002 iran-meddles: drops "Source » jpost" and "You May Be Interested"', () => {
    const doc = clean('iran-meddles');
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: 'Source » jpost', reason: 'footer' }));
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: 'You May Be Interested', reason: 'footer' }));
    expect(doc.paragraphs).toHaveLength(13);
    expect(doc.paragraphs[12]).toMatch(/the entirety of the Middle East for years to come\.$/);
    expect(anyParagraphIncludes(doc, 'jpost')).toBe(false);
  });

  test('003 kadhimi-leaves-tehran: drops kickers, the four captions, tags and legal lines; keeps bullets as text', () => {
    const doc = clean('kadhimi-leaves-tehran');
    expect(doc.dropped.filter((d) => d.text === 'raqi PM')).toHaveLength(2);
    expect(doc.dropped.filter((d) => d.text === 'Qassem Soleimani' && d.reason === 'repeated-caption')).toHaveLength(4);
    expect(droppedTexts(doc)).toEqual(
      expect.arrayContaining([
        'Tags: , , , , , , ,',
        'Copyright © 2020 MEK-Iran.com. All Rights Reserved | XML Sitemap',
        'Social media & sharing icons powered by UltimatelySocial',
      ]),
    );
    expect(doc.paragraphs).not.toContain('Qassem Soleimani');
    // The bullet list of Iran's demands survives, without its bullets.
    expect(doc.paragraphs).toContain('U.S. withdrawal from Iraq;');
    expect(doc.paragraphs).toContain('economic collaboration.');
    expect(doc.paragraphs.some((p) => /^[•\s]/u.test(p))).toBe(false);
    expect(doc.paragraphs[0]).toBe('MEK Iran: Iraqi PM Returns From Tehran, Leaves Ali Khamenei Frustrated.');
    expect(doc.paragraphs).toHaveLength(16);
  });

  test('004 isis-revival: keeps all 14 paragraphs and drops only the title', () => {
    const doc = clean('isis-revival');
    expect(doc.dropped).toEqual([expect.objectContaining({ line: 1, reason: 'title', text: 'Iraq-US Talks in the Shadow of ISIS’ Revival' })]);
    expect(doc.paragraphs).toHaveLength(14);
    expect(doc.paragraphs[0]).toMatch(/^NourNews – ISIS‘ resurgence/);
    expect(doc.paragraphs[13]).toMatch(/led to the US withdrawal from the country\.$/);
  });
});
