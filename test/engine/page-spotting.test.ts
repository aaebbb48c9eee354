// The pipeline over a page read a text at a time, as the content script reads it: a surname
// beside its own full name, and an institution noun that waits for the page to name its country.
import { PageSpotting, spotText } from '../../lib/engine/evidence';
import { runSteps } from '../../lib/steps';
import { readMatcher } from '../../scripts/spot';

const matcher = await readMatcher();
const ids = (text: string, found: { start: number; end: number; entity: number }[]) =>
  found.map((m) => `${text.slice(m.start, m.end)}=${matcher.entities[m.entity]!.id}`);

test('a surname alone counts beside its own full name', () => {
  const text = 'Hassan Nasrallah spoke on Sunday. Nasrallah said little.';
  expect(ids(text, spotText(matcher, text))).toEqual(['Hassan Nasrallah=hassan-nasrallah', 'Nasrallah=hassan-nasrallah']);
});

test('an institution noun in an early text counts once a later text names its country', () => {
  const page = new PageSpotting(matcher);
  const first = 'Lawmakers met in parliament on Monday.';
  const a = runSteps(page.spot(first));
  expect(a.found).toEqual([]);
  expect(page.acceptsAny(a.pending)).toBe(false);
  runSteps(page.spot('Iraq and Baghdad waited for the vote.'));
  expect(page.acceptsAny(a.pending)).toBe(true);
  expect(ids(first, runSteps(page.spot(first, false)).found)).toEqual(['parliament=iraqi-parliament']);
  // The whole page at once gives the same.
  const whole = `${first}\u2029Iraq and Baghdad waited for the vote.`;
  expect(ids(whole, spotText(matcher, whole))).toContain('parliament=iraqi-parliament');
});
