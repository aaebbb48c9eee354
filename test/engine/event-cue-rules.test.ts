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

test('Abdul Mahdi’s resignation by its verb or noun, with him in the sentence', () => {
  expect(events('Iraqi Prime Minister Adel Abdul Mahdi said he would submit his resignation to parliament.')).toEqual([
    'resignation → abdul-mahdi-resignation',
  ]);
  expect(events('Adel Abdul Mahdi says he will resign.')).toEqual(['resign → abdul-mahdi-resignation']);
  expect(events('The minister of electricity resigned in Baghdad.')).toEqual([]);
});

test('the troop vote by its noun when the sentence says what it was for', () => {
  expect(events('In a symbolic vote, the Iraqi Parliament on Sunday approved a Bill for the expulsion of all US soldiers.')).toEqual([
    'vote → iraqi-parliament-troops-vote',
  ]);
  expect(events('The Iraqi parliament approved a resolution that calls for the government to end the presence of foreign forces.')).toEqual([
    'resolution → iraqi-parliament-troops-vote',
  ]);
  expect(events('The Iraqi parliament votes to end presence of foreign forces.')).toEqual(['votes to end presence → iraqi-parliament-troops-vote']);
  expect(events('The Iraqi parliament passed a resolution on the budget.')).toEqual([]);
});

test('the killing of Soleimani by more of its words, the first in the sentence', () => {
  expect(events('Qasem Soleimani and eight others were killed in a US drone attack.')).toEqual(['drone attack → killing-of-soleimani']);
  expect(events('Qasem Soleimani, whose death in a US drone strike shocked Iran, was buried.')).toEqual(['death → killing-of-soleimani']);
  expect(events('Qasem Soleimani was eliminated by the US.')).toEqual(['eliminated → killing-of-soleimani']);
  expect(events('لقي قاسم سليماني مصرعه في ضربة جوية أمريكية.')).toEqual(['مصرعه → killing-of-soleimani']);
  expect(events('قتل قاسم سليماني في ضربة جوية أمريكية.')).toEqual(['ضربة جوية → killing-of-soleimani']);
});

test('ISIS’s resurgence, and the election in Iraq, in plain words', () => {
  expect(events('The assaults are the latest in a resurgence of attacks by the Islamic State group.')).toEqual([
    'resurgence → isis-resurgence-2020',
  ]);
  expect(events('The Islamic State group had its revival in 2014.')).toEqual([]);
  expect(events('The PM said Iraq will hold early parliamentary elections.')).toEqual(['early parliamentary elections → iraq-early-elections']);
  expect(events('Leaders of the winners of the recent elections in Iraq met.')).toEqual(['elections → iraq-early-elections']);
});

test('where an event happened may be said in the sentence before, in the same block only', () => {
  const where = 'More than 5,000 US troops are stationed in Iraq.';
  const attacks = 'The US-led coalition paused its training, citing repeated rocket attacks over the last two months.';
  expect(events(`${where} ${attacks}`)).toEqual(['rocket attacks → rocket-attacks-on-us-forces']);
  expect(events(`${where}\u2029${attacks}`)).toEqual([]);
  expect(events(attacks)).toEqual([]);
});

test('the troop vote by its bill, decision or order, and by what it asked: leave, pull out, end a presence', () => {
  expect(events('Iraqi lawmakers unanimously approved a bill, demanding the withdrawal of all foreign forces.')).toEqual(['bill → iraqi-parliament-troops-vote']);
  expect(events('Iraq’s parliament has passed a resolution calling for foreign troops to leave the country.')).toEqual([
    'resolution → iraqi-parliament-troops-vote',
  ]);
  expect(events('The Iraqi parliament voted for a resolution that calls for ending foreign military presence in the country.')).toEqual([
    'resolution → iraqi-parliament-troops-vote',
  ]);
  expect(events('Militias vowed to fight if Washington fails to comply with the parliamentary order calling for the expulsion of US troops.')).toEqual([
    'parliamentary order → iraqi-parliament-troops-vote',
  ]);
  // A bill about something else is not the vote.
  expect(events('The Iraqi parliament approved a bill on the budget and decided to leave the session open.')).toEqual([]);
});

test('the troop vote in Arabic and Persian: the noun before the verb, with what it asked here or in the sentence before', () => {
  expect(events('وافق البرلمان العراقي اليوم الأحد على قرار يطالب الحكومة بإنهاء وجود القوات الأجنبية.')).toEqual(['قرار → iraqi-parliament-troops-vote']);
  expect(events('البرلمان العراقي يوافق على إنهاء وجود القوات الأجنبية.')).toEqual(['يوافق → iraqi-parliament-troops-vote']);
  expect(events('پارلمان عراق درخواست خروج نیروهای خارجی را مصوب کرد.')).toEqual(['مصوب کرد → iraqi-parliament-troops-vote']);
  const asked = 'پارلمان عراق خواستار خروج نیروهای آمریکایی شد.';
  const approved = 'نمایندگان عراقی این موارد را تصویب کردند.';
  expect(events(`${asked} ${approved}`)).toEqual(['تصویب کردند → iraqi-parliament-troops-vote']);
  expect(events(approved)).toEqual([]);
  // Persian قرار in قرار داد ("placed") is not a decision.
  expect(events('پارلمان عراق آنها را در برابر خروج قرار داد.')).toEqual([]);
});

test('the killing of Soleimani as the raid or attack in Arabic and Persian, and Kadhimi’s confidence vote', () => {
  expect(events('وأثارت الغارة الأمريكية، التي أودت بحياة قاسم سليماني، غضب المسؤولين.')).toEqual(['الغارة → killing-of-soleimani']);
  expect(events('بعد يومين من هجوم بطائرة أمريكية مسيرة أسفر عن مقتل قاسم سليماني.')).toEqual(['هجوم → killing-of-soleimani']);
  expect(events('نشست اضطراری به دنبال کشته شدن قاسم سلیمانی برگزار شد.')).toEqual(['کشته شدن → killing-of-soleimani']);
  expect(events('منح مجلس النواب العراقي ثقته لحكومة مصطفى الكاظمي.')).toEqual(['ثقته → kadhimi-sworn-in']);
});

test('a visit by its noun before the verb that reports it; a dateline is not where it was', () => {
  expect(events('Mustafa al-Kadhimi arrived in Tehran on his first foreign trip.')).toEqual(['trip → kadhimi-tehran-visit']);
  expect(events('TEHRAN (FNA)- Mustafa al-Kadhimi visited the command center of the country’s forces.')).toEqual([]);
  expect(events('Mustafa al-Kadhimi visited Tehran on Tuesday.')).toEqual(['visited → kadhimi-tehran-visit']);
});

test('the strategic dialogue by its noun where the sentence names both countries', () => {
  expect(events('The fourth round of dialogues between Iraq and the United States will be the last.')).toEqual(['dialogues → us-iraq-strategic-dialogue']);
  expect(events('An Iraqi delegation arrived in Washington to prepare the dialogue session with Iraq’s partners in Baghdad.')).toEqual([
    'dialogue session → us-iraq-strategic-dialogue',
  ]);
  // To hold dialogue is not the dialogue; nor is a dialogue the sentence does not set between the two.
  expect(events('The US will continue to hold dialogue with Baghdad.')).toEqual([]);
  expect(events('The upcoming dialogue between the United States and Saudi Arabia was delayed.')).toEqual([]);
});

test('Kadhimi’s confidence vote as lawmakers approving or voting for his government', () => {
  expect(events('Parliament approved the government of Mustafa al-Kadhimi on Wednesday.')).toEqual(['approved → kadhimi-sworn-in']);
  expect(events('Mustafa al-Kadhimi thanked lawmakers after parliament voted for his Cabinet.')).toEqual(['voted → kadhimi-sworn-in']);
  // Approving something else, or another government without him, is not the vote.
  expect(events('Mustafa al-Kadhimi approved the budget.')).toEqual([]);
  expect(events('Lawmakers approved a new government on Thursday.')).toEqual([]);
});

test('a visit by the leader’s arrival, the noun before any other of the sentence', () => {
  expect(events('Mustafa al-Kadhimi’s arrival in Tehran comes a day after his visit to Saudi Arabia was postponed.')).toEqual(['arrival → kadhimi-tehran-visit']);
  expect(events('Mustafa al-Kadhimi’s arrival in Riyadh was delayed.')).toEqual([]);
});

test('Abdul Mahdi’s resignation in Persian, his name joined as Persian writes it', () => {
  expect(spotText(matcher, 'پارلمان عراق با استعفای عادل عبدالمهدی موافقت کرد.').map((m) => matcher.entities[m.entity]!.id)).toEqual(
    expect.arrayContaining(['abdul-mahdi-resignation', 'adel-abdul-mahdi']),
  );
  expect(events('پارلمان عراق با استعفای وزیر موافقت کرد.')).toEqual([]);
});
