// `npm run eval -- --stance-fresh` and `--stance-blind`: the held-out sets are scored with the τ of
// the tuning set and reported as figures only (no passage of them is printed); a damaged set says
// where. Run on a small synthetic file of the same format, never on the held-out sets themselves.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { blindReport, freshReport } from '../../scripts/eval/accounts';
import type { Classifier, LabelledAccount } from '../../scripts/eval/stance';

const LINES = [
  { mention: 'Alpha', text: 'Alpha committed a brutal massacre of villagers.', stance: 'negative' },
  { mention: 'Beta', text: 'Beta met the delegation on Tuesday.', stance: 'neutral' },
  { mention: 'Gamma', text: 'Gamma bravely rescued the villagers.', stance: 'positive' },
];
/** A classifier that reads a word of the passage: enough to tell the report's figures apart. */
const byWord: Classifier = { name: 'word test', size: '-', score: (a) => (/brutal/.test(a.text) ? -1 : /bravely/.test(a.text) ? 1 : 0) };
const tuning = LINES.map((l, i) => ({ ...l, id: `t${i}`, entity: null, name: l.mention, source: 'web', outlet: 'o', perspective: 'p', split: 'dev' }) as LabelledAccount);

const saved = { fresh: process.env.BACKSTORY_STANCE_FRESH, blind: process.env.BACKSTORY_STANCE_BLIND };
afterEach(() => {
  if (saved.fresh === undefined) delete process.env.BACKSTORY_STANCE_FRESH;
  else process.env.BACKSTORY_STANCE_FRESH = saved.fresh;
  if (saved.blind === undefined) delete process.env.BACKSTORY_STANCE_BLIND;
  else process.env.BACKSTORY_STANCE_BLIND = saved.blind;
});

function heldOutFile(text: string, variable = 'BACKSTORY_STANCE_FRESH'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'stance-held-out-')), 'held-out.jsonl');
  writeFileSync(path, text);
  process.env[variable] = path;
  return path;
}
const freshFile = (text: string): string => heldOutFile(text);
const blindFile = (text: string): string => heldOutFile(text, 'BACKSTORY_STANCE_BLIND');

test('scores the fresh set with the tuning set’s τ and prints figures, never its passages', async () => {
  freshFile(`${LINES.map((l) => JSON.stringify(l)).join('\n')}\n`);
  const report = await freshReport(tuning, [byWord]);
  expect(report).toContain('FRESH BLIND SET (3 accounts');
  expect(report).toMatch(/word test\s+\S+\s+1\.000/);
  for (const line of LINES) {
    expect(report).not.toContain(line.text);
    expect(report).not.toContain(line.mention);
  }
});

test('a damaged line is named by line and field, and nothing is scored', async () => {
  const path = freshFile(`${JSON.stringify(LINES[0])}\n{"mention": "Beta", "stance": "neutral"}\n`);
  expect(await freshReport(tuning, [byWord])).toBe(`Stance, fresh blind set: not scored (${path}:2: text Invalid key: Expected "text" but received undefined)`);
});

test('scores the blind set from its own file, under its own heading, and prints no passage of it', async () => {
  blindFile(`${LINES.map((l) => JSON.stringify(l)).join('\n')}\n`);
  // The fresh file holds a different set: the blind report must not read it.
  freshFile(`${JSON.stringify(LINES[1])}\n`);
  const report = await blindReport(tuning, [byWord]);
  expect(report).toContain('BLIND SET (3 accounts');
  expect(report).not.toContain('FRESH');
  expect(report).toMatch(/word test\s+\S+\s+1\.000/);
  for (const line of LINES) {
    expect(report).not.toContain(line.text);
    expect(report).not.toContain(line.mention);
  }
});

test('a damaged blind set is named by line and field, and nothing is scored', async () => {
  const path = blindFile(`{"mention": "Alpha", "text": "Alpha met them.", "stance": "hostile"}\n`);
  const report = await blindReport(tuning, [byWord]);
  expect(report.startsWith(`Stance, blind set: not scored (${path}:1: stance `)).toBe(true);
});
