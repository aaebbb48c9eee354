/**
 * A huge text (a 5 MB <pre>) goes through the same spotting pipeline as any other, a window of
 * matching and a batch of sentences at a time: what it finds is what one pass finds.
 */
import { describe, expect, it } from 'vitest';
import { PageEvidence, PageSpotting } from '../../lib/engine/evidence';
import { compiledRules } from '../../lib/engine/compiled-rules';
import { findEventMentions } from '../../lib/engine/events';
import { dropOtherNames } from '../../lib/engine/name-context';
import { findAllSteps, needsSlicing, WINDOW_CHARS } from '../../lib/engine/windowed-match';
import { runSliced, runSteps, type SliceBudget } from '../../lib/steps';
import { makeMatcher } from './helpers';

/** A budget always spent: the work pauses at every step it can, and counts them. */
function everyStep(): SliceBudget & { yields: number } {
  const budget = { yields: 0, due: () => true, yield: async () => void budget.yields++ };
  return budget;
}

const matcher = makeMatcher([
  { id: 'kadhimi', names: ['Mustafa al-Kadhimi', 'Kadhimi'] },
  { id: 'kh', type: 'organization', names: ['Kataib Hezbollah'] },
  { id: 'hezbollah', type: 'organization', names: ['Hezbollah'] },
]);

/** A long text whose names fall on and across every window boundary. */
function longText(): string {
  const names = ['Mustafa al-Kadhimi', 'Kataib Hezbollah', 'Hezbollah', 'Kadhimi'];
  let text = '';
  let i = 0;
  while (text.length < WINDOW_CHARS * 5) {
    text += `${'talks went on '.repeat(1 + (i % 7))}${names[i % names.length]} said. `;
    i++;
  }
  // Put a two-word name exactly across each window boundary as well.
  let out = text;
  for (let w = 1; w < 5; w++) {
    const at = w * WINDOW_CHARS - 8;
    out = `${out.slice(0, at)} Kataib Hezbollah ${out.slice(at + 18)}`;
  }
  return out;
}

describe('matching a very long text a window at a time', () => {
  it('finds exactly what one pass over the whole text finds, names across window edges included', async () => {
    const text = longText();
    expect(needsSlicing(text)).toBe(true);
    const whole = matcher.findAll(text);
    const budget = everyStep();
    expect(await runSliced(findAllSteps(matcher, text), budget, () => false)).toEqual(whole);
    expect(budget.yields).toBe(Math.ceil(text.length / WINDOW_CHARS) - 1);
    expect(runSteps(findAllSteps(matcher, text))).toEqual(whole);
    // The names placed across window boundaries are found whole, not as "Hezbollah".
    for (let w = 1; w < 5; w++) {
      const across = whole.find((m) => m.start < w * WINDOW_CHARS && m.end > w * WINDOW_CHARS);
      expect(across && text.slice(across.start, across.end)).toBe('Kataib Hezbollah');
    }
  });

  it('stops when cancelled between windows', async () => {
    expect(await runSliced(findAllSteps(matcher, longText()), everyStep(), () => true)).toBeNull();
  });
});

describe('spotting a very long text: the pipeline a window and a batch of sentences at a time', async () => {
  const { readMatcher } = await import('../../scripts/spot');
  const real = await readMatcher();
  const story =
    'Officials met in Baghdad on Monday. The US drone strike that killed Qasem Soleimani shook the region. ' +
    'Gen. Esmail Qaani flew to Baghdad in late March. The Iraqi parliament voted to expel foreign troops. ';
  const text = story.repeat(Math.ceil((WINDOW_CHARS * 3) / story.length));
  /** The same steps in one pass each, with no windows and no batches. */
  const onePass = () => {
    const matches = dropOtherNames(text, real.findAll(text));
    const evidence = new PageEvidence(real);
    evidence.add(matches);
    const accepted = matches.filter((m) => evidence.accepts(m));
    return [...accepted, ...findEventMentions(compiledRules(real).eventCues, text, accepted)].sort((a, b) => a.start - b.start);
  };

  it('finds the same mentions and events as one pass, pausing between steps', async () => {
    expect(needsSlicing(text)).toBe(true);
    const whole = onePass();
    const events = whole.filter((m) => real.entities[m.entity]!.type === 'event');
    expect(events.length).toBeGreaterThan(1000); // every repetition's strike, flight and vote
    const budget = everyStep();
    const sliced = await runSliced(new PageSpotting(real).spot(text), budget, () => false);
    expect(sliced?.found).toEqual(whole);
    expect(budget.yields).toBeGreaterThan(10);
  });

  it('stops when cancelled between steps, and leaves out suppressed events', async () => {
    expect(await runSliced(new PageSpotting(real).spot(text), everyStep(), () => true)).toBeNull();
    const found = runSteps(new PageSpotting(real, new Set(['killing-of-soleimani'])).spot(text)).found;
    expect(found.some((m) => real.entities[m.entity]!.id === 'killing-of-soleimani')).toBe(false);
    expect(found.some((m) => real.entities[m.entity]!.id === 'qaani-baghdad-visit')).toBe(true);
  });
});
