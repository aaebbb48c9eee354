/**
 * Matcher throughput on news-like text, normalisation included, with the real aliases and with
 * 1k / 10k / 50k made-up names, against the two obvious alternatives measured in the same run:
 * one case-insensitive regular-expression alternation of the same aliases, and a published
 * Aho-Corasick package (modern-ahocorasick, its `fast` entry, on text lower-cased first since it
 * has no case folding of its own; see `ahoCorasick` for why paragraph-sized pieces); at 10k, the
 * physical floor too: a bare `charCodeAt` loop over the same text. Also: how long a prebuilt
 * matcher takes to load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AhoCorasick from 'modern-ahocorasick';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import type { MatcherData } from '../../lib/engine/types';
import { generatedAliases, loadKb, newsText, realAliases } from './corpus-fixtures';
import { judge } from './table';
import { median, timeRuns } from './timing';
import { percentile, type BenchContext, type BenchModule, type BenchRow } from './types';

const MB = 1024 * 1024;

export function matcherFor(names: readonly string[]): MatcherData {
  return buildMatcher({
    kbVersion: 'bench',
    entities: names.map((name, i) => ({ id: `e${i}`, name, type: 'person' as const })),
    patterns: names.map((text, entity) => ({ entity, text, specificity: 'unique' as const })),
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation, longest names first so it prefers the longer of two names at a place. */
export function alternation(names: readonly string[]): RegExp {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  return new RegExp(`\\b(?:${sorted.map(escapeRegExp).join('|')})\\b`, 'gi');
}

/** MB/s of `find` over `text`, best-of-median over `runs` after one warm-up on a slice. */
function throughput(text: string, runs: number, find: (text: string) => number): { mbps: number; found: number } {
  find(text.slice(0, 20_000)); // compile lazily-built structures (the regex) outside the timing
  let found = 0;
  const samples = timeRuns(runs, () => {
    found = find(text);
  });
  return { mbps: text.length / MB / (median(samples) / 1000), found };
}

function ours(matcher: Matcher) {
  return (text: string) => matcher.findAll(text).length;
}

/**
 * The physical floor: a loop that reads every UTF-16 code unit of the text and does nothing
 * else (the sum keeps V8 from dropping the reads). No matcher that looks at every character
 * can be faster.
 */
function charCodeLoop() {
  return (text: string) => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
    return sum & 1;
  };
}

function regex(names: readonly string[]) {
  const re = alternation(names);
  return (text: string) => {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(text)) n++;
    return n;
  };
}

/**
 * modern-ahocorasick 3.3 slows down super-linearly with the length of one input (counting in
 * 100 kB took 58 s here), so it gets the text as a page would give it: paragraph-sized pieces
 * cut at sentence ends, and only the first `AC_SAMPLE` characters (throughput is per MB anyway).
 */
const AC_SAMPLE = 1 * MB;
const AC_PIECE = 1000;

export function paragraphs(text: string, size = AC_PIECE): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('. ', from + size);
    to = to < 0 ? text.length : to + 2;
    pieces.push(text.slice(from, to));
    from = to;
  }
  return pieces;
}

function ahoCorasick(names: readonly string[]) {
  const ac = new AhoCorasick(names.map((n) => n.toLowerCase()));
  return (text: string) => {
    let n = 0;
    for (const piece of paragraphs(text)) n += ac.search(piece.toLowerCase(), { strategy: 'leftmost-longest' }).length;
    return n;
  };
}

export const matcherBench: BenchModule = {
  title: 'matcher throughput',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const size = ctx.quick ? 1 * MB : 10 * MB;
    const runs = ctx.quick ? 1 : 3;
    const rows: BenchRow[] = [];
    const label = `${size / MB} MB`;

    // Real aliases: the shipped matcher, exactly as the content script loads it.
    const shipped = JSON.parse(readFileSync(join(ctx.root, 'data', 'matcher.json'), 'utf8')) as MatcherData;
    const real = realAliases(loadKb(ctx.root));
    const realText = newsText(size, real);
    const realOurs = throughput(realText, runs, ours(loadMatcher(shipped)));
    const realRegex = throughput(realText, runs, regex(real));
    const realAc = throughput(realText.slice(0, AC_SAMPLE), 1, ahoCorasick(real));
    rows.push({
      group: 'matcher',
      name: `real aliases (${real.length}), ${label}, vs regex alternation`,
      value: realOurs.mbps,
      unit: 'MB/s',
      baseline: { name: 'regex', value: realRegex.mbps },
      ratio: realOurs.mbps / realRegex.mbps,
      budget: '≥ 50 MB/s',
      status: judge(realOurs.mbps, { atLeast: 50 }),
    });
    rows.push({
      group: 'matcher',
      name: `real aliases, vs modern-ahocorasick (1 MB in 1 kB paragraphs)`,
      value: realOurs.mbps,
      unit: 'MB/s',
      baseline: { name: 'modern-ahocorasick', value: realAc.mbps },
      ratio: realOurs.mbps / realAc.mbps,
      status: 'info',
    });

    const scales = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
    let at1k = 0;
    for (const count of scales) {
      const names = generatedAliases(count);
      const built = timeRuns(1, () => void matcherFor(names));
      const data = matcherFor(names);
      const text = newsText(size, names);
      const mine = throughput(text, runs, ours(loadMatcher(data)));
      const k = `${count / 1000}k`;
      if (count === 1_000) at1k = mine.mbps;
      if (count === 1_000) {
        rows.push({ group: 'matcher', name: `${k} aliases, ${label}`, value: mine.mbps, unit: 'MB/s', budget: '≥ 50 MB/s', status: judge(mine.mbps, { atLeast: 50 }) });
        continue;
      }
      const re = throughput(text, ctx.quick ? 1 : 2, regex(names));
      rows.push({
        group: 'matcher',
        name: `${k} aliases, ${label}, vs regex alternation`,
        value: mine.mbps,
        unit: 'MB/s',
        baseline: { name: 'regex', value: re.mbps },
        ratio: mine.mbps / re.mbps,
        status: 'info',
      });
      if (count === 10_000) {
        const floor = throughput(text, runs, charCodeLoop());
        rows.push({
          group: 'matcher',
          name: `${k} aliases, ${label}, vs a bare charCodeAt loop over the same text (the floor)`,
          value: mine.mbps,
          unit: 'MB/s',
          baseline: { name: 'charCodeAt loop', value: floor.mbps },
          ratio: mine.mbps / floor.mbps,
          budget: '≥ 0.5× charCodeAt loop',
          status: judge(mine.mbps / floor.mbps, { atLeast: 0.5 }),
        });
      }
      const ac = throughput(text.slice(0, ctx.quick ? AC_SAMPLE / 4 : AC_SAMPLE), 1, ahoCorasick(names));
      rows.push({
        group: 'matcher',
        name: `${k} aliases, vs modern-ahocorasick`,
        value: mine.mbps,
        unit: 'MB/s',
        baseline: { name: 'modern-ahocorasick', value: ac.mbps },
        ratio: mine.mbps / ac.mbps,
        status: 'info',
      });
      if (count === 50_000) {
        rows.push({
          group: 'matcher',
          name: '50k aliases vs its own speed at 1k',
          value: mine.mbps,
          unit: 'MB/s',
          baseline: { name: '1k aliases', value: at1k },
          ratio: mine.mbps / at1k,
          budget: '≥ 0.7× 1k',
          status: judge(mine.mbps / at1k, { atLeast: 0.7 }),
        });
      }
      // Loading what the build ships: parse the JSON, decode, expand the class table.
      const json = JSON.stringify(data);
      const loads = timeRuns(ctx.quick ? 3 : 9, () => void loadMatcher(JSON.parse(json) as MatcherData));
      rows.push({
        group: 'matcher',
        name: `prebuilt ${k}-alias matcher load (parse + unpack) p95`,
        value: percentile(loads, 95),
        unit: 'ms',
        baseline: { name: `build from aliases`, value: built[0]! },
        ratio: percentile(loads, 95) / built[0]!,
        budget: '≤ 50 ms',
        status: judge(percentile(loads, 95), { atMost: 50 }),
      });
    }
    return rows;
  },
};

export default matcherBench;
