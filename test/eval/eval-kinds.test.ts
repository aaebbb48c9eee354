// `npm run eval` scores recall per kind of mention when the labels say the kind, and the blind
// summary lists the misses left by kind: checked on two-page sets written here (the second and
// third blind sets nested inside the first, as test/pages/blind/round-2/ and round-3/ are).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BLIND_2_DIR, BLIND_3_DIR, BLIND_4_DIR, BLIND_5_DIR, BLIND_DIR, DEV_2_DIR, DEV_DIR, evaluate, formatResult, formatSummary, runEval } from '../../scripts/eval';
import { makeMatcher } from '../engine/helpers';

const matcher = makeMatcher([
  { id: 'iraq', type: 'place', names: ['Iraq'] },
  { id: 'iran', type: 'place', names: ['Iran'] },
]);
let dir: string;
let nested: string;
let third: string;
let fourth: string;
let fifth: string;

/** A set of two collectors' pages: one naming two places and Iraq's parliament in that order, one distractor. */
function twoCollectorsSet(folder: string, [page, html, first, second]: [string, string, string, string], [distractor, distractorHtml]: [string, string]): string {
  mkdirSync(folder);
  const name = (entity: string) => ({ text: entity === 'iraq' ? 'Iraq' : 'Iran', entity, kind: 'name' });
  writeFileSync(join(folder, `${page}.html`), html);
  writeFileSync(join(folder, `${page}.expected.json`), JSON.stringify({ mentions: [name(first), name(second), { text: 'parliament', entity: 'iraq', kind: 'institution-noun' }] }));
  writeFileSync(join(folder, `${distractor}.html`), distractorHtml);
  writeFileSync(join(folder, `${distractor}.expected.json`), JSON.stringify({ distractor: true, mentions: [] }));
  return folder;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-eval-'));
  writeFileSync(join(dir, 'a.html'), '<p>Iraq and Iran, and parliament.</p>');
  writeFileSync(
    join(dir, 'a.expected.json'),
    JSON.stringify({
      mentions: [
        { text: 'Iraq', entity: 'iraq', kind: 'name' },
        { text: 'Iran', entity: 'iran', kind: 'name' },
        { text: 'parliament', entity: 'iraq', kind: 'institution-noun' },
      ],
    }),
  );
  writeFileSync(join(dir, 'b.html'), '<p>Iran beat Iraq at football.</p>');
  writeFileSync(join(dir, 'b.expected.json'), JSON.stringify({ distractor: true, mentions: [] }));
  nested = join(dir, 'round-2');
  mkdirSync(nested);
  writeFileSync(join(nested, 'c.html'), '<p>Iran and Iran again.</p>');
  writeFileSync(
    join(nested, 'c.expected.json'),
    JSON.stringify({ mentions: [1, 2].map(() => ({ text: 'Iran', entity: 'iran', kind: 'name' })) }),
  );
  writeFileSync(join(nested, 'd.html'), '<p>Nothing the corpus knows.</p>');
  writeFileSync(join(nested, 'd.expected.json'), JSON.stringify({ distractor: true, mentions: [] }));
  third = join(dir, 'round-3');
  mkdirSync(third);
  writeFileSync(join(third, 'e.html'), '<p>Iraq and Iran.</p>');
  writeFileSync(join(third, 'e.expected.json'), JSON.stringify({ mentions: [{ text: 'Iraq', entity: 'iraq', kind: 'name' }] }));
  // Two collectors' pages in one folder, told apart only by their file names' prefixes.
  fourth = twoCollectorsSet(join(dir, 'round-4'), ['a-visit', '<p>Iran and Iraq met, and parliament voted.</p>', 'iran', 'iraq'], ['b-football', '<p>Iraq beat Jordan at football.</p>']);
  fifth = twoCollectorsSet(join(dir, 'round-5'), ['a-talks', '<p>Iraq spoke to Iran, and parliament listened.</p>', 'iraq', 'iran'], ['b-chess', '<p>Iran won at chess.</p>']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('recall per kind, distractor marks and misses by kind', async () => {
  const result = await evaluate(matcher, dir);
  expect(result.kinds).toEqual(
    new Map([
      ['name', { expected: 2, correct: 2 }],
      ['institution-noun', { expected: 1, correct: 0 }],
    ]),
  );
  expect(result.recall).toBeCloseTo(2 / 3);
  expect(result.precision).toBeCloseTo(2 / 4);
  expect(result.distractorMarks).toBe(2);
  expect(formatResult(result)).toMatch(/institution-noun\s+1\s+0\s+0\.000/);
  const summary = formatSummary(result);
  expect(summary).toContain('precision 0.500  recall 0.667  marks on distractor pages: 2  wrong marks: 2');
  expect(summary).toContain('misses left, institution-noun (1):\n    iraq | parliament');
});

test('the summary a set being reported prints has the totals and the misses by kind, never a page of the set by name', async () => {
  const out = formatSummary(await evaluate(matcher, dir));
  expect(out).toContain('precision 0.500  recall 0.667  marks on distractor pages: 2');
  expect(out).toMatch(/name\s+2\s+2\s+1\.000/);
  expect(out).toContain('misses left, institution-noun (1):\n    iraq | parliament');
  // No per-page table, no page names: nothing to tune on.
  expect(out).not.toMatch(/\ba\b:|\bb\b:|distractor\) b|^a\s+\d/m);
  expect(out).not.toContain('spurious');
});

test('each spent blind set, the fourth included, prints that summary alone, and with --misses lists its pages like a dev split', async () => {
  const none = { eval: '/nonexistent', dev: '/nonexistent', dev2: '/nonexistent', blind: '/nonexistent', blind2: '/nonexistent', blind3: '/nonexistent', blind4: '/nonexistent', blind5: '/nonexistent' };
  for (const [flag, key] of [['--blind', 'blind'], ['--blind-2', 'blind2'], ['--blind-3', 'blind3'], ['--blind-4', 'blind4']] as const) {
    const dirs = { ...none, [key]: dir };
    const summary: string[] = [];
    await runEval([flag], matcher, (t) => summary.push(t), dirs);
    expect(summary.join('\n')).not.toContain('spurious');
    const printed: string[] = [];
    await runEval([flag, '--misses'], matcher, (t) => printed.push(t), dirs);
    const out = printed.join('\n');
    expect(out).toMatch(/^\(distractor\) b\s+0\s+2\s+0/m);
    expect(out).toContain('spurious iran | Iran');
  }
});

test('--dev scores the dev split with the per-page table, and nothing else', async () => {
  const printed: string[] = [];
  await runEval(['--dev'], matcher, (t) => printed.push(t), { eval: '/nonexistent', dev: dir, dev2: '/nonexistent', blind: '/nonexistent', blind2: '/nonexistent', blind3: '/nonexistent', blind4: '/nonexistent', blind5: '/nonexistent' });
  expect(printed).toHaveLength(1);
  expect(printed[0]).toMatch(/^\(distractor\) b\s+0\s+2\s+0/m);
  expect(printed[0]).toContain('marks on distractor pages: 2');
});

test('--dev-2 scores the second dev split page by page, and --dev never reads into it', async () => {
  const dirs = { eval: '/nonexistent', dev: dir, dev2: nested, blind: '/nonexistent', blind2: '/nonexistent', blind3: '/nonexistent', blind4: '/nonexistent', blind5: '/nonexistent' };
  const first: string[] = [];
  await runEval(['--dev'], matcher, (t) => first.push(t), dirs);
  expect(first[0]).toContain('pages: 2 (1 distractors); marks on distractor pages: 2');
  const second: string[] = [];
  await runEval(['--dev-2'], matcher, (t) => second.push(t), dirs);
  expect(second).toHaveLength(1);
  expect(second[0]).toMatch(/^\(distractor\) d\s+0\s+0\s+0/m);
  expect(second[0]).toContain('marks on distractor pages: 0');
  expect(relative(DEV_DIR, DEV_2_DIR)).toBe('round-2');
  await expect(runEval(['--dev', '--dev-2'], matcher, () => {})).rejects.toThrow(/one at a time/);
});

test('--blind-2 scores the second blind set the same way, and --blind never reads into it', async () => {
  const dirs = { eval: '/nonexistent', dev: '/nonexistent', dev2: '/nonexistent', blind: dir, blind2: nested, blind3: '/nonexistent', blind4: '/nonexistent', blind5: '/nonexistent' };
  const first: string[] = [];
  await runEval(['--blind'], matcher, (t) => first.push(t), dirs);
  expect(first.join('\n')).toContain('precision 0.500  recall 0.667  marks on distractor pages: 2  wrong marks: 2  (2 pages, 1 distractors)');
  const second: string[] = [];
  await runEval(['--blind-2'], matcher, (t) => second.push(t), dirs);
  const out = second.join('\n');
  expect(out).toMatch(/^second blind set \(/);
  expect(out).toContain('precision 1.000  recall 1.000  marks on distractor pages: 0  wrong marks: 0  (2 pages, 1 distractors)');
  expect(out).not.toMatch(/\bc\b:|distractor\) d|^c\s+\d/m);
  // The real sets sit the same way: the second inside the first's folder.
  expect(relative(BLIND_DIR, BLIND_2_DIR)).toBe('round-2');
});

test('--blind-3 scores the third blind set alone, and neither earlier set reads into it', async () => {
  const dirs = { eval: '/nonexistent', dev: '/nonexistent', dev2: '/nonexistent', blind: dir, blind2: nested, blind3: third, blind4: '/nonexistent', blind5: '/nonexistent' };
  const printed: string[] = [];
  await runEval(['--blind-3'], matcher, (t) => printed.push(t), dirs);
  const out = printed.join('\n');
  expect(out).toMatch(/^third blind set \(/);
  expect(out).toContain('precision 0.500  recall 1.000  marks on distractor pages: 0  wrong marks: 1  (1 pages, 0 distractors)');
  expect(out).not.toMatch(/^e\s+\d/m);
  const second: string[] = [];
  await runEval(['--blind-2'], matcher, (t) => second.push(t), dirs);
  expect(second.join('\n')).toContain('(2 pages, 1 distractors)');
  // The real set sits the same way: beside the second, inside the first's folder.
  expect(relative(BLIND_DIR, BLIND_3_DIR)).toBe('round-3');
});

test('--blind-4, now spent, scores the fourth set alone and lists its pages with --misses; no earlier set reads into it', async () => {
  const dirs = { eval: '/nonexistent', dev: '/nonexistent', dev2: '/nonexistent', blind: dir, blind2: nested, blind3: third, blind4: fourth, blind5: fifth };
  const printed: string[] = [];
  await runEval(['--blind-4', '--misses'], matcher, (t) => printed.push(t), dirs);
  const out = printed.join('\n');
  expect(out).toMatch(/^fourth blind set \(/);
  expect(out).toMatch(/^\(distractor\) b-football\s+0\s+1\s+0/m);
  expect(out).toContain('spurious iraq | Iraq');
  const third3: string[] = [];
  await runEval(['--blind-3'], matcher, (t) => third3.push(t), dirs);
  expect(third3.join('\n')).toContain('(1 pages, 0 distractors)');
  expect(relative(BLIND_DIR, BLIND_4_DIR)).toBe('round-4');
});

test('--blind-5 scores both collectors\' pages of the fifth blind set, never a page by name even with --misses, and no earlier set reads into it', async () => {
  const dirs = { eval: '/nonexistent', dev: '/nonexistent', dev2: '/nonexistent', blind: dir, blind2: nested, blind3: third, blind4: fourth, blind5: fifth };
  const printed: string[] = [];
  await runEval(['--blind-5', '--misses'], matcher, (t) => printed.push(t), dirs);
  const out = printed.join('\n');
  expect(out).toMatch(/^fifth blind set \(/);
  expect(out).toContain('precision 0.667  recall 0.667  marks on distractor pages: 1  wrong marks: 1  (2 pages, 1 distractors)');
  expect(out).toMatch(/name\s+2\s+2\s+1\.000/);
  expect(out).toContain('misses left, institution-noun (1):\n    iraq | parliament');
  // No per-page table, no page names, no spurious marks by page: nothing to tune on.
  expect(out).not.toMatch(/a-talks|b-chess/);
  expect(out).not.toContain('spurious');
  const fourth4: string[] = [];
  await runEval(['--blind-4'], matcher, (t) => fourth4.push(t), dirs);
  expect(fourth4.join('\n')).toContain('(2 pages, 1 distractors)');
  // The real set sits the same way: beside the fourth, inside the first's folder.
  expect(relative(BLIND_DIR, BLIND_5_DIR)).toBe('round-5');
  await expect(runEval(['--blind-4', '--blind-5'], matcher, () => {})).rejects.toThrow(/one at a time/);
});

test('--blind with --dev, or with --blind-2 or --blind-3, is refused with a clear message', async () => {
  await expect(runEval(['--blind', '--dev'], matcher, () => {})).rejects.toThrow(/one at a time/);
  await expect(runEval(['--blind', '--blind-2'], matcher, () => {})).rejects.toThrow(/one at a time/);
  await expect(runEval(['--blind-2', '--blind-3'], matcher, () => {})).rejects.toThrow(/one at a time/);
});

test('--names-blind-3, spent once reported, lists its misses with --misses as the dev sets do', async () => {
  const printed: string[] = [];
  await runEval(['--names-blind-3', '--misses'], matcher, (t) => printed.push(t));
  const out = printed.join('\n');
  expect(out).toMatch(/^Learned names on third names blind set \(test\/names\/blind-3\)/);
  expect(out).toMatch(/^ {4}missed {3}pages\/gp\d-/m);
}, 120_000);

test('--names-blind-3 with any other set is refused before any set is read', async () => {
  await expect(runEval(['--names-blind-3', '--dev'], matcher, () => {})).rejects.toThrow(/one at a time/);
  await expect(runEval(['--names-blind-3', '--blind-2'], matcher, () => {})).rejects.toThrow(/one at a time/);
});
