// Curated contrasts: the builder verifies every quote against the corpus and fails the build on
// one it cannot find; the real gazetteer gives the card's key entities a contrast.
import { buildKnowledgeBase } from '../../lib/kb/build';
import { buildContrasts, findQuote } from '../../lib/kb/contrasts';
import { formatIssue } from '../../lib/kb/schema';
import type { KbDocument } from '../../lib/kb/types';
import { readCorpusInput } from '../../scripts/build-corpus';

const FILE = 'data/gazetteer/contrasts.json';

function doc(id: string, perspective: string, paragraphs: string[]): KbDocument {
  return { id, file: `${id}.txt`, title: id, outlet: id, date: '2020', dateNote: '', perspective, evidence: [], paragraphs };
}

const docs = [
  doc('state', 'state', ['Intro line.', 'The PMU played a decisive role in securing the country. Then more.']),
  doc('opp', 'opposition', ['They say the PMU’s militias became “a violent force” in Iraq.']),
];
const entities = new Set(['pmu']);

const contrast = (positions: { doc: string; quote: string }[]) => ({
  contrasts: [{ id: 'pmu-role', topic: 'What is the PMU?', entities: ['pmu'], positions: positions.map((p) => ({ ...p, stance: 'x' })) }],
  disagreements: [],
});

describe('findQuote', () => {
  test('tolerates straight for curly quotes, dashes and whitespace, and returns the document’s own text', () => {
    const found = findQuote(["Kayhan wrote: “June 10 – Baghdad-Washington,\n which begins”"], '"June 10 - Baghdad-Washington, which begins"');
    expect(found).toEqual({ para: 1, start: 14, end: 59, text: '“June 10 – Baghdad-Washington,\n which begins”' });
  });

  test('does not tolerate changed words', () => {
    expect(findQuote(['The PMU played a decisive role.'], 'The PMU played the decisive role.')).toBeNull();
  });
});

describe('buildContrasts', () => {
  test('resolves each quote to the passage holding it, with the document’s perspective', () => {
    const built = buildContrasts(
      { file: FILE, data: contrast([{ doc: 'state', quote: 'decisive role in securing the country' }, { doc: 'opp', quote: "PMU's militias became \"a violent force\"" }]) },
      docs,
      entities,
    );
    expect(built.issues).toEqual([]);
    expect(built.contrasts[0]!.positions.map((p) => [p.passage, p.perspective, p.quote])).toEqual([
      ['state:2:0', 'state', 'decisive role in securing the country'],
      ['opp:1:0', 'opposition', 'PMU’s militias became “a violent force”'],
    ]);
  });

  test('a quote the document does not contain is an error naming entry and path', () => {
    const built = buildContrasts(
      { file: FILE, data: contrast([{ doc: 'state', quote: 'decisive role' }, { doc: 'opp', quote: 'a peaceful force' }]) },
      docs,
      entities,
    );
    expect(built.issues.map(formatIssue)).toEqual([
      `${FILE}: entry "pmu-role": positions[1].quote: the quote "a peaceful force" is not in opp's text (cleaned, whitespace and quote marks aside)`,
    ]);
  });

  test('positions from one perspective only, unknown entities and documents are errors', () => {
    const data = contrast([{ doc: 'state', quote: 'decisive role' }, { doc: 'state', quote: 'Intro line' }]);
    data.contrasts[0]!.entities.push('nobody');
    const built = buildContrasts({ file: FILE, data }, docs, entities);
    expect(built.issues.map((i) => i.message)).toEqual([
      'no gazetteer entity "nobody"',
      'a contrast needs positions from at least two perspectives',
    ]);
    const unknownDoc = buildContrasts({ file: FILE, data: contrast([{ doc: 'state', quote: 'decisive role' }, { doc: 'nope', quote: 'x' }]) }, docs, entities);
    expect(unknownDoc.issues[0]!.message).toMatch(/^no document "nope"/);
  });

  test('a malformed file is reported, not thrown', () => {
    const built = buildContrasts({ file: FILE, data: { contrasts: [{ id: 'x' }] } }, docs, entities);
    expect(built.issues.length).toBeGreaterThan(0);
    expect(built.issues.every((i) => i.severity === 'error' && i.file === FILE)).toBe(true);
  });
});

describe('the real corpus', () => {
  const input = readCorpusInput();
  const kb = buildKnowledgeBase(input).kb!;

  test.each(['popular-mobilization-units', 'qasem-soleimani', 'mustafa-al-kadhimi', 'us-iraq-strategic-dialogue', 'isis'])(
    '%s has a curated contrast from two or more perspectives, each quote inside its passage',
    (id) => {
      const entity = kb.entities.find((e) => e.id === id)!;
      const passages = new Map(kb.passages.map((p) => [p.id, p]));
      const fold = (s: string) => s.replace(/\s+/g, ' ');
      expect(entity.contrasts?.length).toBeGreaterThan(0);
      for (const contrast of entity.contrasts!) {
        expect(new Set(contrast.positions.map((p) => p.perspective)).size).toBeGreaterThanOrEqual(2);
        for (const position of contrast.positions) {
          const passage = passages.get(position.passage)!;
          expect(passage.doc).toBe(position.doc);
          // The quote starts in its passage (it may run on into the next sentence).
          const paragraph = kb.documents.find((d) => d.id === position.doc)!.paragraphs[passage.para - 1]!;
          expect(fold(paragraph)).toContain(fold(position.quote));
          expect(fold(passage.text)).toContain(fold(position.quote).slice(0, 20));
        }
      }
    },
  );

  test('the month of the parliament’s vote on foreign troops is flagged as disputed', () => {
    const vote = kb.entities.find((e) => e.id === 'iraqi-parliament-troops-vote')!;
    const dispute = vote.disagreements?.find((d) => /parliament/i.test(d.question));
    expect(dispute).toBeDefined();
    expect(dispute!.claims.some((c) => /February/.test(c.quote))).toBe(true);
    expect(dispute!.claims.some((c) => /January/.test(c.quote))).toBe(true);
  });

  test('an unverifiable quote fails the whole build', () => {
    const data = structuredClone(input.contrasts!.data) as { contrasts: { positions: { quote: string }[] }[] };
    data.contrasts[0]!.positions[0]!.quote = 'the PMU are angels of peace';
    const result = buildKnowledgeBase({ ...input, contrasts: { file: FILE, data } });
    expect(result.kb).toBeUndefined();
    expect(result.report.errors.map(formatIssue).join('\n')).toContain('the PMU are angels of peace');
  });
});
