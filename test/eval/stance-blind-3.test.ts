// `npm run eval -- --stance-blind-3`: the third blind set is scored with the τ of the tuning set and
// reported as figures only, overall, per class and per perspective; no passage, mention, outlet or
// source of it is printed, and a damaged set says where. Run on a small synthetic file of the same
// format, never on the blind set itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { blind3Report } from '../../scripts/eval/accounts';
import type { Classifier, LabelledAccount } from '../../scripts/eval/stance';

const LINES = [
  { mention: 'Quorvane', text: 'Quorvane committed a brutal massacre of villagers.', stance: 'negative', perspective: 'wire', outlet: 'Zentrix Daily', source: 'https://zentrix.example/a' },
  { mention: 'Belmoruk', text: 'Belmoruk met the delegation on Tuesday.', stance: 'neutral', perspective: 'wire', outlet: 'Zentrix Daily', source: 'https://zentrix.example/a' },
  { mention: 'Gastrelle', text: 'Gastrelle bravely rescued the villagers.', stance: 'positive', perspective: 'gulf', outlet: 'Yarrow Post', source: 'https://yarrow.example/b' },
  { mention: 'Dunmereth', text: 'Dunmereth bravely opened the clinic.', stance: 'negative', perspective: 'gulf', outlet: 'Yarrow Post', source: 'https://yarrow.example/b' },
];
/** A classifier that reads a word of the passage: enough to tell the report's figures apart. */
const byWord: Classifier = { name: 'word test', size: '-', score: (a) => (/brutal/.test(a.text) ? -1 : /bravely/.test(a.text) ? 1 : 0) };
const tuning = LINES.slice(0, 3).map((l, i) => ({ ...l, id: `t${i}`, entity: null, name: l.mention, split: 'dev' }) as LabelledAccount);

const saved = { blind: process.env.BACKSTORY_STANCE_BLIND, blind3: process.env.BACKSTORY_STANCE_BLIND_3 };
afterEach(() => {
  for (const [key, variable] of [['blind', 'BACKSTORY_STANCE_BLIND'], ['blind3', 'BACKSTORY_STANCE_BLIND_3']] as const) {
    if (saved[key] === undefined) delete process.env[variable];
    else process.env[variable] = saved[key];
  }
});

function heldOutFile(text: string, variable: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'stance-blind-3-')), 'held-out.jsonl');
  writeFileSync(path, text);
  process.env[variable] = path;
  return path;
}

test('scores the third blind set under its own heading, overall, per class and per perspective, and prints no passage of it', async () => {
  heldOutFile(`${LINES.map((l) => JSON.stringify(l)).join('\n')}\n`, 'BACKSTORY_STANCE_BLIND_3');
  // The second blind set's file holds a different set: this report must not read it.
  heldOutFile(`${JSON.stringify(LINES[1])}\n`, 'BACKSTORY_STANCE_BLIND');
  const report = await blind3Report(tuning, [byWord]);
  expect(report).toContain('BLIND SET 3 (4 accounts');
  // Three of four right overall: the last passage's label disagrees with its word.
  expect(report).toMatch(/word test\s+\S+\s+0\.750/);
  expect(report).toMatch(/negative\s+1\.000\s+0\.500/);
  // Per perspective: both wire accounts right, one of the two Gulf ones.
  expect(report).toMatch(/^ {2}gulf\s+2\s+0\.500$/m);
  expect(report).toMatch(/^ {2}wire\s+2\s+1\.000$/m);
  for (const line of LINES) {
    for (const field of [line.text, line.mention, line.outlet, line.source]) expect(report).not.toContain(field);
  }
});

test('a damaged third blind set is named by line and field, and nothing is scored', async () => {
  const path = heldOutFile(`${JSON.stringify(LINES[0])}\n{"mention": "Belmoruk", "text": "Belmoruk met them."}\n`, 'BACKSTORY_STANCE_BLIND_3');
  const report = await blind3Report(tuning, [byWord]);
  expect(report.startsWith(`Stance, blind set 3: not scored (${path}:2: stance `)).toBe(true);
  expect(report).not.toContain('Quorvane');
});
