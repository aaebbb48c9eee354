/**
 * How well names are learned, in `npm run eval` (after the spotting table) or on its own:
 * `npx tsx scripts/eval/names.ts [--misses]`.
 *
 * Seeds, gazetteer withheld. The five seeds are cleaned as the corpus builder cleans them
 * (`lib/corpus/clean.ts` through `buildKnowledgeBase`) and learned from with every person,
 * organisation and place of the gazetteer withheld: the learner knows only the gazetteer's
 * events (curated, as the extension always knows its curated entries) and the place list every
 * install carries (data/names/places.json: countries, capitals and cities of 250k+, from npm
 * packages, not from the gazetteer). The gazetteer is then the truth:
 * - expected: every withheld person and organisation the seeds name *as a name*: the built
 *   knowledge base's mentions of it (curated names and generated spellings, through the
 *   matcher and its context rule) include one written in capitals (each word other than a
 *   particle starts with a capital, or is an acronym or script). An entry the seeds only
 *   describe in lower case ("Iran-backed militias", "US troops", "the Iraqi parliament",
 *   "Iraqi supreme authority") is no name to learn; those are listed, and a second recall
 *   over every mentioned entry is printed too;
 * - a learned cluster is matched to the gazetteer entry that most of its mentions' forms are
 *   names of (folded as the matcher folds); a cluster none of whose forms is a gazetteer name
 *   is matched to nothing;
 * - recall: expected entries matched by an active learned cluster; precision: active learned
 *   clusters matched to some gazetteer entry (of any type) over all active learned clusters;
 * - pairwise F1 of merged spellings: over the distinct forms of active clusters, pairs in one
 *   cluster against pairs of one gazetteer entry (a form that is no gazetteer name is its own
 *   entry, so a stray form merged in costs precision).
 * Places are scored the same way and printed beside, not held to the thresholds.
 */
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase, foldedKey } from '../../lib/kb/build';
import { validateGazetteerFile } from '../../lib/kb/schema';
import type { GazetteerEntry, KnowledgeBase } from '../../lib/kb/types';
import { knownEntities } from '../../lib/names/known';
import { knownIndex, resolve } from '../../lib/names/resolve';
import { addDocument, emptyNameState } from '../../lib/names/state';
import type { LearnedEntity, NameDocument } from '../../lib/names/types';
import { loadMatcher } from '../../lib/engine/matcher';
import { spotText } from '../../lib/engine/evidence';
import { documentText } from '../../lib/kb/passages';
import { readCorpusInput } from '../build-corpus';

export const THRESHOLDS = { recall: 0.9, precision: 0.9, pairwiseF1: 0.9 };

export interface SeedScore {
  expected: string[];
  /** Entries named only in lower case: not expected. */
  describedOnly: string[];
  recovered: string[];
  missed: string[];
  activeClusters: number;
  correctClusters: number;
  falseClusters: string[];
  recall: number;
  /** Recall over every withheld person and organisation the seeds mention, in capitals or not. */
  recallAllMentioned: number;
  precision: number;
  pairwise: { precision: number; recall: number; f1: number };
  places: { expected: number; recovered: number; recall: number };
  /** Active clusters matched to an entry of another type, e.g. a person typed as a place. */
  typeErrors: string[];
  clusters: { name: string; type: string; entry?: string; forms: string[]; active: boolean; reason: string }[];
}

const PARTICLE = /^(?:al|el|bin|ibn|of|the|and|e|de|for|to|al-\S+)$/;

/** Written as a name: every word but particles starts with a capital, or is an acronym or script. */
export function writtenAsName(text: string): boolean {
  return text
    .split(/[\s-]+/)
    .filter(Boolean)
    .every((w) => PARTICLE.test(w) || /^[\p{Lu}\d]/u.test(w) || /^(?:al|el)-\p{Lu}/u.test(w) || /[\u0600-\u06FF]/u.test(w));
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

/** Which gazetteer entry each folded name belongs to (first entry wins: the build forbids collisions). */
function goldKeys(entries: readonly GazetteerEntry[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const e of knownEntities(entries)) for (const n of [e.name, ...e.names]) if (!keys.has(foldedKey(n))) keys.set(foldedKey(n), e.id);
  return keys;
}

function matchCluster(entity: LearnedEntity, gold: ReadonlyMap<string, string>): string | undefined {
  const votes = new Map<string, number>();
  for (const f of entity.forms) {
    const id = gold.get(f.key);
    if (id) votes.set(id, (votes.get(id) ?? 0) + f.count);
  }
  return [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function pairwise(entities: readonly LearnedEntity[], gold: ReadonlyMap<string, string>) {
  const points: { cluster: number; label: string }[] = [];
  entities.forEach((e, i) => {
    for (const f of e.forms) points.push({ cluster: i, label: gold.get(f.key) ?? `?${f.key}` });
  });
  let both = 0;
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const sameCluster = points[i]!.cluster === points[j]!.cluster;
      const sameLabel = points[i]!.label === points[j]!.label;
      if (sameCluster) predicted++;
      if (sameLabel) actual++;
      if (sameCluster && sameLabel) both++;
    }
  }
  const precision = ratio(both, predicted);
  const recall = ratio(both, actual);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export interface SeedInput {
  kb: KnowledgeBase;
  entries: GazetteerEntry[];
  documents: NameDocument[];
}

export function readSeedInput(root?: string): SeedInput {
  const input = readCorpusInput(root);
  const built = buildKnowledgeBase(input);
  if (!built.kb || !built.matcher) throw new Error('the knowledge base does not build: run npm run corpus');
  const entries = input.gazetteer.flatMap((f) => validateGazetteerFile(f.file, f.data).value);
  const documents = built.kb.documents.map((d) => ({ id: d.id, title: d.title, paragraphs: d.paragraphs }));
  return { kb: { ...built.kb, matcherData: built.matcher } as KnowledgeBase, entries, documents };
}

const WITHHELD = new Set(['person', 'organization', 'place']);

export function scoreSeeds(seed: SeedInput, learned?: LearnedEntity[]): SeedScore {
  const { entries, documents } = seed;
  const known = knownIndex(knownEntities(entries.filter((e) => !WITHHELD.has(e.type))));
  let state = emptyNameState();
  for (const doc of documents) state = addDocument(state, doc);
  const entities = learned ?? resolve(state, known).entities;

  // What the seeds name, and how: the built matcher's accepted mentions.
  const matcherData = (seed.kb as KnowledgeBase & { matcherData: Parameters<typeof loadMatcher>[0] }).matcherData;
  const matcher = loadMatcher(matcherData);
  const inCapitals = new Set<string>();
  const mentioned = new Set<string>();
  for (const doc of seed.kb.documents) {
    const { text } = documentText(doc.paragraphs);
    for (const m of spotText(matcher, text)) {
      const id = matcher.entities[m.entity]!.id;
      mentioned.add(id);
      if (writtenAsName(text.slice(m.start, m.end))) inCapitals.add(id);
    }
  }
  const typeOf = new Map(entries.map((e) => [e.id, e.type]));
  const scored = entries.filter((e) => e.type === 'person' || e.type === 'organization');
  const expected = scored.filter((e) => inCapitals.has(e.id)).map((e) => e.id);
  const describedOnly = scored.filter((e) => mentioned.has(e.id) && !inCapitals.has(e.id)).map((e) => e.id);
  const gold = goldKeys(entries);

  const fresh = entities.filter((e) => !e.known);
  const active = fresh.filter((e) => e.active);
  const matched = new Map(active.map((e) => [e, matchCluster(e, gold)]));
  const recoveredSet = new Set([...matched.values()].filter((id): id is string => id !== undefined));
  const recovered = expected.filter((id) => recoveredSet.has(id));
  const allMentioned = scored.filter((e) => mentioned.has(e.id)).map((e) => e.id);
  const places = entries.filter((e) => e.type === 'place' && inCapitals.has(e.id)).map((e) => e.id);
  const learnedType = (t: string) => (t === 'other' ? undefined : t);
  return {
    expected,
    describedOnly,
    recovered,
    missed: expected.filter((id) => !recoveredSet.has(id)),
    activeClusters: active.length,
    correctClusters: active.filter((e) => matched.get(e)).length,
    falseClusters: active.filter((e) => !matched.get(e)).map((e) => e.name),
    recall: ratio(recovered.length, expected.length),
    recallAllMentioned: ratio(allMentioned.filter((id) => recoveredSet.has(id)).length, allMentioned.length),
    precision: ratio(active.filter((e) => matched.get(e)).length, active.length),
    pairwise: pairwise(active, gold),
    places: { expected: places.length, recovered: places.filter((id) => recoveredSet.has(id)).length, recall: ratio(places.filter((id) => recoveredSet.has(id)).length, places.length) },
    typeErrors: active
      .filter((e) => {
        const id = matched.get(e);
        return id !== undefined && typeOf.get(id) !== 'event' && learnedType(e.type) !== typeOf.get(id);
      })
      .map((e) => `${e.name} (${e.type}; gazetteer: ${typeOf.get(matched.get(e)!)})`),
    clusters: fresh.map((e) => ({ name: e.name, type: e.type, entry: matched.get(e) ?? matchCluster(e, gold), forms: e.forms.map((f) => f.text), active: e.active, reason: e.reason })),
  };
}

const fmt = (n: number) => n.toFixed(3);
const verdict = (value: number, min: number) => (value >= min ? 'ok' : 'BELOW');

export function formatSeedScore(s: SeedScore, withMisses = false): string {
  const lines = [
    'Names learned from the seeds (people, organisations and places withheld; events and the place list known):',
    `  entity recall     ${fmt(s.recall)}  (${s.recovered.length} of ${s.expected.length} people and organisations named in capitals)  ≥ ${THRESHOLDS.recall} ${verdict(s.recall, THRESHOLDS.recall)}`,
    `  entity precision  ${fmt(s.precision)}  (${s.correctClusters} of ${s.activeClusters} active learned entities are gazetteer entries)  ≥ ${THRESHOLDS.precision} ${verdict(s.precision, THRESHOLDS.precision)}`,
    `  pairwise F1       ${fmt(s.pairwise.f1)}  (merged spellings: precision ${fmt(s.pairwise.precision)}, recall ${fmt(s.pairwise.recall)})  ≥ ${THRESHOLDS.pairwiseF1} ${verdict(s.pairwise.f1, THRESHOLDS.pairwiseF1)}`,
    `  recall over every mentioned person and organisation, lower-case descriptions included: ${fmt(s.recallAllMentioned)}`,
    `  places (not held to the thresholds): ${s.places.recovered} of ${s.places.expected} recovered (${fmt(s.places.recall)})`,
    `  type errors among matched entities: ${s.typeErrors.length}${s.typeErrors.length ? ` — ${s.typeErrors.join('; ')}` : ''}`,
  ];
  if (withMisses) {
    lines.push(`  missed: ${s.missed.join(', ') || '(none)'}`);
    lines.push(`  not expected (described in lower case only): ${s.describedOnly.join(', ')}`);
    lines.push(`  active, not in the gazetteer: ${s.falseClusters.join(', ') || '(none)'}`);
    for (const c of s.clusters) lines.push(`    ${c.active ? '+' : '-'} ${c.name} [${c.type}] → ${c.entry ?? '—'}: ${c.forms.join(' | ')} (${c.reason})`);
  }
  return lines.join('\n');
}

/** The names section of `npm run eval`. */
export function namesReport(withMisses = false): string {
  return formatSeedScore(scoreSeeds(readSeedInput()), withMisses);
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(namesReport(process.argv.includes('--misses')));
}
