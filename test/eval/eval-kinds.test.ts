// `npm run eval` scores recall per kind of mention when the labels say the kind, and the blind
// summary lists the misses left by kind: checked on a two-page set written here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, formatResult, formatSummary } from '../../scripts/eval';
import { makeMatcher } from '../engine/helpers';

const matcher = makeMatcher([
  { id: 'iraq', type: 'place', names: ['Iraq'] },
  { id: 'iran', type: 'place', names: ['Iran'] },
]);
let dir: string;

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
  expect(summary).toContain('precision 0.500  recall 0.667  marks on distractor pages: 2');
  expect(summary).toContain('misses left, institution-noun (1):\n    a: iraq | parliament');
  expect(summary).toContain('spurious marks (2):\n    (distractor) b: iran | Iran');
});
