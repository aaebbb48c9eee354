/**
 * Small articles for the name-learning tests, written for them: people and organisations the
 * curated gazetteer does not know, in the spellings and sentence positions that trip learning up.
 */
import type { NameDocument } from '../../lib/names/types';

export const abadiArticle: NameDocument = {
  id: 'abadi-visit',
  title: 'Former Premier Returns To Baghdad Politics',
  paragraphs: [
    'Former prime minister Haidar al-Abadi said on Sunday that his Victory Alliance would contest the vote.',
    'Abadi, who led the country during the war against the militants, met party leaders in Baghdad.',
    'Critics of al-Abadi say the alliance has lost support since 2018.',
  ],
};

export const abbadiArticle: NameDocument = {
  id: 'abbadi-interview',
  title: 'An interview with a former prime minister',
  paragraphs: [
    'Haider al-Abbadi, the former prime minister of Iraq, told reporters that the elections must be held on time.',
    'He spoke in Baghdad on Monday.',
  ],
};

export const sadrArticle: NameDocument = {
  id: 'two-sadrs',
  title: 'A cleric and his father',
  paragraphs: [
    'The Shiite cleric Muqtada al-Sadr called on his followers to leave the streets.',
    'His father, Grand Ayatollah Mohammed Sadiq al-Sadr, was killed in 1999.',
    'Supporters of Muqtada al-Sadr gathered in Sadr City.',
  ],
};

export const sadrOnlyArticle: NameDocument = {
  id: 'sadr-alone',
  title: 'Protests in the capital',
  paragraphs: ['Thousands answered the call of Sadr on Friday, filling the square.'],
};

export const pmfArticle: NameDocument = {
  id: 'pmf-budget',
  title: 'Parliament debates the budget',
  paragraphs: [
    'Lawmakers debated funding for the Popular Mobilization Forces (PMF), an umbrella of mostly Shiite armed groups.',
    'The PMF was formed in 2014. Its leaders rejected the cuts.',
  ],
};

export const headlineArticle: NameDocument = {
  id: 'headline-capitals',
  title: 'Lawmakers Reject Budget As Deadline Looms',
  paragraphs: [
    'Closing the session late on Tuesday, the speaker said the budget would return to committee.',
    'The deadline looms at the end of the month, and lawmakers who reject the plan say it ignores the provinces.',
  ],
};

export const nujabaArticle: NameDocument = {
  id: 'nujaba-statement',
  title: 'Militia warns of retaliation',
  paragraphs: [
    'Akram al-Kaabi, the leader of Harakat al-Nujaba, said the group would respond to any strike.',
    'Kaabi spoke after a drone attack near the city of Jurf al-Sakhar.',
  ],
};

export const nujabaFollowUp: NameDocument = {
  id: 'nujaba-follow-up',
  title: 'A second warning',
  paragraphs: ['Harakat al-Nujaba repeated its threat on Thursday, a day after Akram al-Kaabi spoke.'],
};

/** Two people who share a surname, the bare surname after the second full name meaning the first. */
export const keltamiCousinsArticle: NameDocument = {
  id: 'keltami-named',
  title: 'A new prime minister-designate',
  paragraphs: [
    'The president named Zoran Keltami prime minister-designate on Saturday.',
    'His cousin, the former premier Davor Keltami, led the country a decade ago.',
    'Keltami said he would form a cabinet of independents within a month.',
  ],
};

export const keltamiCabinetArticle: NameDocument = {
  id: 'keltami-cabinet',
  title: 'The cabinet is presented',
  paragraphs: ['Zoran Keltami presented his cabinet to parliament on Tuesday.', 'Keltami thanked the president for his trust.'],
};
