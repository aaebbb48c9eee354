/**
 * Names learned from the reader's documents: what learning costs on the device.
 * - reading one article for names (lib/names/discover.ts), per 1,000 words, on the seeds' text;
 * - resolving the learned names of 1,000 documents (lib/names/resolve.ts: the step that runs
 *   after every added or removed document; it reads no text);
 * - rebuilding the matcher with 20,000 learned aliases beside the curated ones
 *   (`withLearnedNames` + `buildMatcher`), against building the curated matcher alone in the
 *   same run: whether an incremental rebuild (a second, learned-only automaton) would pay is
 *   the difference between the two.
 * Medians of 3 (1 when quick). Learned entities for the rebuild are made up (corpus-fixtures'
 * names: two forms each, the full name and the surname), so that the count is exact.
 */
import { buildMatcher } from '../../lib/engine/build-matcher';
import { buildKnowledgeBase } from '../../lib/kb/build';
import { readDocument } from '../../lib/names/discover';
import { knownEntities } from '../../lib/names/known';
import { withLearnedNames } from '../../lib/names/patterns';
import { knownIndex, resolve } from '../../lib/names/resolve';
import { addDocumentNames, emptyNameState } from '../../lib/names/state';
import type { LearnedEntity, NameDocument } from '../../lib/names/types';
import { readCorpusInput } from '../build-corpus';
import { generatedAliases } from './corpus-fixtures';
import { judge } from './table';
import { median, timeRuns } from './timing';
import type { BenchContext, BenchModule, BenchRow } from './types';

/** Made-up learned people with `aliases` forms in all: each a full name and its surname. */
export function learnedPeople(aliases: number): LearnedEntity[] {
  const names = generatedAliases(aliases);
  const entities: LearnedEntity[] = [];
  const surnames = new Set<string>();
  for (const name of names) {
    if (entities.reduce((n, e) => n + e.forms.length, 0) >= aliases) break;
    const surname = name.split(' ').pop()!;
    const forms: LearnedEntity['forms'] = [{ text: name, key: name.toLowerCase(), count: 2, docs: ['d'], specificity: 'unique' }];
    if (!surnames.has(surname.toLowerCase())) {
      surnames.add(surname.toLowerCase());
      forms.push({ text: surname, key: surname.toLowerCase(), count: 1, docs: ['d'], specificity: 'common' });
    }
    entities.push({ id: `learned:${entities.length}`, name, type: 'person', forms, docs: ['d'], mentions: 3, active: true, reason: '', strong: [], background: [] });
  }
  return entities;
}

/** `count` documents of seed paragraphs, each naming people of its own beside the seeds' names. */
function syntheticDocuments(seedParagraphs: readonly string[], count: number): NameDocument[] {
  const people = generatedAliases(count * 4, 3);
  return Array.from({ length: count }, (_, i) => ({
    id: `doc-${i}`,
    title: `Report ${i}`,
    paragraphs: [
      ...seedParagraphs.slice((i * 5) % Math.max(1, seedParagraphs.length - 6), ((i * 5) % Math.max(1, seedParagraphs.length - 6)) + 6),
      `Prime Minister ${people[i * 4]} met ${people[i * 4 + 1]}, the leader of the ${people[i * 4 + 2]!.split(' ')[0]} Party.`,
      `${people[i * 4 + 3]} said ${people[i * 4]!.split(' ').pop()} would visit ${people[(i * 4 + 7) % people.length]}.`,
    ],
  }));
}

const bench: BenchModule = {
  title: 'learned names',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const runs = ctx.quick ? 1 : 3;
    const input = readCorpusInput(ctx.root);
    const built = buildKnowledgeBase(input);
    if (!built.kb || !built.matcherInput) throw new Error('the knowledge base does not build');
    const rows: BenchRow[] = [];

    // Reading documents for names.
    const seedParagraphs = built.kb.documents.flatMap((d) => d.paragraphs);
    const article: NameDocument = { id: 'article', title: 'Article', paragraphs: seedParagraphs };
    const words = seedParagraphs.join(' ').split(/\s+/).length;
    readDocument(article);
    const read = median(timeRuns(runs * 2, () => readDocument(article)));
    rows.push({ group: 'learned names', name: `read one document for names, per 1,000 words (${words.toLocaleString('en')}-word article)`, value: (read / words) * 1000, unit: 'ms', status: 'info' });

    // Resolving a corpus's learned names (after every added or removed document).
    const docCount = ctx.quick ? 100 : 1_000;
    let state = emptyNameState();
    for (const doc of syntheticDocuments(seedParagraphs, docCount)) state = addDocumentNames(state, readDocument(doc));
    const known = knownIndex(knownEntities(built.kb.entities));
    let entities = 0;
    const resolveMs = median(
      timeRuns(runs, () => {
        entities = resolve(state, known).entities.length;
      }),
    );
    rows.push({ group: 'learned names', name: `resolve the learned names of ${docCount.toLocaleString('en')} documents (${entities.toLocaleString('en')} entities)`, value: resolveMs, unit: 'ms', status: 'info' });
    rows.push({ group: 'learned names', name: `learned state, serialised, ${docCount.toLocaleString('en')} documents`, value: JSON.stringify(state).length / 1024, unit: 'kB', status: 'info' });

    // The matcher rebuilt with learned names.
    const aliases = ctx.quick ? 2_000 : 20_000;
    const learned = learnedPeople(aliases);
    const curatedOnly = median(timeRuns(runs, () => buildMatcher({ kbVersion: 'bench', ...built.matcherInput! })));
    let patterns = 0;
    const rebuild = median(
      timeRuns(runs, () => {
        const merged = withLearnedNames(built.matcherInput!, learned);
        patterns = merged.patterns.length;
        buildMatcher({ kbVersion: 'bench', entities: merged.entities, patterns: merged.patterns });
      }),
    );
    rows.push({
      group: 'learned names',
      name: `matcher rebuilt with ${aliases.toLocaleString('en')} learned aliases (${patterns.toLocaleString('en')} patterns with the curated ones)`,
      value: rebuild,
      unit: 'ms',
      baseline: { name: `curated only (${built.matcherInput.patterns.length.toLocaleString('en')} patterns)`, value: curatedOnly },
      ratio: rebuild / curatedOnly,
      budget: '≤ 1,000 ms',
      status: judge(rebuild, { atMost: 1_000 }),
    });
    return rows;
  },
};

export default bench;
