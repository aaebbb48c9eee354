// Events named by their date: the builder turns the gazetteer's dates and the head nouns of
// data/event-cues.json into names ("October 2019 protests", "uprising of October 2019",
// "Sunday's election", "2008 Strategic Framework Agreement").
import { spotText } from '../../lib/engine/evidence';
import { loadMatcher } from '../../lib/engine/matcher';
import { buildKnowledgeBase } from '../../lib/kb/build';
import { dateForms } from '../../lib/kb/dated-names';
import type { GazetteerEntry } from '../../lib/kb/types';

const entry = (e: Partial<GazetteerEntry> & Pick<GazetteerEntry, 'id' | 'type' | 'name' | 'aliases'>): GazetteerEntry => ({ summary: 's', background: [], ...e });
const protests = entry({ id: 'protests', type: 'event', name: 'Tishreen protests', aliases: [], date: { start: '2019-10-01' } });
const elections = entry({ id: 'elections', type: 'event', name: 'Early elections of Ruritania', aliases: [], date: { start: '2021-10-10' } });
const agreement = entry({ id: 'agreement', type: 'event', name: 'Status of Forces Agreement', aliases: [], contextual: ['Strategic Framework Agreement'], date: { start: '2008-11-17' } });
const pandemic = entry({ id: 'pandemic', type: 'event', name: 'the pandemic', aliases: [], date: { start: '2019-12', end: '2023-05' } });
const iraq = entry({ id: 'iraq', type: 'place', name: 'Iraq', aliases: [] });
const baghdad = entry({ id: 'baghdad', type: 'place', name: 'Baghdad', aliases: [] });

function spotter(heads: { event: string; country?: string; heads: string[] }[]) {
  const built = buildKnowledgeBase({
    documents: { file: 'data/documents.json', data: { perspectives: [], documents: [] } },
    seeds: {},
    gazetteer: [{ file: 'data/gazetteer/events.json', data: { entries: [protests, elections, agreement, pandemic, iraq, baghdad] } }],
    eventCues: { file: 'data/event-cues.json', data: { cues: [], heads } },
  });
  expect(built.report.errors).toEqual([]);
  const matcher = loadMatcher(built.matcher!);
  return (text: string) => spotText(matcher, text).filter((m) => matcher.entities[m.entity]!.type === 'event').map((m) => `${text.slice(m.start, m.end)} → ${matcher.entities[m.entity]!.id}`);
}

const ON_TOPIC = 'In Iraq and in Baghdad, ';

test('the date forms an event allows', () => {
  expect(dateForms({ start: '2021-10-10' })).toEqual({
    withYear: ['2021', 'October 2021', 'Oct. 2021', 'Oct 2021', 'October 10, 2021', '10 October 2021', 'Oct. 10, 2021'],
    withoutYear: ['October', 'October 10', '10 October', 'Oct. 10'],
    byDay: ['October 10, 2021', '10 October 2021', 'Oct. 10, 2021', 'October 10', '10 October', 'Oct. 10'],
    weekday: "Sunday's",
  });
  expect(dateForms({ start: '2008' })).toEqual({ withYear: ['2008'], withoutYear: [], byDay: [] });
  expect(dateForms({ start: '2019-10' })?.byDay).toEqual([]); // a month is no day
  expect(dateForms({ start: '2019-12', end: '2023-05' })).toBeUndefined(); // a span has no one date
});

test('a head noun with the date before it or attached after it names the event, in the page’s own words', () => {
  const events = spotter([
    { event: 'protests', heads: ['protests', 'uprising'] },
    { event: 'elections', heads: ['election'] },
  ]);
  expect(events(`${ON_TOPIC}the anniversary of the October 2019 protests.`)).toEqual(['October 2019 protests → protests']);
  expect(events(`${ON_TOPIC}the uprising of October 2019 changed politics.`)).toEqual(['uprising of October 2019 → protests']);
  expect(events(`${ON_TOPIC}turnout in Sunday’s election was low.`)).toEqual(['Sunday’s election → elections']);
  // Wire style abbreviates the month before a day: "a Jan. 3 drone strike".
  expect(events(`${ON_TOPIC}turnout in the Oct. 10 election was low.`)).toEqual(['Oct. 10 election → elections']);
  // Another date, or the head noun alone, is not the event.
  expect(events(`${ON_TOPIC}the October 2018 protests and the protests were small.`)).toEqual([]);
  expect(events(`${ON_TOPIC}Saturday’s election was postponed.`)).toEqual([]);
});

test('a country’s vote is named by its day after the noun too, and a full date before it may keep its comma', () => {
  const events = spotter([
    { event: 'elections', country: 'Iraq', heads: ['elections', 'parliamentary elections'] },
    { event: 'protests', heads: ['protests'] },
  ]);
  expect(events(`${ON_TOPIC}voters go to the elections on October 10.`)).toEqual(['elections on October 10 → elections']);
  expect(events(`${ON_TOPIC}the parliamentary elections on 10 October were contested.`)).toEqual(['parliamentary elections on 10 October → elections']);
  expect(events(`${ON_TOPIC}after the October 10, 2021, elections.`)).toEqual(['October 10, 2021, elections → elections']);
  // Another day is another vote; an event that is no country's vote gets no "on <day>" name.
  expect(events(`${ON_TOPIC}the elections on October 12 were local.`)).toEqual([]);
  expect(events(`${ON_TOPIC}the protests on October 10 grew.`)).toEqual([]);
});

test('a head noun with a date needs a page about the corpus', () => {
  const events = spotter([{ event: 'protests', heads: ['protests'] }]);
  expect(events('Santiago remembered the October 2019 protests.')).toEqual([]);
});

test('an alias with its date in front is one mention, as specific as the alias', () => {
  const events = spotter([]);
  expect(events(`${ON_TOPIC}under the 2008 Strategic Framework Agreement.`)).toEqual(['2008 Strategic Framework Agreement → agreement']);
  expect(events(`${ON_TOPIC}the October 2019 Tishreen protests.`)).toEqual(['October 2019 Tishreen protests → protests']);
});

test('heads for an unknown or undated event are reported', () => {
  const built = buildKnowledgeBase({
    documents: { file: 'data/documents.json', data: { perspectives: [], documents: [] } },
    seeds: {},
    gazetteer: [{ file: 'data/gazetteer/events.json', data: { entries: [iraq] } }],
    eventCues: { file: 'data/event-cues.json', data: { cues: [], heads: [{ event: 'iraq', heads: ['vote'] }, { event: 'nothing', heads: ['vote'] }] } },
  });
  expect(built.report.errors.map((e) => e.message)).toEqual(['"iraq" is not the id of an event entry', '"nothing" is not the id of an event entry']);
});
