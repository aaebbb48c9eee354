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
 *   npm run eval                 the old evaluation set (test/pages/eval/), the one tuned on, then
 *                                the learned-names figures (seeds; dev set) and the accounts figures
 *                                (scripts/eval/accounts.ts)
 *   npm run eval -- --dev        the spotting dev split (test/pages/dev/), the other one tuned on
 *   npm run eval -- --dev-2      the second dev split (test/pages/dev/round-2/), collected to tune on
 *                                pages the first rounds never saw; printed like --dev
 *   npm run eval -- --blind      the first blind set (test/pages/blind/, its own pages only), now spent;
 *                                totals and misses by kind, its pages too with --misses
 *   npm run eval -- --blind-2    the second blind set (test/pages/blind/round-2/), which replaced the
 *                                first once that was spent: scored and printed the same way as --blind
 *   npm run eval -- --blind-3    the third blind set (test/pages/blind/round-3/), which replaced the
 *                                second once that was spent, now spent too: printed the same way as --blind
 *   npm run eval -- --blind-4    the fourth blind set (test/pages/blind/round-4/, both collectors' pages),
 *                                which replaced the third, now spent too: printed the same way as --blind
 *   npm run eval -- --blind-5    the fifth blind set (test/pages/blind/round-5/, both collectors' pages),
 *                                which replaces the fourth: totals and misses by kind only, never a page
 *   npm run eval -- --names-blind-3
 *                                the third learned-names blind set (test/names/blind-3/), now spent:
 *                                its corpus imported, its pages and distractors spotted; totals, and
 *                                its misses and wrong marks with --misses
 *   npm run eval -- --names-blind-4
 *                                the fourth learned-names blind set (test/names/blind-4/), which
 *                                replaced the third and is now spent too: printed the same way as
 *                                --names-blind-3
 *   npm run eval -- --names-blind-5
 *                                the fifth learned-names blind set (test/names/blind-5/), which
 *                                replaces the fourth: its totals only, never a miss or a page
 *   --misses                     also list each page's missed and spurious mentions (with --blind to
 *                                --blind-4, all spent, the pages' own figures too; with
 *                                --names-blind-3 or --names-blind-4, also spent, their misses and wrong
 *                                marks; never for a set being reported: --blind-5, --names-blind-5)
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMatcher, spotFiles, SpotError } from './spot';
import { accountsReport } from './eval/accounts';
import type { Matcher } from '../lib/engine/matcher';
import { namesReport } from './eval/names';
import { BLIND3_SET, BLIND4_SET, BLIND5_SET, devSetReport, formatSetScore, scoreSet } from './eval/names-set';
import { PROJECT_ROOT } from './build-corpus';

export const EVAL_DIR = fileURLToPath(new URL('../test/pages/eval/', import.meta.url));
export const DEV_DIR = fileURLToPath(new URL('../test/pages/dev/', import.meta.url));
/** Inside the first dev split's folder, which `evaluate` does not descend into. */
export const DEV_2_DIR = fileURLToPath(new URL('../test/pages/dev/round-2/', import.meta.url));
export const BLIND_DIR = fileURLToPath(new URL('../test/pages/blind/', import.meta.url));
/** Inside the first blind set's folder, which `evaluate` does not descend into. */
export const BLIND_2_DIR = fileURLToPath(new URL('../test/pages/blind/round-2/', import.meta.url));
/** Beside the second, inside the first blind set's folder, which `evaluate` does not descend into. */
export const BLIND_3_DIR = fileURLToPath(new URL('../test/pages/blind/round-3/', import.meta.url));
/** Beside the third, inside the first blind set's folder, which `evaluate` does not descend into. */
export const BLIND_4_DIR = fileURLToPath(new URL('../test/pages/blind/round-4/', import.meta.url));
/** Beside the fourth, inside the first blind set's folder, which `evaluate` does not descend into. */
export const BLIND_5_DIR = fileURLToPath(new URL('../test/pages/blind/round-5/', import.meta.url));

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
 * The figures reported for a set run once to report (the blind set): precision, recall,
 * distractor marks, recall per kind, and the mentions still missed, grouped by kind as entity and
 * text with how often — no page's own figures or name, so that nothing in it points back at one
 * page to tune on.
 */
export function formatSummary(result: EvalResult): string {
  const spurious = result.pages.reduce((n, p) => n + p.spurious.length, 0);
  const lines = [
    `precision ${result.precision.toFixed(3)}  recall ${result.recall.toFixed(3)}  marks on distractor pages: ${result.distractorMarks}` +
      `  wrong marks: ${spurious}  (${result.pages.length} pages, ${result.pages.filter((p) => p.distractor).length} distractors)`,
    formatKinds(result),
  ];
  const byKind = new Map<string, Map<string, number>>();
  for (const page of result.pages) {
    for (const m of page.missed) {
      const list = byKind.get(m.kind) ?? new Map<string, number>();
      byKind.set(m.kind, list);
      list.set(m.key, (list.get(m.key) ?? 0) + 1);
    }
  }
  for (const [kind, list] of byKind) {
    const total = [...list.values()].reduce((n, c) => n + c, 0);
    lines.push(`misses left, ${kind} (${total}):`);
    for (const [k, n] of [...list].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))) lines.push(`    ${k}${n > 1 ? `  ×${n}` : ''}`);
  }
  return lines.join('\n');
}

/** The sets `npm run eval` scores; a test points them at sets of its own. */
export interface EvalDirs {
  eval: string;
  dev: string;
  dev2: string;
  blind: string;
  blind2: string;
  blind3: string;
  blind4: string;
  blind5: string;
  /** The learned-names blind sets; the real ones unless a test gives its own. */
  namesBlind4?: string;
  namesBlind5?: string;
}

const DIRS: EvalDirs = {
  eval: EVAL_DIR,
  dev: DEV_DIR,
  dev2: DEV_2_DIR,
  blind: BLIND_DIR,
  blind2: BLIND_2_DIR,
  blind3: BLIND_3_DIR,
  blind4: BLIND_4_DIR,
  blind5: BLIND_5_DIR,
};

/**
 * The spotting blind sets, one flag each. A set is spent once its one figure was reported: from
 * then on it may be read page by page like a dev split; the set being reported never names a page.
 */
const SPOTTING_BLIND_SETS = [
  { flag: '--blind', dir: 'blind', label: 'blind set', spent: true },
  { flag: '--blind-2', dir: 'blind2', label: 'second blind set', spent: true },
  { flag: '--blind-3', dir: 'blind3', label: 'third blind set', spent: true },
  { flag: '--blind-4', dir: 'blind4', label: 'fourth blind set', spent: true },
  { flag: '--blind-5', dir: 'blind5', label: 'fifth blind set', spent: false },
] as const;

/** The learned-names blind sets run on their own; the same rule on what a set being reported shows. */
const NAMES_BLIND_SETS = [
  { flag: '--names-blind-3', set: (_dirs: EvalDirs) => BLIND3_SET, label: 'third names blind set', spent: true },
  { flag: '--names-blind-4', set: (dirs: EvalDirs) => dirs.namesBlind4 ?? BLIND4_SET, label: 'fourth names blind set', spent: true },
  { flag: '--names-blind-5', set: (dirs: EvalDirs) => dirs.namesBlind5 ?? BLIND5_SET, label: 'fifth names blind set', spent: false },
] as const;

/** What `npm run eval` prints for `argv`; `out` receives each block of it. */
export async function runEval(argv: readonly string[], matcher: Matcher, out: (text: string) => void, dirs: EvalDirs = DIRS): Promise<void> {
  const dev = argv.includes('--dev');
  const dev2 = argv.includes('--dev-2');
  const misses = argv.includes('--misses');
  const spotting = SPOTTING_BLIND_SETS.filter((s) => argv.includes(s.flag));
  const names = NAMES_BLIND_SETS.filter((s) => argv.includes(s.flag));
  if (spotting.length + names.length + Number(dev) + Number(dev2) > 1) {
    const flags = [...SPOTTING_BLIND_SETS, ...NAMES_BLIND_SETS].map((s) => s.flag);
    throw new SpotError(`${[...flags, '--dev', '--dev-2'].join(', ')} are different sets: run them one at a time`);
  }
  const [namesSet] = names;
  if (namesSet) {
    const set = namesSet.set(dirs);
    out(formatSetScore(`${namesSet.label} (${relative(PROJECT_ROOT, set)})`, scoreSet(set), misses && namesSet.spent));
    return;
  }
  const [blindSet] = spotting;
  if (blindSet) {
    const dir = dirs[blindSet.dir];
    const result = await evaluate(matcher, dir);
    const pages = misses && blindSet.spent;
    out(`${blindSet.label} (${dir})\n${pages ? formatResult(result, true) : formatSummary(result)}`);
    return;
  }
  const result = await evaluate(matcher, dev2 ? dirs.dev2 : dev ? dirs.dev : dirs.eval);
  out(formatResult(result, argv.includes('--misses')));
  if (dev || dev2) return;
  // Names learned from documents: their own evaluation (scripts/eval/names.ts, names-set.ts).
  out(`\n${namesReport(argv.includes('--misses'))}\n\n${devSetReport(argv.includes('--misses'))}`);
  // Accounts: automatic contrasts, disagreements of fact and stance (scripts/eval/accounts.ts).
  out(`\n${await accountsReport(matcher, argv)}`);
}

async function main(argv: string[]): Promise<number> {
  try {
    await runEval(argv, await readMatcher(process.env.BACKSTORY_MATCHER), (text) => console.log(text));
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
