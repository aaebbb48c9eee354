/**
 * `npm run eval`: precision and recall of spotting on the evaluation pages in test/pages/eval/,
 * per page and overall. Each page `x.html` has a sidecar `x.expected.json`:
 *   { "mentions": [{ "text": "Mustafa al-Kazemi", "entity": "mustafa-al-kadhimi" }, ...],
 *     "distractor": true?   // a page about something else: nothing may be marked }
 * listing, in page order, every mention a reader would expect marked. Found and expected
 * mentions are compared as multisets of (entity, text), so a page scores the same whatever
 * order its sidebar and body are read in. Same code path as `npm run spot` (scripts/spot.ts).
 *
 *   npm run eval                 the table, then the learned-names figures (seeds; dev set),
 *                                then the accounts figures (scripts/eval/accounts.ts)
 *   npm run eval -- --misses     also list each page's missed and spurious mentions
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMatcher, spotFiles, SpotError } from './spot';
import { accountsReport } from './eval/accounts';
import type { Matcher } from '../lib/engine/matcher';
import { namesReport } from './eval/names';
import { devSetReport } from './eval/names-set';

export const EVAL_DIR = fileURLToPath(new URL('../test/pages/eval/', import.meta.url));

export interface ExpectedPage {
  distractor?: boolean;
  mentions: { text: string; entity: string }[];
}

export interface PageScore {
  page: string;
  distractor: boolean;
  expected: number;
  found: number;
  correct: number;
  missed: string[];
  spurious: string[];
}

export interface EvalResult {
  pages: PageScore[];
  precision: number;
  recall: number;
  /** Marks on distractor pages (must be 0). */
  distractorMarks: number;
}

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
    const missed = beyond(want, got);
    const spurious = beyond(got, want);
    scores.push({
      page,
      distractor: expected.distractor === true,
      expected: expected.mentions.length,
      found: found.length,
      correct: found.length - spurious.length,
      missed,
      spurious,
    });
  }
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const correct = sum((s) => s.correct);
  return {
    pages: scores,
    precision: sum((s) => s.found) ? correct / sum((s) => s.found) : 1,
    recall: sum((s) => s.expected) ? correct / sum((s) => s.expected) : 1,
    distractorMarks: sum((s) => (s.distractor ? s.found : 0)),
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
      for (const m of s.missed) lines.push(`    missed   ${m}`);
      for (const m of s.spurious) lines.push(`    spurious ${m}`);
    }
  }
  const total = (f: (s: PageScore) => number) => result.pages.reduce((n, s) => n + f(s), 0);
  lines.push(
    `${'overall'.padEnd(36)} ${String(total((s) => s.expected)).padStart(8)} ${String(total((s) => s.found)).padStart(6)} ` +
      `${String(total((s) => s.correct)).padStart(7)}  ${result.precision.toFixed(3).padStart(9)}  ${result.recall.toFixed(3).padStart(6)}`,
  );
  lines.push(`pages: ${result.pages.length} (${result.pages.filter((p) => p.distractor).length} distractors); marks on distractor pages: ${result.distractorMarks}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  try {
    const matcher = await readMatcher(process.env.BACKSTORY_MATCHER);
    const result = await evaluate(matcher);
    console.log(formatResult(result, argv.includes('--misses')));
    // Names learned from documents: their own evaluation (scripts/eval/names.ts, names-set.ts).
    console.log(`\n${namesReport(argv.includes('--misses'))}\n\n${devSetReport(argv.includes('--misses'))}`);
    // Accounts: automatic contrasts, disagreements of fact and stance (scripts/eval/accounts.ts).
    console.log(`\n${await accountsReport(matcher, argv)}`);
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
