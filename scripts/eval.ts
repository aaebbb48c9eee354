/**
 * `npm run eval`: precision and recall of spotting on a set of hand-labelled pages, per page and
 * overall. Each page `x.html` has a sidecar `x.expected.json`:
 *   { "mentions": [{ "text": "Mustafa al-Kazemi", "entity": "mustafa-al-kadhimi", "kind": "name" }, ...],
 *     "distractor": true?   // a page about something else: nothing may be marked }
 * listing, in page order, every mention a reader would expect marked; `kind` (optional) says how
 * the page names the entity (name, event-phrase, institution-noun, script, spun, agreement), and
 * recall is then reported per kind too. Found and expected mentions are compared as multisets of
 * (entity, text), so a page scores the same whatever order its sidebar and body are read in. Same
 * code path as `npm run spot` (scripts/spot.ts).
 *
 *   npm run eval                 the old evaluation set (test/pages/eval/), the one tuned on
 *   npm run eval -- --dev        the dev split (test/pages/dev/), the other one tuned on
 *   npm run eval -- --blind      the blind set (test/pages/blind/): run once, to report, never to tune
 *   --misses                     also list each page's missed and spurious mentions
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMatcher, spotFiles, SpotError } from './spot';
import type { Matcher } from '../lib/engine/matcher';

export const EVAL_DIR = fileURLToPath(new URL('../test/pages/eval/', import.meta.url));
export const DEV_DIR = fileURLToPath(new URL('../test/pages/dev/', import.meta.url));
export const BLIND_DIR = fileURLToPath(new URL('../test/pages/blind/', import.meta.url));

export interface ExpectedMention {
  text: string;
  entity: string;
  /** How the page names it; sets without kinds are scored as one kind, "unlabelled". */
  kind?: string;
}

export interface ExpectedPage {
  distractor?: boolean;
  mentions: ExpectedMention[];
}

/** A missed mention, with the kind its label gives it. */
export interface Miss {
  key: string;
  kind: string;
}

export interface KindScore {
  expected: number;
  correct: number;
}

export interface PageScore {
  page: string;
  distractor: boolean;
  expected: number;
  found: number;
  correct: number;
  missed: Miss[];
  spurious: string[];
  /** Expected and found per kind of mention. */
  kinds: Map<string, KindScore>;
}

export interface EvalResult {
  pages: PageScore[];
  precision: number;
  recall: number;
  /** Marks on distractor pages (must be 0). */
  distractorMarks: number;
  /** Recall per kind of mention over all pages, kinds in order of first appearance. */
  kinds: Map<string, KindScore>;
}

const UNLABELLED = 'unlabelled';

/** What a mention is compared by: entity and text, with invisible and spacing differences folded. */
function key(entity: string, text: string): string {
  const folded = text.normalize('NFKC').replace(/[\u00AD\u200B-\u200D\u2060]/g, '').replace(/\s+/g, ' ').trim();
  return `${entity} | ${folded}`;
}

function counts(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Items of `a` beyond what `b` has, with multiplicity. */
function beyond(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) for (let i = b.get(k) ?? 0; i < n; i++) out.push(k);
  return out;
}

/**
 * Which expected mentions were found, per kind. Where a (entity, text) pair is expected n times
 * and found g < n times, the first g in page order count as found: labels of one pair almost
 * always share their kind, and the order keeps the split reproducible when they do not.
 */
function scoreKinds(expected: readonly ExpectedMention[], got: Map<string, number>): { kinds: Map<string, KindScore>; missed: Miss[] } {
  const kinds = new Map<string, KindScore>();
  const used = new Map<string, number>();
  const missed: Miss[] = [];
  for (const m of expected) {
    const k = key(m.entity, m.text);
    const kind = m.kind ?? UNLABELLED;
    const score = kinds.get(kind) ?? { expected: 0, correct: 0 };
    kinds.set(kind, score);
    score.expected++;
    const n = used.get(k) ?? 0;
    used.set(k, n + 1);
    if (n < (got.get(k) ?? 0)) score.correct++;
    else missed.push({ key: k, kind });
  }
  return { kinds, missed };
}

function addKinds(into: Map<string, KindScore>, from: Map<string, KindScore>): void {
  for (const [kind, s] of from) {
    const total = into.get(kind) ?? { expected: 0, correct: 0 };
    into.set(kind, total);
    total.expected += s.expected;
    total.correct += s.correct;
  }
}

export async function evaluate(matcher: Matcher, dir = EVAL_DIR): Promise<EvalResult> {
  const pages = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  const scores: PageScore[] = [];
  for (const page of pages) {
    const sidecar = join(dir, page.replace(/\.html$/, '.expected.json'));
    let expected: ExpectedPage;
    try {
      expected = JSON.parse(await readFile(sidecar, 'utf8')) as ExpectedPage;
    } catch (error) {
      throw new SpotError(`${page}: no readable sidecar ${sidecar} (${(error as Error).message})`);
    }
    const found = (await spotFiles([join(dir, page)], matcher)).map((l) => key(l.entity, l.text));
    const want = counts(expected.mentions.map((m) => key(m.entity, m.text)));
    const got = counts(found);
    const { kinds, missed } = scoreKinds(expected.mentions, got);
    const spurious = beyond(got, want);
    scores.push({
      page,
      distractor: expected.distractor === true,
      expected: expected.mentions.length,
      found: found.length,
      correct: found.length - spurious.length,
      missed,
      spurious,
      kinds,
    });
  }
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const correct = sum((s) => s.correct);
  const kinds = new Map<string, KindScore>();
  for (const s of scores) addKinds(kinds, s.kinds);
  return {
    pages: scores,
    precision: sum((s) => s.found) ? correct / sum((s) => s.found) : 1,
    recall: sum((s) => s.expected) ? correct / sum((s) => s.expected) : 1,
    distractorMarks: sum((s) => (s.distractor ? s.found : 0)),
    kinds,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? '  -  ' : (n / d).toFixed(3));

export function formatResult(result: EvalResult, withMisses = false): string {
  const lines = [`${'page'.padEnd(36)} ${'expected'.padStart(8)} ${'found'.padStart(6)} ${'correct'.padStart(7)}  precision  recall`];
  for (const s of result.pages) {
    const name = (s.distractor ? '(distractor) ' : '') + s.page.replace(/\.html$/, '');
    lines.push(
      `${name.padEnd(36)} ${String(s.expected).padStart(8)} ${String(s.found).padStart(6)} ${String(s.correct).padStart(7)}  ` +
        `${ratio(s.correct, s.found).padStart(9)}  ${ratio(s.correct, s.expected).padStart(6)}`,
    );
    if (withMisses) {
      for (const m of s.missed) lines.push(`    missed   ${m.key}${m.kind === UNLABELLED ? '' : `  (${m.kind})`}`);
      for (const m of s.spurious) lines.push(`    spurious ${m}`);
    }
  }
  const total = (f: (s: PageScore) => number) => result.pages.reduce((n, s) => n + f(s), 0);
  lines.push(
    `${'overall'.padEnd(36)} ${String(total((s) => s.expected)).padStart(8)} ${String(total((s) => s.found)).padStart(6)} ` +
      `${String(total((s) => s.correct)).padStart(7)}  ${result.precision.toFixed(3).padStart(9)}  ${result.recall.toFixed(3).padStart(6)}`,
  );
  lines.push(`pages: ${result.pages.length} (${result.pages.filter((p) => p.distractor).length} distractors); marks on distractor pages: ${result.distractorMarks}`);
  const labelled = [...result.kinds.keys()].filter((k) => k !== UNLABELLED);
  if (labelled.length > 0) lines.push(formatKinds(result));
  return lines.join('\n');
}

/** Recall per kind of mention, one line each. */
export function formatKinds(result: EvalResult): string {
  const lines = [`${'recall by kind'.padEnd(20)} ${'expected'.padStart(8)} ${'correct'.padStart(7)}  recall`];
  for (const [kind, s] of result.kinds) {
    lines.push(`${kind.padEnd(20)} ${String(s.expected).padStart(8)} ${String(s.correct).padStart(7)}  ${ratio(s.correct, s.expected).padStart(6)}`);
  }
  return lines.join('\n');
}

/**
 * The figures reported for a set: precision, recall, distractor marks, recall per kind, and
 * every mention still missed, grouped by kind (page, entity and text), plus the spurious marks.
 */
export function formatSummary(result: EvalResult): string {
  const lines = [
    `precision ${result.precision.toFixed(3)}  recall ${result.recall.toFixed(3)}  marks on distractor pages: ${result.distractorMarks}` +
      `  (${result.pages.length} pages, ${result.pages.filter((p) => p.distractor).length} distractors)`,
    formatKinds(result),
  ];
  const byKind = new Map<string, string[]>();
  for (const page of result.pages) {
    for (const m of page.missed) {
      const list = byKind.get(m.kind) ?? [];
      byKind.set(m.kind, list);
      list.push(`${page.page.replace(/\.html$/, '')}: ${m.key}`);
    }
  }
  for (const [kind, list] of byKind) {
    lines.push(`misses left, ${kind} (${list.length}):`);
    for (const m of list) lines.push(`    ${m}`);
  }
  const spurious = result.pages.flatMap((p) => p.spurious.map((s) => `${p.distractor ? '(distractor) ' : ''}${p.page.replace(/\.html$/, '')}: ${s}`));
  lines.push(`spurious marks (${spurious.length}):`);
  for (const s of spurious) lines.push(`    ${s}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  try {
    const matcher = await readMatcher(process.env.BACKSTORY_MATCHER);
    const blind = argv.includes('--blind');
    const dir = blind ? BLIND_DIR : argv.includes('--dev') ? DEV_DIR : EVAL_DIR;
    const result = await evaluate(matcher, dir);
    console.log(formatResult(result, argv.includes('--misses')));
    // The blind set is run once, to report: print everything the report needs in one go.
    if (blind) console.log('\n' + formatSummary(result));
    return 0;
  } catch (error) {
    if (error instanceof SpotError) {
      console.error(`eval: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
