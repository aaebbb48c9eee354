// `npm run eval -- --stance-fresh`: the fresh blind set is scored with the τ of the tuning set
// and reported as figures only (no passage of it is printed); a damaged set says where. Run on a
// small synthetic file of the same format, never on the blind set itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { freshReport } from '../../scripts/eval/accounts';
import type { Classifier, LabelledAccount } from '../../scripts/eval/stance';

const LINES = [
  { mention: 'Alpha', text: 'Alpha committed a brutal massacre of villagers.', stance: 'negative' },
  { mention: 'Beta', text: 'Beta met the delegation on Tuesday.', stance: 'neutral' },
  { mention: 'Gamma', text: 'Gamma bravely rescued the villagers.', stance: 'positive' },
];
/** A classifier that reads a word of the passage: enough to tell the report's figures apart. */
const byWord: Classifier = { name: 'word test', size: '-', score: (a) => (/brutal/.test(a.text) ? -1 : /bravely/.test(a.text) ? 1 : 0) };
const tuning = LINES.map((l, i) => ({ ...l, id: `t${i}`, entity: null, name: l.mention, source: 'web', outlet: 'o', perspective: 'p', split: 'dev' }) as LabelledAccount);

const saved = process.env.BACKSTORY_STANCE_FRESH;
afterEach(() => {
  if (saved === undefined) delete process.env.BACKSTORY_STANCE_FRESH;
  else process.env.BACKSTORY_STANCE_FRESH = saved;
});

function freshFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'stance-fresh-')), 'fresh.jsonl');
  writeFileSync(path, text);
  process.env.BACKSTORY_STANCE_FRESH = path;
  return path;
}

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
