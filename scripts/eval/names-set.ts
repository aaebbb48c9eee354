/**
 * Learned names on a hand-labelled set (test/names/<set>/: `corpus/` articles imported as the
 * reader's documents, `pages/` read as pages, `labels.json`; see test/names/README.md):
 *
 *   npx tsx scripts/eval/names-set.ts [DIR] [--misses]     (DIR defaults to test/names/dev)
 *
 * The corpus articles are read as an import would read them (the `<h1>` as title, one
 * paragraph per `<p>`), learned from with the whole curated knowledge base known, and the
 * matcher rebuilt with the learned names (lib/names/patterns.ts). Each page is then spotted as
 * `npm run spot` spots it (the content script's text extraction and evidence rules).
 * A mark is right when the labels have a mention with its text (folded as the matcher folds)
 * and the mark's entity is that mention's cluster: a curated entity through the label's
 * `gazetteer` id, a learned one through the cluster most of its forms are labelled as in the
 * corpus. Figures:
 * - learned-name recall on the pages: mentions of clusters named in the corpus and not curated
 *   (what only learning can find) that are marked right;
 * - recall over every mention of a curated or corpus-named cluster, and over all mentions;
 * - precision of every mark, and of the marks of learned entities alone;
 * - people merged: learned entities whose forms are labelled as two or more people;
 * - marks on the distractor pages (test/names/distractors/: pages written for this, about other
 *   things, naming people, places and bodies that share words with names a news corpus about
 *   Iraq and Iran learns — Austin, Urban, Hussein, Foreign Ministry; and a set's own
 *   `distractors/` folder if it has one): every learned mark there is wrong.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { spotText } from '../../lib/engine/evidence';
import { loadMatcher } from '../../lib/engine/matcher';
import { matcherRules, withMatcherRules } from '../../lib/kb/matcher-rules';
import { buildKnowledgeBase, foldedKey } from '../../lib/kb/build';
import { knownEntities } from '../../lib/names/known';
import { withLearnedNames } from '../../lib/names/patterns';
import { knownIndex, resolve } from '../../lib/names/resolve';
import { addDocument, emptyNameState } from '../../lib/names/state';
import type { LearnedEntity, NameDocument } from '../../lib/names/types';
import { PROJECT_ROOT, readCorpusInput } from '../build-corpus';
import { visibleText } from '../spot';

interface Labels {
  entities: { id: string; type: string; name: string; gazetteer: string | null }[];
  documents: { file: string; mentions: { text: string; entity: string }[] }[];
}

export const DEV_SET = join(PROJECT_ROOT, 'test/names/dev');
/** A second development set, collected and labelled the same way from other articles. */
export const DEV2_SET = join(PROJECT_ROOT, 'test/names/dev2');
/** The third blind set (labelled by hand before any code ran on it), reported once and now spent: `npm run eval -- --names-blind-3`. */
export const BLIND3_SET = join(PROJECT_ROOT, 'test/names/blind-3');
/** The fourth blind set, labelled the same way on another story: run once, through `npm run eval -- --names-blind-4`. */
export const BLIND4_SET = join(PROJECT_ROOT, 'test/names/blind-4');
/** The fifth blind set, labelled the same way on another story, reported once: `npm run eval -- --names-blind-5`. */
export const BLIND5_SET = join(PROJECT_ROOT, 'test/names/blind-5');
export const DISTRACTORS = join(PROJECT_ROOT, 'test/names/distractors');

function readArticle(file: string, id: string): NameDocument {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
    const title = doc.querySelector('h1')?.textContent?.trim() ?? '';
    const paragraphs = [...doc.querySelectorAll('p')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
    return { id, title, paragraphs };
  } finally {
    void window.happyDOM.close();
  }
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export interface SetScore {
  pages: number;
  corpus: number;
  learnedRecall: { correct: number; expected: number };
  knowableRecall: { correct: number; expected: number };
  allRecall: { correct: number; expected: number };
  precision: { correct: number; marks: number };
  learnedPrecision: { correct: number; marks: number };
  peopleMerged: string[];
  misses: string[];
  wrong: string[];
  distractors: { pages: number; marks: string[]; learnedMarks: string[] };
}

export function scoreSet(dir: string): SetScore {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
  const clusterOf = new Map(labels.entities.map((e) => [e.id, e]));
  const byGazetteer = new Map(labels.entities.filter((e) => e.gazetteer).map((e) => [e.gazetteer!, e.id]));
  const input = readCorpusInput();
  const built = buildKnowledgeBase(input);
  if (!built.kb || !built.matcherInput || !built.matcher) throw new Error('the knowledge base does not build: run npm run corpus');
  const known = knownIndex(knownEntities(built.kb.entities));

  const corpusDocs = labels.documents.filter((d) => d.file.startsWith('corpus/'));
  const pageDocs = labels.documents.filter((d) => d.file.startsWith('pages/'));
  let state = emptyNameState();
  for (const d of corpusDocs) state = addDocument(state, readArticle(join(dir, d.file), d.file.replace(/^corpus\/|\.html$/g, '')));
  const { entities } = resolve(state, known);
  const matcherInput = withLearnedNames(built.matcherInput, entities);
  // As the device rebuilds it: the learned names beside the curated ones, with the curated rules.
  const matcher = loadMatcher(withMatcherRules(buildMatcher({ kbVersion: 'eval', ...matcherInput }), matcherRules(built.matcher)));

  // The labelled cluster of each learned entity: the one most of its forms are labelled as in the corpus.
  const corpusLabel = new Map<string, Map<string, number>>();
  for (const d of corpusDocs) {
    for (const m of d.mentions) {
      const votes = corpusLabel.get(foldedKey(m.text)) ?? new Map<string, number>();
      votes.set(m.entity, (votes.get(m.entity) ?? 0) + 1);
      corpusLabel.set(foldedKey(m.text), votes);
    }
  }
  const learnedCluster = new Map<string, string>();
  const peopleMerged: string[] = [];
  for (const e of entities) {
    const votes = new Map<string, number>();
    for (const f of e.forms) for (const [cluster, n] of corpusLabel.get(f.key) ?? []) votes.set(cluster, (votes.get(cluster) ?? 0) + n);
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (best) learnedCluster.set(e.id, best);
    const people = [...votes.keys()].filter((c) => clusterOf.get(c)?.type === 'person');
    if (e.active && people.length >= 2) peopleMerged.push(`${e.name}: ${people.join(' + ')}`);
  }
  const clusterOfEntity = (id: string): string | undefined => byGazetteer.get(id) ?? learnedCluster.get(id);
  const learnedIds = new Set(entities.filter((e: LearnedEntity) => !e.known).map((e) => e.id));

  const inCorpus = new Set(corpusDocs.flatMap((d) => d.mentions.map((m) => m.entity)));
  const score: SetScore = {
    pages: pageDocs.length,
    corpus: corpusDocs.length,
    learnedRecall: { correct: 0, expected: 0 },
    knowableRecall: { correct: 0, expected: 0 },
    allRecall: { correct: 0, expected: 0 },
    precision: { correct: 0, marks: 0 },
    learnedPrecision: { correct: 0, marks: 0 },
    peopleMerged,
    misses: [],
    wrong: [],
    distractors: { pages: 0, marks: [], learnedMarks: [] },
  };
  for (const page of pageDocs) {
    const file = join(dir, page.file);
    const text = visibleText(file, readFileSync(file, 'utf8'));
    const marks = spotText(matcher, text).map((m) => ({ id: matcher.entities[m.entity]!.id, text: text.slice(m.start, m.end) }));
    // Match marks to labelled mentions by folded text and cluster, as multisets.
    const open = page.mentions.map((m) => ({ ...m, key: foldedKey(m.text), hit: false }));
    for (const mark of marks) {
      const cluster = clusterOfEntity(mark.id);
      const hit = open.find((m) => !m.hit && m.key === foldedKey(mark.text) && m.entity === cluster);
      score.precision.marks++;
      if (learnedIds.has(mark.id)) score.learnedPrecision.marks++;
      if (hit) {
        hit.hit = true;
        score.precision.correct++;
        if (learnedIds.has(mark.id)) score.learnedPrecision.correct++;
      } else {
        score.wrong.push(`${page.file}: "${mark.text}" → ${mark.id}${cluster ? ` (${cluster})` : ''}`);
      }
    }
    for (const m of open) {
      const curated = clusterOf.get(m.entity)?.gazetteer;
      const learnable = !curated && inCorpus.has(m.entity);
      score.allRecall.expected++;
      if (m.hit) score.allRecall.correct++;
      if (curated || learnable) {
        score.knowableRecall.expected++;
        if (m.hit) score.knowableRecall.correct++;
      }
      if (learnable) {
        score.learnedRecall.expected++;
        if (m.hit) score.learnedRecall.correct++;
      }
      if (!m.hit && (curated || learnable)) score.misses.push(`${page.file}: "${m.text}" (${m.entity}${curated ? ', curated' : ''})`);
    }
  }
  // The shared distractor pages, and a set's own (`<set>/distractors/`) when it has some.
  for (const folder of [DISTRACTORS, join(dir, 'distractors')].filter((f) => existsSync(f))) {
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.html')).sort()) {
      const file = join(folder, name);
      const text = visibleText(file, readFileSync(file, 'utf8'));
      score.distractors.pages++;
      for (const m of spotText(matcher, text)) {
        const id = matcher.entities[m.entity]!.id;
        const line = `${name}: "${text.slice(m.start, m.end)}" → ${id}`;
        score.distractors.marks.push(line);
        if (learnedIds.has(id)) score.distractors.learnedMarks.push(line);
      }
    }
  }
  return score;
}

const f3 = (p: { correct: number; expected?: number; marks?: number }) => {
  const d = p.expected ?? p.marks ?? 0;
  return `${ratio(p.correct, d).toFixed(3)} (${p.correct}/${d})`;
};

export function formatSetScore(name: string, s: SetScore, withMisses = false): string {
  const lines = [
    `Learned names on ${name} (${s.corpus} articles imported, ${s.pages} pages read):`,
    `  learned-name recall on the pages  ${f3(s.learnedRecall)}   (mentions of names only the imported articles give)`,
    `  recall, curated + learnable       ${f3(s.knowableRecall)}`,
    `  recall, every labelled mention    ${f3(s.allRecall)}`,
    `  precision of every mark           ${f3(s.precision)}`,
    `  precision of learned marks        ${f3(s.learnedPrecision)}`,
    `  people merged: ${s.peopleMerged.length}${s.peopleMerged.length ? ` — ${s.peopleMerged.join('; ')}` : ''}`,
    `  marks on ${s.distractors.pages} distractor pages: ${s.distractors.learnedMarks.length} of learned names, ${s.distractors.marks.length} in all`,
  ];
  if (withMisses) {
    for (const m of s.misses) lines.push(`    missed   ${m}`);
    for (const w of s.wrong) lines.push(`    wrong    ${w}`);
    for (const d of s.distractors.marks) lines.push(`    off-topic ${d}`);
  }
  return lines.join('\n');
}

/** The dev sets' figures, each on its own, or a line saying one is not there. */
export function devSetReport(withMisses = false): string {
  return [
    [DEV_SET, 'the dev set'],
    [DEV2_SET, 'the second dev set'],
  ]
    .map(([dir, name]) =>
      existsSync(join(dir!, 'labels.json')) ? formatSetScore(`${name} (${dir!.slice(PROJECT_ROOT.length + 1)})`, scoreSet(dir!), withMisses) : `Learned names on ${name}: ${dir!.slice(PROJECT_ROOT.length + 1)}/ is not in this checkout.`,
    )
    .join('\n\n');
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const target = dir ? resolvePath(dir) : DEV_SET;
  if (!existsSync(join(target, 'labels.json')) || !readdirSync(target).includes('corpus')) {
    console.error(`names-set: ${target} has no labels.json and corpus/`);
    process.exitCode = 1;
  } else {
    console.log(formatSetScore(target, scoreSet(target), process.argv.includes('--misses')));
  }
}
