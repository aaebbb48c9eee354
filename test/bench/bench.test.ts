/**
 * Keeps `npm run bench` from rotting: the table renders every row with its baseline, ratio,
 * budget and status; the runner discovers every module and survives one that throws; and a
 * small matcher run produces real figures (the shipped matcher finds the names the regex finds).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternation, matcherFor, paragraphs } from '../../scripts/bench/matcher.bench';
import { generatedAliases, newsText } from '../../scripts/bench/corpus-fixtures';
import { discoverModules, runModules } from '../../scripts/bench/run';
import { formatMarkdown, formatNumber, formatTable, judge } from '../../scripts/bench/table';
import type { BenchModule, BenchRow } from '../../scripts/bench/types';
import { loadMatcher } from '../../lib/engine/matcher';

const ROOT = resolve(__dirname, '../..');

const rows: BenchRow[] = [
  {
    group: 'matcher',
    name: '10k aliases vs regex',
    value: 61.234,
    unit: 'MB/s',
    baseline: { name: 'regex', value: 8.7 },
    ratio: 7.04,
    budget: '≥ 5× regex',
    status: 'ok',
  },
  { group: 'card', name: 'warm p95', value: 31, unit: 'ms', budget: '≤ 16 ms', status: 'over' },
  { group: 'size', name: 'content script', value: 72_424, unit: 'bytes' },
];

describe('bench table', () => {
  it('prints every column, aligned, with the status of each figure', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^group\s+name\s+value\s+baseline\s+ratio\s+budget\s+status$/);
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[2]).toContain('61.2 MB/s');
    expect(lines[2]).toContain('regex: 8.70');
    expect(lines[2]).toContain('7.04×');
    expect(lines[2]).toContain('≥ 5× regex');
    expect(lines[3]).toMatch(/over$/);
    expect(lines[4]).toMatch(/72,424 bytes.*info$/);
    // Columns line up: every "status" cell starts at the same place.
    const at = lines[0]!.indexOf('status');
    expect(lines.slice(2).every((l) => /^(ok|over|info)/.test(l.slice(at)))).toBe(true);
  });

  it('renders Markdown for the README, escaping pipes', () => {
    const md = formatMarkdown([{ ...rows[1]!, name: 'a | b' }]).split('\n');
    expect(md[0]).toBe('| group | name | value | baseline | ratio | budget | status |');
    expect(md[2]).toBe('| card | a \\| b | 31.0 ms |  |  | ≤ 16 ms | over |');
  });

  it('formats numbers and judges budgets', () => {
    expect(formatNumber(0.0123)).toBe('0.012');
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(judge(51, { atMost: 50 })).toBe('over');
    expect(judge(5.1, { atLeast: 5 })).toBe('ok');
    expect(judge(Number.NaN, { atLeast: 5 })).toBe('over');
  });
});

describe('bench runner', () => {
  it('discovers every *.bench.ts module', async () => {
    const found = await discoverModules(resolve(ROOT, 'scripts/bench'));
    const files = found.map((f) => f.file);
    expect(files).toEqual(expect.arrayContaining(['matcher.bench.ts', 'popup-search.bench.ts', 'browser.bench.ts', 'reanchor.bench.ts', 'extras.bench.ts']));
    expect(found.every((f) => typeof f.module.run === 'function' && f.module.title.length > 0)).toBe(true);
  });

  it('turns a module that throws into one failed row and runs the rest', async () => {
    const broken: BenchModule = { title: 'broken', run: async () => Promise.reject(new Error('no browser')) };
    const fine: BenchModule = { title: 'fine', run: async () => [rows[2]!] };
    const out = await runModules([{ file: 'a', module: broken }, { file: 'b', module: fine }], { quick: true, root: ROOT }, () => {});
    expect(out[0]).toMatchObject({ group: 'broken', status: 'over' });
    expect(out[0]!.name).toContain('no browser');
    expect(out[1]).toBe(rows[2]);
  });
});

describe('matcher bench inputs', () => {
  it('generated aliases are distinct and the automaton finds what the regex alternation finds', () => {
    const names = generatedAliases(2_000);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2_000);
    const text = newsText(100_000, names);
    const ours = loadMatcher(matcherFor(names)).findAll(text).map((m) => text.slice(m.start, m.end));
    const re = alternation(names);
    const theirs = [...text.matchAll(re)].map((m) => m[0]);
    expect(ours.length).toBeGreaterThan(100);
    expect(ours).toEqual(theirs);
  });

  it('cuts text into paragraph pieces at sentence ends, losing nothing', () => {
    const text = newsText(20_000, ['Karimo Sadeli']);
    const pieces = paragraphs(text, 1000);
    expect(pieces.join('')).toBe(text);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('. '))).toBe(true);
  });
});
