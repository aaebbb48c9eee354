// `npm run eval -- --names-blind-4` scores the fourth learned-names blind set, spent once reported:
// its figures always, its misses and wrong marks with --misses, as for the third; `--names-blind-5`
// reports the fifth, being reported, whose misses are never printed. Checked on a tiny set written here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runEval } from '../../scripts/eval';
import { BLIND3_SET, BLIND4_SET, BLIND5_SET } from '../../scripts/eval/names-set';
import { makeMatcher } from '../engine/helpers';

const matcher = makeMatcher([{ id: 'iraq', type: 'place', names: ['Iraq'] }]);
const none = { eval: '/nonexistent', dev: '/nonexistent', dev2: '/nonexistent', blind: '/nonexistent', blind2: '/nonexistent', blind3: '/nonexistent', blind4: '/nonexistent', blind5: '/nonexistent' };
let set: string;

const article = (title: string, ...paragraphs: string[]) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

beforeAll(() => {
  set = mkdtempSync(join(tmpdir(), 'backstory-names-blind-'));
  for (const folder of ['corpus', 'pages', 'distractors']) mkdirSync(join(set, folder));
  const corpus = [
    ['corpus/zc1-quorvath-named.html', 'Zelmir Quorvath named envoy', 'Zelmir Quorvath, the envoy, arrived in Baghdad on Monday.', 'Quorvath met officials of the Vantrel Council.'],
    ['corpus/zc2-quorvath-talks.html', 'Envoy Zelmir Quorvath holds talks', 'Envoy Zelmir Quorvath held talks in Baghdad.', 'The Vantrel Council welcomed Quorvath.'],
  ];
  for (const [file, title, ...ps] of corpus) writeFileSync(join(set, file!), article(title!, ...ps));
  writeFileSync(join(set, 'pages/zp1-quorvath-leaves.html'), article('Quorvath leaves Baghdad', 'Zelmir Quorvath left Baghdad after meeting the Vantrel Council.', 'Zelmir Quorvat, as one paper spelt him, waved.'));
  writeFileSync(join(set, 'distractors/zd1-other-quorvath.html'), article('A baker called Quorvath', 'Anna Quorvath bakes bread in a village.'));
  const mentions = (...m: [string, string][]) => m.map(([text, entity]) => ({ text, entity }));
  writeFileSync(
    join(set, 'labels.json'),
    JSON.stringify({
      entities: [
        { id: 'person:zelmir-quorvath', type: 'person', name: 'Zelmir Quorvath', gazetteer: null },
        { id: 'organization:vantrel-council', type: 'organization', name: 'Vantrel Council', gazetteer: null },
        { id: 'place:baghdad', type: 'place', name: 'Baghdad', gazetteer: 'baghdad' },
      ],
      documents: [
        { file: corpus[0]![0], mentions: mentions(['Zelmir Quorvath', 'person:zelmir-quorvath'], ['Zelmir Quorvath', 'person:zelmir-quorvath'], ['Baghdad', 'place:baghdad'], ['Quorvath', 'person:zelmir-quorvath'], ['Vantrel Council', 'organization:vantrel-council']) },
        { file: corpus[1]![0], mentions: mentions(['Zelmir Quorvath', 'person:zelmir-quorvath'], ['Zelmir Quorvath', 'person:zelmir-quorvath'], ['Baghdad', 'place:baghdad'], ['Vantrel Council', 'organization:vantrel-council'], ['Quorvath', 'person:zelmir-quorvath']) },
        { file: 'pages/zp1-quorvath-leaves.html', mentions: mentions(['Quorvath', 'person:zelmir-quorvath'], ['Baghdad', 'place:baghdad'], ['Zelmir Quorvath', 'person:zelmir-quorvath'], ['Baghdad', 'place:baghdad'], ['Vantrel Council', 'organization:vantrel-council'], ['Zelmir Quorvat', 'person:zelmir-quorvath']) },
      ],
    }),
  );
});
afterAll(() => rmSync(set, { recursive: true, force: true }));

test('the fourth names blind set prints its figures, and its misses only with --misses', async () => {
  const printed: string[] = [];
  await runEval(['--names-blind-4'], matcher, (t) => printed.push(t), { ...none, namesBlind4: set });
  const out = printed.join('\n');
  expect(out).toMatch(/^Learned names on fourth names blind set \(.*\) \(2 articles imported, 1 pages read\):/);
  // Four page mentions of names only the imported articles give, of six labelled; the misspelt
  // one no article gives is a miss that --misses lists.
  expect(out).toMatch(/learned-name recall on the pages\s+\d\.\d{3} \(\d\/4\)/);
  expect(out).toMatch(/recall, every labelled mention\s+\d\.\d{3} \(\d\/6\)/);
  expect(out).toMatch(/marks on \d+ distractor pages: \d+ of learned names/);
  expect(out).not.toMatch(/zp1|missed/i);

  const withMisses: string[] = [];
  await runEval(['--names-blind-4', '--misses'], matcher, (t) => withMisses.push(t), { ...none, namesBlind4: set });
  expect(withMisses.join('\n')).toMatch(/missed\s+pages\/zp1-quorvath-leaves\.html: "Zelmir Quorvat" \(person:zelmir-quorvath\)/);
});

test('--names-blind-4 with any other set is refused before any set is read', async () => {
  await expect(runEval(['--names-blind-4', '--names-blind-3'], matcher, () => {})).rejects.toThrow(/one at a time/);
  await expect(runEval(['--names-blind-4', '--dev'], matcher, () => {})).rejects.toThrow(/one at a time/);
  await expect(runEval(['--names-blind-4', '--blind-4'], matcher, () => {})).rejects.toThrow(/one at a time/);
  // The real set sits beside the third.
  expect(relative(BLIND3_SET, BLIND4_SET)).toBe('../blind-4');
});

test('the fifth names blind set, being reported, prints its figures and never a miss, even with --misses', async () => {
  const printed: string[] = [];
  await runEval(['--names-blind-5', '--misses'], matcher, (t) => printed.push(t), { ...none, namesBlind5: set });
  const out = printed.join('\n');
  expect(out).toMatch(/^Learned names on fifth names blind set \(.*\) \(2 articles imported, 1 pages read\):/);
  expect(out).toMatch(/learned-name recall on the pages\s+\d\.\d{3} \(\d\/4\)/);
  expect(out).not.toMatch(/zp1|missed|wrong {4}/i);
  await expect(runEval(['--names-blind-5', '--names-blind-4'], matcher, () => {})).rejects.toThrow(/one at a time/);
  expect(relative(BLIND4_SET, BLIND5_SET)).toBe('../blind-5');
});
