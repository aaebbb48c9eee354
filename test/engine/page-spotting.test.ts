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

describe('an institution noun on a page about another one of its kind', () => {
  const nouns = (text: string) => ids(text, spotText(matcher, text)).filter((m) => /^(?:parliament|coalition)=/i.test(m));

  test('a page about Bahrain’s parliament that names Iraq: a bare "parliament" is not Iraq’s', () => {
    const text = "Bahrain's parliament passed a law on Iraqi workers. The Bahraini parliament met again on Tuesday, and Iraq protested. Parliament will vote again next week.";
    expect(nouns(text)).toEqual([]);
    // The same sentence on a page about Iraq is Iraq's parliament.
    const iraqi = "Iraq's Kadhimi met his ministers in Baghdad. Parliament will vote again next week.";
    expect(nouns(iraqi)).toEqual(['Parliament=iraqi-parliament']);
  });

  test('a page about a governing coalition that names the anti-ISIS one once: a bare "the coalition" is not it', () => {
    const text = "The Global Coalition against Daesh met in Rome. Netanyahu's coalition is fragile. The ruling coalition lost a vote. The coalition will meet again.";
    expect(nouns(text)).toEqual([]);
    expect(nouns('The Global Coalition against Daesh met in Rome. The coalition struck ISIS positions near Mosul.')).toEqual(['coalition=global-coalition-against-isis']);
  });

  test('read a text at a time, the page decides at the end of the pass as it does whole', () => {
    const page = new PageSpotting(matcher);
    const texts = ['The Global Coalition against Daesh met in Rome.', 'The coalition will meet again.', "Netanyahu's coalition is fragile. The ruling coalition lost a vote."];
    runSteps(page.spot(texts[0]!));
    const second = runSteps(page.spot(texts[1]!));
    // A first look never marks a noun: what the rest of the page says is still to come.
    expect(second.found).toEqual([]);
    expect(page.acceptsAny(second.pending)).toBe(true);
    runSteps(page.spot(texts[2]!));
    expect(page.acceptsAny(second.pending)).toBe(false);
    expect(runSteps(page.spot(texts[1]!, false)).found).toEqual([]);
  });
});
