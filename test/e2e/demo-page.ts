/**
 * What `test/pages/demo.html` must show, shared by the e2e tests and `npm start`.
 *
 * Every expected mention was checked by hand against `data/gazetteer/*.json`: the page spells
 * names the way other outlets do (Qassim Suleimani, Mustafa al-Kazimi, Hashd al-Shaabi, ISIL,
 * Arabic script), not the way the corpus does.
 */
export const DEMO_PAGE = 'demo.html';

/**
 * Every mention on demo.html, in document order, exactly as the page spells it. Nothing in the
 * JSON-LD, the hidden editor's note, the comment textarea or the tag input: a reader never sees
 * those as page text.
 */
export const DEMO_MENTIONS: readonly string[] = [
  // Headline, standfirst, byline, caption
  'Iraq', // iraq
  'US', // united-states (contextual "US": the page also says "United States")
  'Tehran', // tehran
  'strategic dialogue', // us-iraq-strategic-dialogue (contextual)
  'Baghdad', // baghdad
  'Washington', // washington (contextual)
  'Baghdad', // baghdad
  'Mustafa al-Kazimi', // mustafa-al-kadhimi
  // Body
  'BAGHDAD', // baghdad: the dateline, in capitals
  'strategic dialogue', // us-iraq-strategic-dialogue
  'US', // united-states
  'drone strike', // killing-of-soleimani: an event spotted from its cue, Suleimani in the sentence
  'Baghdad airport', // baghdad-airport: longer than "Baghdad"
  'Qassim Suleimani', // qasem-soleimani, inside a link
  'Tehran', // tehran
  'Iraq', // iraq
  'David Hale', // david-hale
  'State Department', // us-state-department (contextual)
  'Iraq', // iraq ("Iraq's delegation")
  'Mustafa al-Kazemi', // mustafa-al-kadhimi, split: <b>Mustafa</b> <i>al-Kazemi</i>
  'took office', // kadhimi-sworn-in: event cue
  'United States', // united-states
  'coalition', // global-coalition-against-isis: "the coalition troops who returned in 2014 to fight ISIL" (coalition troops on a page that marks ISIS)
  'ISIL', // isis
  'parliament', // iraqi-parliament: its common noun, on a page about Iraq ("parliament voted for foreign forces to leave")
  'Popular Mobilization Forces', // popular-mobilization-units
  'Hashd al-Shaabi', // popular-mobilization-units
  'الحشد الشعبي', // popular-mobilization-units, Arabic script
  'Iran', // iran
  'Revolutionary Guards', // irgc
  'Iraq', // iraq (the blockquote)
  'Tehran', // tehran
  'Ayatollah Ali Khamenei', // ali-khamenei: the longest alias wins over "Ali Khamenei"
  'Iraq', // iraq
  'Syria', // syria
  'Suleimani', // qasem-soleimani ("Suleimani's successor")
  'Quds Force', // quds-force
  'Esmail Qaani', // esmail-qaani
  'visited', // qaani-baghdad-visit: event cue
  'Baghdad', // baghdad
  'strike', // killing-of-soleimani: "since the strike", Suleimani in the sentence
  'Basra', // basra
  'Najaf', // najaf
  'قاسم سليماني', // qasem-soleimani, Arabic script
  'مصطفى الكاظمي', // mustafa-al-kadhimi, Arabic script
  'George W. Bush', // george-w-bush
  'Nouri al-Maliki', // nouri-al-maliki
  // Sidebar links
  'Mustafa al-Kazimi', // mustafa-al-kadhimi
  'Popular Mobilization Forces', // popular-mobilization-units
  'ISIL', // isis
  'Esmail Qaani', // esmail-qaani
  'Qassim Suleimani', // qasem-soleimani
  // Never "is" ("the hardest question is the…", "who is…"), though "IS" is a contextual alias of ISIS.
];

/** The name `npm start` and the card tests rest the pointer on: split across <b> and <i>. */
export const DEMO_HOVER = { text: 'Mustafa al-Kazemi', entity: 'mustafa-al-kadhimi' } as const;

/** Spellings the corpus never uses, each of which must open the card of its entity. */
export const DEMO_ALIASES: readonly { text: string; occurrence: number; entity: string }[] = [
  { text: 'Qassim Suleimani', occurrence: 0, entity: 'qasem-soleimani' },
  { text: 'Hashd al-Shaabi', occurrence: 0, entity: 'popular-mobilization-units' },
  { text: 'ISIL', occurrence: 0, entity: 'isis' },
  { text: 'مصطفى الكاظمي', occurrence: 0, entity: 'mustafa-al-kadhimi' },
  { text: 'Esmail Qaani', occurrence: 0, entity: 'esmail-qaani' },
];

/** The popup lookup test: a loose transliteration and the entity it must find first. */
export const POPUP_LOOKUP = { query: 'kazimi', entity: 'mustafa-al-kadhimi' } as const;
