// Facts differ, found automatically: documents that date one event differently are flagged with
// both sources; documents that date different events, or agree, are not.
import { datesConflict, datesIn, formatDate, parseIsoDate } from '../../lib/contrasts/dates';
import { readDocument } from '../../lib/contrasts/document';
import { disagreements } from '../../lib/contrasts/entity';
import { documentOf, ENTITIES, locate } from './corpus-fixture';

const JUNE_2020 = parseIsoDate('2020-06');
const dates = (text: string) => datesIn(text, JUNE_2020).map((d) => [d.text, formatDate(d.value)]);

test('dates as news prose gives them, read against the document’s date', () => {
  expect(dates('On June 11, officials began a series of talks.')).toEqual([['June 11', '2020-06-11']]);
  expect(dates('Kayhan wrote on 7 June about the decision in February.')).toEqual([
    ['7 June', '2020-06-07'],
    ['February', '2020-02'],
  ]);
  expect(dates('He stepped down last November; talks begin in the middle of this month.')).toEqual([
    ['November', '2019-11'],
    ['in the middle of this month', '2020-06~mid'],
  ]);
  expect(dates('In 2008, similar talks took place.')).toEqual([['In 2008', '2008']]);
  expect(dates('Iraq may decide; the May 5 vote stands.')).toEqual([['May 5', '2020-05-05']]);
});

test('dates conflict when their months or days differ, not when one is a part of the other’s month', () => {
  expect(datesConflict({ year: 2020, month: 2 }, { year: 2020, month: 1 })).toBe(true);
  expect(datesConflict({ year: 2020, month: 6, day: 10 }, { year: 2020, month: 6, day: 11 })).toBe(true);
  expect(datesConflict({ year: 2020, month: 6, part: 'mid' }, { year: 2020, month: 6, day: 11 })).toBe(false);
  expect(datesConflict({ year: 2020, month: 6 }, { year: 2020, month: 6, day: 11 })).toBe(false);
});

const facts = (...docs: ReturnType<typeof documentOf>[]) =>
  disagreements(
    docs.flatMap(({ doc, passages }) => readDocument(doc, passages, ENTITIES, locate).claims),
    ENTITIES,
  );

test('the month of the parliament’s vote on foreign troops: both documents, both months, both quotes', () => {
  const february = documentOf('kayhan-quoted', 'iranian-opposition', ['What does this have to do with the Iraqi parliament’s decision in February to withdraw foreign troops from Iraqi territory?']);
  const january = documentOf('telegraph-quoted', 'israeli', [
    'When Soleimani was killed in a drone strike in January, Iran vowed revenge. The pro-Iranian bloc in Iraq’s parliament also demanded the withdrawal of the foreign troops.',
  ]);
  // The sentence about the parliament has no date of its own: it goes on from the one before ("also").
  const [found, ...rest] = facts(february, january);
  expect(rest).toEqual([]);
  expect(found!.origin).toBe('automatic');
  expect(found!.kind).toBe('date');
  expect(found!.entities).toContain('parliament');
  expect(found!.claims.map((c) => [c.doc, c.value, c.normalised])).toEqual([
    ['kayhan-quoted', 'February', '2020-02'],
    ['telegraph-quoted', 'January', '2020-01'],
  ]);
  expect(found!.id).toBe('auto-fact:date:parliament:kayhan-quoted+telegraph-quoted');
});

test('one document quoting two sources that disagree is a disagreement; one voice giving two dates of different things is not', () => {
  const quoting = documentOf('quoting', 'iranian-opposition', [
    'Iran’s Kayhan newspaper wrote:',
    '“What does this have to do with the Iraqi parliament’s decision in February to withdraw foreign troops?',
    'According to an analysis by the British newspaper “Telegraph”: “When Soleimani was killed in January, Iran vowed revenge. The pro-Iranian bloc in Iraq’s parliament also demanded the withdrawal of foreign troops.',
  ]);
  const found = facts(quoting);
  expect(found.map((d) => d.claims.map((c) => [c.value, c.source ?? null]))).toEqual([
    [
      ['February', 'Kayhan'],
      ['January', 'Telegraph'],
    ],
  ]);
  const oneVoice = documentOf('one-voice', 'israeli', [
    'The PMU took Mosul from ISIS in 2017.',
    'In 2014, ISIS took Mosul.',
  ]);
  expect(facts(oneVoice)).toEqual([]);
});

test('documents that agree, or give a date vaguer than the other’s, do not disagree', () => {
  const a = documentOf('a', 'israeli', ['The Iraqi parliament’s decision in January to withdraw foreign troops stands.']);
  const b = documentOf('b', 'iranian-state', ['The Iraqi parliament took its decision to withdraw foreign troops on January 5.']);
  expect(facts(a, b)).toEqual([]);
});

test('the same words put in different mouths by two documents', () => {
  const a = documentOf('a', 'israeli', ['The PMU leader said, “We will never leave the streets of Baghdad until the occupiers are gone.”']);
  const b = documentOf('b', 'iranian-state', ['“We will never leave the streets of Baghdad until the occupiers are gone,” an ISIS statement said.']);
  const [found, ...rest] = facts(a, b);
  expect(rest).toEqual([]);
  expect(found!.kind).toBe('speaker');
  expect(found!.claims.map((c) => [c.doc, c.value])).toEqual([
    ['a', 'Popular Mobilization Units'],
    ['b', 'Islamic State'],
  ]);
});

test('numbers of the same thing that differ by more than a tenth', () => {
  const a = documentOf('a', 'israeli', ['The Iraqi parliament demanded the withdrawal of the 5,000 foreign troops still in the country.']);
  const b = documentOf('b', 'iranian-state', ['The Iraqi parliament demanded the withdrawal of the 2,500 foreign troops still in the country.']);
  const c = documentOf('c', 'iranian-opposition', ['The Iraqi parliament demanded the withdrawal of some 5,200 foreign troops still in the country.']);
  const found = facts(a, b, c);
  expect(found.map((d) => [d.kind, d.claims.map((x) => x.normalised)])).toEqual([['number', ['5000', '2500', '5200']]]);
  expect(facts(a, c)).toEqual([]);
});
