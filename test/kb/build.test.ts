// The corpus builder on small fixtures: what a curator sees when the gazetteer is wrong, and what
// the knowledge base holds when it is right.
import { buildKnowledgeBase, serializeOutputs, type CorpusInput } from '../../lib/kb/build';
import { formatIssue } from '../../lib/kb/schema';
import type { GazetteerEntry } from '../../lib/kb/types';

const PEOPLE = 'data/gazetteer/people.json';
const PLACES = 'data/gazetteer/places.json';

const baghdad: GazetteerEntry = {
  id: 'baghdad',
  type: 'place',
  name: 'Baghdad',
  aliases: ['Bagdad'],
  summary: 'Capital of Iraq.',
  background: [{ text: 'The capital of Iraq.', cites: ['doc-a:2'] }],
};
const kadhimi: GazetteerEntry = {
  id: 'mustafa-al-kadhimi',
  type: 'person',
  name: 'Mustafa al-Kadhimi',
  aliases: ['al-Kadhimi', 'Mustafa al-Kazemi'],
  summary: 'Prime minister of Iraq from May 2020.',
  background: [{ text: 'Sworn in as prime minister in May 2020.', cites: ['doc-b:1'] }],
  links: [{ to: 'baghdad', rel: 'governs from' }],
};

function corpus(options: { people?: unknown[]; places?: unknown[] } = {}): CorpusInput {
  return {
    documents: {
      file: 'data/documents.json',
      data: {
        perspectives: [
          { id: 'state', label: 'State media', description: 'Close to the government.' },
          { id: 'opposition', label: 'Opposition', description: 'Against the government.' },
        ],
        documents: [
          doc('doc-a', 'a.txt', 'Life in the capital', 'state'),
          doc('doc-b', 'b.txt', 'A new prime minister', 'opposition'),
        ],
      },
    },
    seeds: {
      'a.txt': [
        'Life in the capital',
        'Protesters gathered near Baghdad on Friday, according to the Harbour Street Council.',
        'Baghdad is the capital of Iraq, a city of eight million people.',
      ].join('\n\n'),
      'b.txt': [
        'A new prime minister',
        'Mustafa al-Kazemi, the new prime minister, visited Baghdad last week.',
        'The Harbour Street Council welcomed him. Roads were closed for hours.',
      ].join('\n\n'),
    },
    gazetteer: [
      { file: PEOPLE, data: { entries: options.people ?? [kadhimi] } },
      { file: PLACES, data: { entries: options.places ?? [baghdad] } },
    ],
  };
}

function doc(id: string, file: string, title: string, perspective: string) {
  return { id, file, title, outlet: `${id} outlet`, date: '2020-06', dateNote: 'June 2020.', perspective, evidence: ['Its tone.'] };
}

const errorLines = (input: CorpusInput) => buildKnowledgeBase(input).report.errors.map(formatIssue);

describe('buildKnowledgeBase: validation', () => {
  test('a valid corpus builds a knowledge base and a matcher of the same version', () => {
    const { kb, matcher, report } = buildKnowledgeBase(corpus());
    expect(report.errors).toEqual([]);
    expect(kb!.version).toMatch(/^[0-9a-f]{64}$/);
    expect(matcher!.kbVersion).toBe(kb!.version);
    expect(matcher!.entities.map((e) => e.id)).toEqual(['baghdad', 'mustafa-al-kadhimi']);
  });

  test('a missing field is an error naming file, entry and field', () => {
    const { summary: _summary, ...withoutSummary } = kadhimi;
    expect(errorLines(corpus({ people: [withoutSummary] }))).toContain(
      `${PEOPLE}: entry "mustafa-al-kadhimi": summary: missing (required)`,
    );
  });

  test('a misspelt field and a badly formed id are errors', () => {
    const errors = errorLines(corpus({ people: [{ ...kadhimi, id: 'Mustafa_Kadhimi', alias: ['x'] }] }));
    expect(errors).toContainEqual(expect.stringMatching(/entry "Mustafa_Kadhimi": id: the id "Mustafa_Kadhimi" is not kebab-case/));
    expect(errors).toContainEqual(expect.stringMatching(/entry "Mustafa_Kadhimi": alias: unknown field/));
  });

  test('a cite to a missing paragraph or document fails with the document and paragraph named', () => {
    const broken = { ...baghdad, background: [{ text: 'x', cites: ['doc-a:2'] }, { text: 'y', cites: ['doc-a:99', 'doc-c:1'] }] };
    const errors = errorLines(corpus({ places: [broken] }));
    expect(errors).toContain(`${PLACES}: entry "baghdad": background[1].cites[0]: "doc-a:99" — document doc-a has no paragraph 99 (it has 2)`);
    expect(errors).toContainEqual(
      expect.stringMatching(/^data\/gazetteer\/places\.json: entry "baghdad": background\[1\]\.cites\[1\]: "doc-c:1" — there is no document doc-c/),
    );
  });

  test('a cite to a paragraph that does not mention the entity fails and says where it is named', () => {
    const wrong = { ...kadhimi, background: [{ text: 'Sworn in.', cites: ['doc-a:2'] }] };
    expect(errorLines(corpus({ people: [wrong] }))).toContain(
      `${PEOPLE}: entry "mustafa-al-kadhimi": background[0].cites[0]: "doc-a:2" — paragraph 2 of doc-a does not mention Mustafa al-Kadhimi; no paragraph of doc-a names it`,
    );
  });

  test('a link to an unknown id fails, with a suggestion for a near miss', () => {
    const errors = errorLines(corpus({ people: [{ ...kadhimi, links: [{ to: 'bagdad', rel: 'governs from' }] }] }));
    expect(errors).toContain(
      `${PEOPLE}: entry "mustafa-al-kadhimi": links[0].to: "bagdad" is not the id of any gazetteer entry (did you mean "baghdad"?)`,
    );
  });

  test('one alias folding to two entities fails with both entries named, instead of the matcher throwing', () => {
    const clash = { ...baghdad, aliases: ['Bagdad', 'AL KADHIMI'] };
    const result = buildKnowledgeBase(corpus({ places: [clash] }));
    expect(result.kb).toBeUndefined();
    expect(result.report.errors.map(formatIssue)).toContainEqual(
      expect.stringMatching(
        /^data\/gazetteer\/(people|places)\.json: entry "(baghdad|mustafa-al-kadhimi)": aliases\[\d\]: "(AL KADHIMI|al-Kadhimi)" reads the same to the matcher as "(al-Kadhimi|AL KADHIMI)" of entry "(mustafa-al-kadhimi|baghdad)"/,
      ),
    );
  });

  test('duplicate ids across files fail', () => {
    const errors = errorLines(corpus({ places: [baghdad, { ...kadhimi, type: 'place' }] }));
    expect(errors).toContainEqual(expect.stringMatching(/entry "mustafa-al-kadhimi": id: duplicate id: data\/gazetteer\/people\.json already has/));
  });
});

describe('buildKnowledgeBase: report', () => {
  test('reports aliases never seen and recurring capitalised names no alias covers', () => {
    const { report } = buildKnowledgeBase(corpus());
    expect(report.unseenAliases).toContainEqual({ entity: 'baghdad', file: PLACES, aliases: ['Bagdad'] });
    expect(report.unseenAliases).toContainEqual(expect.objectContaining({ entity: 'mustafa-al-kadhimi', aliases: ['Mustafa al-Kadhimi', 'al-Kadhimi'] }));
    expect(report.uncoveredNames).toContainEqual({ name: 'Harbour Street Council', count: 2, docs: ['doc-a', 'doc-b'] });
    // Covered names and sentence starters are not reported.
    const names = report.uncoveredNames.map((n) => n.name);
    expect(names).not.toContain('Baghdad');
    expect(names).not.toContain('Protesters');
  });

  test('reports entries no document mentions', () => {
    const pompeo: GazetteerEntry = { id: 'mike-pompeo', type: 'person', name: 'Mike Pompeo', aliases: [], summary: 'US secretary of state.', background: [] };
    const { report } = buildKnowledgeBase(corpus({ people: [kadhimi, pompeo] }));
    expect(report.unmentioned).toEqual([{ entity: 'mike-pompeo', file: PEOPLE }]);
  });
});

describe('buildKnowledgeBase: knowledge base', () => {
  const { kb } = buildKnowledgeBase(corpus());
  const entity = (id: string) => kb!.entities.find((e) => e.id === id)!;

  test('passages are sentences with the entities they mention', () => {
    expect(kb!.passages.find((p) => p.id === 'doc-b:1:0')).toEqual({
      id: 'doc-b:1:0',
      doc: 'doc-b',
      para: 1,
      text: 'Mustafa al-Kazemi, the new prime minister, visited Baghdad last week.',
      entities: ['baghdad', 'mustafa-al-kadhimi'],
    });
    expect(kb!.passages.filter((p) => p.doc === 'doc-b').map((p) => p.id)).toEqual(['doc-b:1:0', 'doc-b:2:0', 'doc-b:2:1']);
  });

  test('mentions are counted per document', () => {
    expect(entity('baghdad').mentions).toEqual({ 'doc-a': 2, 'doc-b': 1 });
    expect(entity('mustafa-al-kadhimi').mentions).toEqual({ 'doc-b': 1 });
  });

  test('one account per document with its perspective; a characterising sentence outranks a bare mention', () => {
    expect(entity('baghdad').accounts).toEqual([
      // "Baghdad is the capital ..." describes it; "gathered near Baghdad" only names it.
      { doc: 'doc-a', perspective: 'state', passages: ['doc-a:2:0', 'doc-a:1:0'] },
      { doc: 'doc-b', perspective: 'opposition', passages: ['doc-b:1:0'] },
    ]);
  });

  test('the build is deterministic and the version follows the content', () => {
    const again = buildKnowledgeBase(corpus());
    expect(serializeOutputs({ kb: again.kb!, matcher: again.matcher! })).toEqual(
      serializeOutputs({ kb: kb!, matcher: buildKnowledgeBase(corpus()).matcher! }),
    );
    const changed = buildKnowledgeBase(corpus({ places: [{ ...baghdad, summary: 'The capital of Iraq.' }] }));
    expect(changed.kb!.version).not.toBe(kb!.version);
  });
});
