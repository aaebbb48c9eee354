/**
 * A knowledge base scaled up with generated entries, for measuring the popup's lookup at sizes
 * the corpus will grow to (`npm run bench`, the search scale tests). The real entries stay as
 * they are; each copy gets made-up names from Arabic-, Persian- and English-like syllables, so
 * the index holds many near-neighbours as a grown corpus would, and copied passages and
 * documents with those names in them. Deterministic: the same seed gives the same corpus.
 */
import type { KbDocument, KbEntity, KnowledgeBase, Passage } from '../../lib/kb/types';
import { seededRandom } from './timing';

const SYLLABLES = [
  'ka', 'dhi', 'mi', 'sul', 'ei', 'ma', 'ni', 'qa', 'sim', 'ha', 'shd', 'al', 'ab', 'dul', 'mah',
  'ri', 'za', 'ja', 'far', 'mo', 'ham', 'med', 'has', 'san', 'ro', 'ha', 'ni', 'tal', 'ba', 'ghd',
  'ker', 'bal', 'na', 'jaf', 'bas', 'ra', 'hu', 'sein', 'ali', 'yar', 'zad', 'eh', 'lo', 'von',
];

function makeWord(random: () => number): string {
  const n = 2 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word[0]!.toUpperCase() + word.slice(1);
}

/** `kb` with `factor - 1` generated copies of every entity, document and passage added. */
export function scaleKnowledgeBase(kb: KnowledgeBase, factor: number, seed = 1): KnowledgeBase {
  const random = seededRandom(seed);
  const entities: KbEntity[] = [...kb.entities];
  const documents: KbDocument[] = [...kb.documents];
  const passages: Passage[] = [...kb.passages];
  for (let copy = 1; copy < factor; copy++) {
    const renamed = new Map<string, string>();
    for (const e of kb.entities) {
      const name = `${makeWord(random)} ${makeWord(random)}`;
      renamed.set(e.name, name);
      entities.push({
        ...e,
        id: `${e.id}~${copy}`,
        name,
        aliases: [`al-${makeWord(random)}`, makeWord(random)],
        contextual: [],
        links: (e.links ?? []).map((l) => ({ ...l, to: `${l.to}~${copy}` })),
      });
    }
    for (const d of kb.documents) documents.push({ ...d, id: `${d.id}~${copy}`, title: `${makeWord(random)} ${d.title}` });
    for (const p of kb.passages) {
      // The passage's words with one generated name in front: prose of the same shape and size.
      passages.push({ ...p, id: `${p.doc}~${copy}:${p.para}:${p.id}`, doc: `${p.doc}~${copy}`, text: `${makeWord(random)} ${p.text}` });
    }
  }
  return { ...kb, entities, documents, passages };
}
