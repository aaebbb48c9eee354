// The event cues' rules beyond a trigger and a participant: one mention per event per sentence,
// the event noun first; Arabic letters and proclitics; a sentence dated another year; a trigger
// after a pronoun for the participant of the sentence before.
import { spotText } from '../../lib/engine/evidence';
import { readMatcher } from '../../scripts/spot';

const matcher = await readMatcher();
const events = (text: string) =>
  spotText(matcher, text)
    .filter((m) => matcher.entities[m.entity]!.type === 'event')
    .map((m) => `${text.slice(m.start, m.end)} → ${matcher.entities[m.entity]!.id}`);

test('one mention per event per sentence: the event noun before an instrument or a verb', () => {
  expect(events('Iran launched over a dozen ballistic missiles on Tuesday in an attack on two US bases in Iraq.')).toEqual([
    'attack → iranian-missile-attack-january-2020',
  ]);
  expect(events('Qassem Soleimani was killed on Friday in a drone airstrike near Baghdad.')).toEqual(['drone airstrike → killing-of-soleimani']);
  expect(events('A US drone killed Qassem Soleimani.')).toEqual(['killed → killing-of-soleimani']);
});

test('Arabic: Persian letter forms and a joined proclitic', () => {
  expect(events('یقوم رئیس الوزراء مصطفی الكاظمي بزیارة إیران الیوم.')).toEqual(['زیارة → kadhimi-tehran-visit']);
});

test('a sentence dated only another year is about another event', () => {
  expect(events('Esmail Qaani flew to Baghdad in 2022.')).toEqual([]);
  expect(events('Esmail Qaani flew to Baghdad in March 2020.')).toEqual(['flew → qaani-baghdad-visit']);
});

test('a participant’s possessive does not stand for what the cue also needs', () => {
  // Which visit? The cue needs Baghdad or Iraq in the sentence; Kadhimi also went to Washington.
  expect(events('Officials saw Esmail Qaani’s visit as a test.')).toEqual([]);
  expect(events("Mustafa al-Kadhimi's visit to Washington was short.")).toEqual([]);
});

test('a possessive pronoun refers to the participant of the sentence before, in the same paragraph', () => {
  const text = 'Mustafa al-Kadhimi assumes the premiership as Iraq faces crises. His appointment comes amid falling oil revenues.';
  expect(events(text)).toEqual(['assumes the premiership → kadhimi-sworn-in', 'appointment → kadhimi-sworn-in']);
  expect(events('Mustafa al-Kadhimi spoke on Monday.\u2029His appointment comes amid falling oil revenues.')).toEqual([]);
});
