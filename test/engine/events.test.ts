// Events spotted from how a text talks about them: a trigger and a participant in one sentence.
import { BLOCK_BREAK } from '../../lib/engine/alphabet';
import { spotText } from '../../lib/engine/evidence';
import { readMatcher } from '../../scripts/spot';

const matcher = await readMatcher();
const events = (text: string) =>
  spotText(matcher, text)
    .filter((m) => matcher.entities[m.entity]!.type === 'event')
    .map((m) => `${text.slice(m.start, m.end)} → ${matcher.entities[m.entity]!.id}`);

describe('event cues', () => {
  test.each([
    ['the US drone strike that killed Qasem Soleimani', 'drone strike → killing-of-soleimani'],
    ['Soleimani was assassinated near Baghdad airport in January.', 'assassinated → killing-of-soleimani'],
    ['The Iraqi parliament voted to expel foreign troops.', 'voted to expel → iraqi-parliament-troops-vote'],
    ["Mustafa al-Kadhimi arrived in Tehran on Tuesday.", 'arrived → kadhimi-tehran-visit'],
    ['Esmail Qaani flew to Baghdad in late March.', 'flew → qaani-baghdad-visit'],
  ])('%s', (text, expected) => {
    expect(events(text)).toContain(expected);
  });

  test('the June 11 talks are the dated dialogue', () => {
    expect(events('Officials prepared for the June 11 talks with Washington.')).toEqual(['June 11 talks → us-iraq-strategic-dialogue']);
  });

  test('Arabic and Persian triggers', () => {
    // The proclitic ب ("with") is written joined to the event's name; the name alone is the mention.
    expect(events('نددت طهران باغتيال قاسم سليماني.')).toEqual(['اغتيال قاسم سليماني → killing-of-soleimani']);
    expect(events('ذكرى اغتيال الفريق قاسم سليماني.')).toEqual(['اغتيال → killing-of-soleimani']);
    expect(events('مصطفی الکاظمی به تهران سفر کرد.')).toEqual(['سفر → kadhimi-tehran-visit']);
  });

  test('no participant in the sentence, no event', () => {
    expect(events('The strike also killed Abu Mahdi al-Muhandis. Soleimani was a general.')).toEqual([]);
    expect(events('Parliament voted to expel the speaker.')).toEqual([]);
  });

  test('a sentence reads on across a line break of the source, not across a block break', () => {
    expect(events('The US drone strike that killed\n  Qasem Soleimani shocked Iraq.')).toEqual(['drone strike → killing-of-soleimani']);
    expect(events(`Then came the drone strike${BLOCK_BREAK}Qasem Soleimani was a general.`)).toEqual([]);
  });

  test('one event mention per sentence, none where the sentence names the event', () => {
    expect(events('The killing of Qassem Soleimani, killed in a drone strike, shocked Iraq.')).toEqual([
      'killing of Qassem Soleimani → killing-of-soleimani',
    ]);
  });

  test('a suppressed event is not spotted from its cues either', () => {
    const found = spotText(matcher, 'The US drone strike that killed Qasem Soleimani.', { suppressed: new Set(['killing-of-soleimani']) });
    expect(found.map((m) => matcher.entities[m.entity]!.id)).toEqual(['qasem-soleimani']);
  });
});
