import { describe, expect, it } from 'vitest';
import { findAllSliced, needsSlicing, WINDOW_CHARS } from '../../entrypoints/content/sliced-match';
import { SliceClock } from '../../entrypoints/content/yield';
import { makeMatcher } from '../engine/helpers';

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
    const sliced = await findAllSliced(matcher, text, new SliceClock(), () => false);
    expect(sliced).toEqual(whole);
    // The names placed across window boundaries are found whole, not as "Hezbollah".
    for (let w = 1; w < 5; w++) {
      const across = whole.find((m) => m.start < w * WINDOW_CHARS && m.end > w * WINDOW_CHARS);
      expect(across && text.slice(across.start, across.end)).toBe('Kataib Hezbollah');
    }
  });

  it('stops when cancelled between windows', async () => {
    const clock = new SliceClock();
    clock.due = () => true; // yield before every window
    expect(await findAllSliced(matcher, longText(), clock, () => true)).toBeNull();
  });
});

describe('weighing the event cues of a very long text a batch of sentences at a time', async () => {
  const { readMatcher } = await import('../../scripts/spot');
  const { spotText, withEventMentions } = await import('../../lib/engine/evidence');
  const { withEventMentionsSliced } = await import('../../entrypoints/content/sliced-match');
  const real = await readMatcher();
  const story =
    'Officials met in Baghdad on Monday. The US drone strike that killed Qasem Soleimani shook the region. ' +
    'Gen. Esmail Qaani flew to Baghdad in late March. The Iraqi parliament voted to expel foreign troops. ';
  const text = story.repeat(Math.ceil((WINDOW_CHARS * 3) / story.length));
  const accepted = () => spotText(real, text).filter((m) => real.entities[m.entity]!.type !== 'event');

  it('finds the same events as one pass, yielding between batches', async () => {
    expect(needsSlicing(text)).toBe(true);
    const whole = withEventMentions(real, text, accepted());
    const events = whole.filter((m) => real.entities[m.entity]!.type === 'event');
    expect(events.length).toBeGreaterThan(1000); // every repetition's strike, flight and vote
    const clock = new SliceClock();
    let yields = 0;
    clock.due = () => true;
    clock.yield = async () => void yields++;
    expect(await withEventMentionsSliced(real, text, accepted(), new Set(), clock, () => false)).toEqual(whole);
    expect(yields).toBeGreaterThan(10);
  });

  it('stops when cancelled between batches, and leaves out suppressed events', async () => {
    const clock = new SliceClock();
    clock.due = () => true;
    clock.yield = async () => {};
    expect(await withEventMentionsSliced(real, text, accepted(), new Set(), clock, () => true)).toBeNull();
    const suppressed = new Set(['killing-of-soleimani']);
    const found = await withEventMentionsSliced(real, text, accepted(), suppressed, new SliceClock(), () => false);
    expect(found!.some((m) => real.entities[m.entity]!.id === 'killing-of-soleimani')).toBe(false);
    expect(found!.some((m) => real.entities[m.entity]!.id === 'qaani-baghdad-visit')).toBe(true);
  });
});
