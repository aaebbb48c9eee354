/**
 * Stance toward one entity in one passage: how the passage's own words treat *that* entity, not
 * how the sentence sounds. "The PMU liberated Mosul from ISIS" is positive for the PMU and
 * negative for ISIS; "the US airstrike that killed Soleimani" says nothing against Soleimani;
 * "they are not a terrorist group" is not negative.
 *
 * Each evaluative word (lib/accounts/lexicon.ts) counts with a weight for how it is tied to the
 * entity: inside a phrase that characterises it (apposition, copular predicate, role, modifier)
 * fully; as what the entity does when it is the subject, nearly fully, less the further from
 * it; as what is done to it, by the word's class (an adversary, a victim, a beneficiary, a
 * judgement); elsewhere in its clause, a little; in another clause or sentence, hardly. Words
 * that qualify another name ("Daesh terrorists") belong to that name. What the entity acts
 * against takes the opposite sign for it ("defeating the terrorists" is to its credit); what it
 * says is its speech, not said of it. Negation, intensifiers, hedges ("accused of",
 * "allegedly"), irony ("under the pretext of"), scare quotes, conditions and concessive clauses
 * ("Although X, …") then modify the word. The sum is squashed into [-1, 1] as VADER does
 * (x / √(x² + α)). DOM-free.
 */
import { pronounsFor, opensClause, structure, tokenRange, type ClauseKind, type Structure } from './clauses';
import { HEDGES, INTENSIFIERS, IRONY, NEGATORS, NEGATOR_PHRASES, SAYING, lexicon, type LexiconEntry } from './lexicon';
import type { Span } from './mentions';
import { characterisingPhrases, type CharacterisingPhrase } from './phrase';
import { tokenise, type Token } from './tokens';

export interface StanceInput {
  /** The passage text. */
  text: string;
  /** Where the entity is referred to. Words inside a target that are not names (`names`) describe it: "Daesh terrorist group". */
  targets: readonly Span[];
  /** The entity's own names inside the targets (defaults to the targets): their words are not evaluations. */
  names?: readonly Span[];
  /** Where other entities are named: their words are names too ("Popular Mobilization Units"). */
  others?: readonly Span[];
  /** A person is "he"/"she", anything else "they"/"it". */
  person?: boolean;
}

export interface StanceCue extends Span {
  word: string;
  /** The word's valence toward the entity after its tie, negation, intensifiers, hedges and quotes. */
  valence: number;
  /** How strongly the word is tied to the entity (0 … 1). */
  weight: number;
  /** Why: "phrase:copular", "does", "adversary", "victim", "clause", "elsewhere"... */
  tie: string;
}

export interface PassageStance {
  /** −1 (negative) … +1 (positive) toward the entity. */
  score: number;
  /** The weighted sum before squashing. */
  sum: number;
  cues: StanceCue[];
  /** What characterises the entity in the passage, strongest first (pronouns that stand for it included). */
  phrases: CharacterisingPhrase[];
  /** The passage makes the entity the doer of violence ("attacks carried out by pro-Iranian militias", "ISIS killed"): whom it blames. */
  blamed: boolean;
}

export interface StanceOptions {
  /** The squashing constant: larger keeps scores nearer 0. */
  alpha?: number;
}

export const DEFAULT_ALPHA = 8;

const BE = /^(?:is|was|were|are|be|been|being|get|got|gets|getting|remains|remained)$/u;
const PARTICIPLE = /(?:ed|en|wn|ught|lt)$/u;
/** Words through which a word before the name still governs it ("cracked down on the militias"). */
const GOVERNED_THROUGH = /^(?:the|a|an|its|their|his|her|this|these|those|of|on|upon|down|from|against|to|by|in|with|over|up|out|and|both|known|as|called)$/u;
const PREPOSITION = /^(?:of|on|upon|from|against|to|by|in|with|over|for|at)$/u;
/** How far an adversarial word's object reaches ("defeating ISIS terror group"). */
const OBJECT_WORDS = 6;
/** Prepositions that start a new phrase after the object: "fought Israel to a standstill in a destructive war". */
const OBJECT_ENDS = /^(?:in|during|at|for|after|before|since|while|when|into)$/u;
const CLAUSE_WEIGHT: Record<ClauseKind, number> = { main: 1, concessive: 0.5, contrast: 1.3, quotation: 1, condition: 0.3 };

type Ranges = { from: number; to: number };

interface Context {
  s: Structure;
  tokens: readonly Token[];
  /** Inside a name of any entity (the target's own names included). */
  named: boolean[];
  /** Inside another entity's name. */
  other: boolean[];
  /** The kind of the target's characterising phrase covering the token. */
  inPhrase: (string | undefined)[];
  /** Inside the target's own words. */
  inTarget: boolean[];
  headline: boolean;
}

export function passageStance(input: StanceInput, options: StanceOptions = {}): PassageStance {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const tokens = tokenise(input.text);
  const s = structure(tokens);
  const flags = () => new Array<boolean>(tokens.length).fill(false);
  const named = flags();
  const other = flags();
  const inTarget = flags();
  const ranges = (spans: readonly Span[]) => spans.map((span) => tokenRange(tokens, span)).filter((r) => r.to > r.from);
  for (const r of ranges(input.names ?? input.targets)) for (let i = r.from; i < r.to; i++) named[i] = true;
  for (const r of ranges(input.others ?? [])) for (let i = r.from; i < r.to; i++) named[i] = other[i] = true;
  const targetNames = ranges(input.targets);
  for (const r of targetNames) for (let i = r.from; i < r.to; i++) inTarget[i] = true;

  const nameRanges = [...targetNames, ...ranges(input.others ?? [])];
  // A target that is itself "she" or "he" is a person, whatever the caller knows.
  const person = input.person === true || targetNames.some((r) => r.to - r.from === 1 && /^(?:he|she|him|her)$/u.test(tokens[r.from]!.key));
  const pronouns = targetNames.flatMap((r) => pronounsFor(s, r, person, nameRanges));
  const targets = [...targetNames, ...pronouns].sort((a, b) => a.from - b.from);
  const phrases = targets.flatMap((r) => {
    const span = { start: tokens[r.from]!.start, end: tokens[r.to - 1]!.end };
    return characterisingPhrases(input.text, span, sentenceSpan(s, r.from));
  });
  const inPhrase = new Array<string | undefined>(tokens.length).fill(undefined);
  // What someone means it for ("the talks that the Americans expect to strengthen their presence") is their aim, not a judgement of it.
  const aim = new Array<boolean>(tokens.length).fill(false);
  for (const p of phrases) {
    const r = tokenRange(tokens, p);
    if (p.kind === 'purpose') {
      for (let i = r.from; i < r.to; i++) aim[i] = true;
      continue;
    }
    for (let i = r.from; i < r.to; i++) if (!inTarget[i]) inPhrase[i] ??= p.kind;
  }
  const words = tokens.filter((t) => t.kind === 'word');
  const headline = words.length >= 4 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length > 0.7;
  const cx: Context = { s, tokens, named, other, inPhrase, inTarget, headline };

  const cues: StanceCue[] = [];
  let blamed = false;
  if (targets.length === 0) return { score: 0, sum: 0, cues, phrases, blamed };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A quoted title names a law or a report: its words are not the passage's judgement.
    if (t.kind !== 'word' || named[i] || aim[i] || s.titled[i]) continue;
    if (!inTarget[i] && !inPhrase[i] && isNameWord(cx, i)) continue;
    const found = lookup(tokens, i);
    if (!found) continue;
    const { entry, span } = found;
    const target = nearestTarget(s, targets, i);
    // The reader's own words for it ("Daesh terrorist group", "supposed opposition leaders") describe it; capitalised ones name it.
    if (inTarget[i] && /^\p{Lu}/u.test(t.text)) continue;
    // "the martyred president", "the murdered journalist": a harm word in the entity's own words says what befell it.
    const own = entry.relation === 'harm' ? { weight: 1, valence: entry.victim ?? 0, why: 'modifier:befell' } : { weight: 1, valence: entry.valence, why: 'modifier' };
    const tie = inTarget[i] ? own : tieOf(cx, i, entry, target);
    if (tie.weight === 0 || tie.valence === 0) {
      i += span - 1;
      continue;
    }
    const valence = modified(cx, i, tie.valence);
    // Violence it does, undenied: the passage holds it responsible ("terrorist acts directed by Takfiri terrorists").
    if (valence < 0 && DOER_TIES.test(tie.why) && VIOLENCE.test(t.key)) blamed = true;
    const end = tokens[i + span - 1]!.end;
    cues.push({ start: t.start, end, word: input.text.slice(t.start, end), valence, weight: tie.weight, tie: tie.why });
    i += span - 1;
  }
  // "accused the United States …, a charge Washington has denied": a charge reported with its denial is reported at arm's length.
  for (const c of cues) {
    if (c.valence >= 0 || !/judged$/u.test(c.tie)) continue;
    const at = tokens.findIndex((t) => t.start === c.start);
    const sentence = s.clauses[s.clauseOf[at]!]!.sentence;
    const denied = tokens.some((t, k) => k > at && t.kind === 'word' && DENIALS.has(t.key) && s.clauses[s.clauseOf[k]!]!.sentence === sentence);
    if (!denied) continue;
    for (const d of cues) if (d.valence < 0 && d.start >= c.start && s.clauses[s.clauseOf[tokens.findIndex((t) => t.start === d.start)]!]!.sentence === sentence) d.valence *= 0.3;
  }
  // Words only loosely tied to the entity add up in a long sentence: together they count for at most LOOSE_CAP.
  const tied = cues.filter((c) => !LOOSE.has(c.tie)).reduce((n, c) => n + c.valence * c.weight, 0);
  const loose = cues.filter((c) => LOOSE.has(c.tie)).reduce((n, c) => n + c.valence * c.weight, 0);
  const sum = tied + Math.max(-LOOSE_CAP, Math.min(LOOSE_CAP, loose));
  return { score: sum / Math.sqrt(sum * sum + alpha), sum, cues, phrases, blamed };
}

/** Words of violence: attacks, killing, terror (not looting or meddling, which are harms of another kind). */
const VIOLENCE = /^(?:attack(?:s|ed|ing)?|kill(?:s|ed|ing)?|terror(?:ism|ist|ists)?|violen(?:ce|t)|bomb(?:s|ed|ing|ings)?|massacres?|atrocit(?:y|ies)|murder(?:s|ed)?|assassinated)$/u;
/** Ties that make the entity the one who does a word: its subject (what it does, its relative clause) or the agent after "by". */
const DOER_TIES = /^(?:does|done-by|phrase:action|phrase:relative)$/u;

const LOOSE = new Set(['clause', 'sentence', 'elsewhere', 'quoted-nearby', 'aside']);
/** A word across a comma-bounded relative clause from the entity, as loosely as one in another sentence. */
const ASIDE = 0.3;
const DENIALS = new Set(['deny', 'denies', 'denied', 'denying', 'denial', 'rejected', 'rejects', 'refuted', 'refutes', 'dismissed']);
const LOOSE_CAP = 0.75;

function sentenceSpan(s: Structure, token: number): Span {
  const sentence = s.clauses[s.clauseOf[token]!]!.sentence;
  const clauses = s.clauses.filter((c) => c.sentence === sentence);
  const first = s.tokens[clauses[0]!.start]!;
  const last = s.tokens[clauses[clauses.length - 1]!.end - 1]!;
  return { start: first.start, end: last.end };
}

/** A capitalised word inside a clause is part of a name or title ("Supreme Leader", "Popular"), except in a headline. */
function isNameWord(cx: Context, i: number): boolean {
  const t = cx.tokens[i]!;
  if (cx.headline || !/^\p{Lu}/u.test(t.text)) return false;
  const clause = cx.s.clauses[cx.s.clauseOf[i]!]!;
  for (let j = i - 1; j >= clause.start; j--) {
    const prev = cx.tokens[j]!;
    if (prev.kind === 'word') return true;
    if (prev.kind === 'open-quote' || prev.text === '(') return false;
  }
  return false;
}

/** The lexicon entry at token i: a two-word phrase first, then the word, then a hyphenated compound's parts. */
function lookup(tokens: readonly Token[], i: number): { entry: LexiconEntry; span: number } | undefined {
  const lex = lexicon();
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (next?.kind === 'word') {
    const pair = lex.get(`${t.key} ${next.key}`);
    if (pair) return { entry: pair, span: 2 };
  }
  const whole = lex.get(t.key);
  if (whole) return { entry: whole, span: 1 };
  if (!t.key.includes('-')) return undefined;
  const parts = t.key.split('-');
  if (parts[0] === 'pro' || parts[0] === 'anti') {
    // "pro-regime" takes the side of what it names; "anti-regime" the other side, more mildly.
    const rest = lex.get(parts.slice(1).join('-'));
    if (!rest || rest.valence === 0) return undefined;
    return { entry: { valence: parts[0] === 'pro' ? rest.valence : -rest.valence / 2 }, span: 1 };
  }
  // "Western-friendly", "Iran-aligned", "US-backed": alignment, not merit.
  if (ALIGNED.test(parts[parts.length - 1]!)) return undefined;
  const rated = parts.map((p) => lex.get(p)).filter((e): e is LexiconEntry => !!e && e.valence !== 0);
  if (rated.length === 0) return undefined;
  return { entry: { valence: rated.reduce((a, b) => (Math.abs(b.valence) > Math.abs(a.valence) ? b : a)).valence }, span: 1 };
}

const ALIGNED = /^(?:friendly|backed|aligned|allied|leaning|affiliated|linked|funded|oriented)$/u;

function nearestTarget(s: Structure, targets: readonly Ranges[], i: number): Ranges {
  const clause = s.clauseOf[i]!;
  const sentence = s.clauses[clause]!.sentence;
  const rank = (r: Ranges) => {
    const c = s.clauseOf[r.from]!;
    const level = c === clause || s.clauseOf[r.to - 1] === clause ? 0 : s.clauses[c]!.sentence === sentence ? 1 : 2;
    return level * 10_000 + Math.min(Math.abs(r.from - i), Math.abs(r.to - 1 - i));
  };
  return targets.reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

interface Tie {
  weight: number;
  valence: number;
  why: string;
}

function entryAt(tokens: readonly Token[], j: number): LexiconEntry | undefined {
  return tokens[j]!.kind === 'word' ? lookup(tokens, j)?.entry : undefined;
}

/** The word qualifies another entity's name next to it: "Daesh terrorists", "the notorious ISIS". */
function qualifiesOther(cx: Context, i: number, entry: LexiconEntry): boolean {
  const next = cx.tokens[i + 1];
  const prev = cx.tokens[i - 1];
  // "the Iranian regime’s pressure": another's possession, whatever the word does.
  if (prev?.kind === 'word' && cx.other[i - 1] === true && prev.possessive) return true;
  if (entry.relation && entry.relation !== 'patient-noun') return false;
  if ((next?.kind === 'word' && cx.other[i + 1] === true) || (prev?.kind === 'word' && cx.other[i - 1] === true)) return true;
  // "the crimes of the militias", "the corruption of the regime": the noun is the other's.
  // "sending a message to Iran that its regional meddling has consequences": "its" is the nearest name's.
  if (possessedByOther(cx, i)) return true;
  if (next?.key !== 'of') return false;
  for (let j = i + 2; j < Math.min(cx.tokens.length, i + 5); j++) {
    const t = cx.tokens[j]!;
    if (t.kind !== 'word') return false;
    if (cx.other[j]) return true;
    if (cx.inTarget[j] || !DETERMINER.test(t.key)) return false;
  }
  return false;
}

const DETERMINER = /^(?:the|a|an|its|their|his|her|this|these|those)$/u;
const FOLLOWERS = /^(?:supporters|followers|loyalists|partisans|admirers|fans|allies|friends|backers)$/u;
/** After these the entity lacks what follows: "Iraq needs international assistance". */
const NEEDS = /^(?:need|needs|needed|needing|require|requires|required|lacks|lacked|seeks|sought|wants|wanted|awaits)$/u;
const POSSESSIVE_DETERMINER = /^(?:its|their|his|her)$/u;

/** The word follows "its"/"their" (an adjective or two between) whose nearest name before, in the sentence, is another entity's. */
function possessedByOther(cx: Context, i: number): boolean {
  let j = i - 1;
  for (let words = 0; j >= 0 && words < 3; j--) {
    const t = cx.tokens[j]!;
    if (t.kind !== 'word') return false;
    if (POSSESSIVE_DETERMINER.test(t.key)) break;
    if (cx.named[j]) return false;
    words++;
  }
  if (j < 0 || !POSSESSIVE_DETERMINER.test(cx.tokens[j]!.key)) return false;
  const sentence = cx.s.clauses[cx.s.clauseOf[j]!]!.sentence;
  for (let k = j - 1; k >= 0 && cx.s.clauses[cx.s.clauseOf[k]!]!.sentence === sentence; k--) {
    if (cx.inTarget[k]) return false;
    if (cx.other[k]) return true;
  }
  return false;
}
const VICTORY = /^(?:victory|victories|triumph|triumphs|triumphed|prevailed|prevail|won|win|wins)$/u;

/**
 * The word lies in the object of an adversarial word, a judgement against, or a benefit
 * ("defeating ISIS terror group", "liberated the occupied territories"): what is fought or
 * undone is the adversary's, not the doer's. The object ends at a new prepositional phrase.
 */
function actedAgainst(cx: Context, i: number): 'adversarial' | 'benefit' | 'harm' | undefined {
  const clauseStart = cx.s.clauses[cx.s.clauseOf[i]!]!.start;
  let words = 0;
  for (let j = i - 1; j >= clauseStart && words <= OBJECT_WORDS; j--) {
    const t = cx.tokens[j]!;
    if (t.kind === 'punct' && t.text !== '-') return undefined;
    if (t.kind !== 'word') continue;
    words++;
    if (cx.inTarget[j]) return undefined;
    const e = entryAt(cx.tokens, j);
    // "were accused of corruption": the charge is laid on the entity, not something it acts against.
    if ((e?.relation === 'adversarial' || e?.relation === 'attitude') && passive(cx.tokens, j)) return undefined;
    if (e?.relation === 'adversarial' || (e?.relation === 'attitude' && e.valence < 0)) return 'adversarial';
    if (e?.relation === 'benefit') return 'benefit';
    if (e?.relation === 'harm' && !passive(cx.tokens, j)) return 'harm';
    // "the uprising against the regime’s intervention", "a campaign against corruption": the few words right after
    // "against", unless a relative clause ("protests that began … against corruption") makes it someone else's.
    if (t.key === 'against' && words <= 4 && !relativeBefore(cx, j)) return 'adversarial';
    // "victory over terrorism", "triumph over Daesh".
    if (t.key === 'over' && words <= 4 && j > 0 && VICTORY.test(cx.tokens[j - 1]!.key)) return 'adversarial';
    if (OBJECT_ENDS.test(t.key)) return undefined;
  }
  return undefined;
}

/** Words that make a quotation right after the entity its predicate: "X is “…”", "described X as “…”", "called X “…”". */
const QUOTED_PREDICATE = /^(?:is|are|was|were|be|been|remains|as|a|an|the|one|of)$/u;

function quotedPredicate(cx: Context, clause: number, target: Ranges): boolean {
  const c = cx.s.clauses[clause]!;
  if (c.kind !== 'quotation' || c.start < target.to || c.sentence !== cx.s.clauses[cx.s.clauseOf[target.from]!]!.sentence) return false;
  const between = cx.tokens.slice(target.to, c.start).filter((t) => t.kind === 'word');
  if (between.length > 3 || !between.every((t) => QUOTED_PREDICATE.test(t.key))) return false;
  // The entity itself must open its clause or be what a naming verb names: "described X as".
  const before = cx.tokens.slice(cx.s.clauses[cx.s.clauseOf[target.from]!]!.start, target.from).filter((t) => t.kind === 'word');
  return between.some((t) => t.key === 'as') ? true : opensClause(cx.s, target.from) || before.length === 0;
}

/**
 * The entity owns the clause's subject ("X’s record", "the supports of X") and the word is in the
 * predicate after its copula: what is said of the subject is said of something of X's. A noun of
 * what befell it ("X’s death was …") is not its own doing.
 */
function ownedSubject(cx: Context, target: Ranges, i: number): boolean {
  const { tokens, s } = cx;
  const clauseStart = s.clauses[s.clauseOf[target.from]!]!.start;
  const head = tokens.slice(clauseStart, target.from).filter((t, k) => t.kind === 'word' && !cx.inTarget[clauseStart + k]);
  // "the supports of Iran and the Lebanese Hezbollah": names coordinated with it share the "of".
  while (head.length > 2 && (cx.named[tokens.indexOf(head[head.length - 1]!)] || /^(?:and|the)$/u.test(head[head.length - 1]!.key))) head.pop();
  const possessive = tokens[target.to - 1]!.possessive === true;
  const ofPhrase = head.length >= 2 && head[head.length - 1]!.key === 'of' && /^(?:the|a|an)$/u.test(head[0]!.key) && head.length <= 5;
  if (!(possessive && (head.length === 0 || /^(?:the|a|an)$/u.test(head[0]!.key)) && head.length <= 2) && !ofPhrase) return false;
  if (ofPhrase && head.some((t) => entryAt(tokens, tokens.indexOf(t))?.relation === 'patient-noun')) return false;
  let copula = -1;
  for (let j = target.to; j < i; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && t.text !== ',') return false;
    if (t.kind === 'word' && /^(?:is|are|was|were|remains|remained|has been|have been)$/u.test(t.key)) {
      copula = j;
      break;
    }
  }
  if (copula < 0) return false;
  if (possessive) {
    const noun = tokens.slice(target.to, copula).find((t) => t.kind === 'word');
    if (noun && lookup(tokens, tokens.indexOf(noun))?.entry.relation === 'patient-noun') return false;
  }
  return copula - target.to <= 12;
}

/** A relative pronoun earlier in the clause, not right after the entity: what follows it is another noun's. */
function relativeBefore(cx: Context, j: number): boolean {
  const clauseStart = cx.s.clauses[cx.s.clauseOf[j]!]!.start;
  for (let k = j - 1; k > clauseStart && !cx.inTarget[k]; k--) {
    const t = cx.tokens[k]!;
    if (t.kind === 'word' && /^(?:that|which|who|whom|whose)$/u.test(t.key) && !cx.inTarget[k - 1]) return true;
  }
  return false;
}

/** The clause of token i says something was harmed: "has been looted", "were destroyed". */
function harmedInClause(cx: Context, i: number): boolean {
  const clause = cx.s.clauses[cx.s.clauseOf[i]!]!;
  for (let k = clause.start; k < clause.end; k++) if (entryAt(cx.tokens, k)?.relation === 'harm' && passive(cx.tokens, k)) return true;
  return false;
}

/** A passive construction between the entity and the word: "was killed in a US airstrike". */
function passiveBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (tokens[j]!.kind === 'word' && passive(tokens, j)) return true;
  return false;
}

function tieOf(cx: Context, i: number, entry: LexiconEntry, target: Ranges): Tie {
  const { s, tokens } = cx;
  const v = entry.valence;
  const relation = entry.relation;
  const clause = s.clauseOf[i]!;
  const sameClause = s.clauseOf[target.from] === clause || s.clauseOf[target.to - 1] === clause;
  const clauseWeight = CLAUSE_WEIGHT[s.clauses[clause]!.kind];
  // The clause's weight applies after the cap: a contrast ("However, it now poses a threat") outweighs what came before even when both are fully tied.
  const tie = (weight: number, valence: number, why: string): Tie => ({ weight: Math.min(1, weight) * clauseWeight, valence, why });

  // Harm someone else does nearby does not make the entity bad: it may be the victim, and an honour
  // done to those around it ("his martyred companions") reflects on it.
  const loose = relation === 'harm' ? (entry.victim ? 0.25 : 0.05) : 0.25;
  const looseValence = relation === 'harm' && entry.victim ? entry.victim : v;
  // "Salih described Kadhimi as a “patriot …”", "Saudi Arabia is “a true partner”, said Kadhimi": the quotation says what it is.
  if (!sameClause && quotedPredicate(cx, clause, target)) return tie(0.8, v, 'quoted-predicate');
  if (sameClause && acrossAside(cx, i, target)) return tie(loose * ASIDE, looseValence, 'aside');
  if (!sameClause) {
    const sameSentence = s.clauses[s.clauseOf[target.from]!]!.sentence === s.clauses[clause]!.sentence;
    // A quotation near a name is not said of it: "“Iraq won’t allow threats …,” the Iraqi PM said".
    if (s.clauses[clause]!.kind === 'quotation') return tie(0.05, looseValence, 'quoted-nearby');
    return tie(sameSentence ? loose * 0.6 : loose * 0.3, looseValence, sameSentence ? 'sentence' : 'elsewhere');
  }
  const after = i >= target.to;
  const subject = after && opensClause(s, target.from);
  if (subject && tokens[target.to - 1]!.possessive && ownedSubject(cx, target, i)) return tie(0.7, v, 'its-predicate');
  if (cx.inPhrase[i] || subject) {
    const kind = cx.inPhrase[i] ?? 'predicate';
    if (after && saidBetween(tokens, target.to, i)) return tie(0.1, v, 'says');
    // "Muhandis appreciated Iran … for their role in defeating Daesh": what follows its judgement is about the one it judges.
    if (after && judgedBetween(tokens, target.to, i)) return tie(0.1, v, 'judges-another');
    if (after && tokens.slice(target.to, i).some((t) => t.kind === 'word' && NEEDS.test(t.key))) return tie(0.1, v, 'lacks');
    if (passive(tokens, i) || (relation === 'harm' && after && passiveBetween(tokens, target.to, i))) {
      if (relation === 'harm') return tie(0.9, entry.victim ?? 0, `${kind}:done-to`);
      if (relation === 'adversarial') return tie(0.9, -2, `${kind}:defeated`);
      if (relation === 'attitude') return tie(0.9, v, `${kind}:judged`);
      return tie(0.6, v, `${kind}:passive`);
    }
    if (relation === 'attitude' || relation === 'adversarial') return tie(0.2, v, `${kind}:toward-another`);
    // "remembered as public servants who lost their lives": what befell it is no judgement of it.
    if (relation === 'patient-noun') return tie(0.1, v, `${kind}:befell`);
    const against = actedAgainst(cx, i);
    if (against === 'adversarial' || (against === 'benefit' && v < 0)) return tie(0.5, -v, `${kind}:acts-against`);
    // "gunned down peaceful protesters": harming the good is the doer's fault; what its victims are called is theirs.
    if (against === 'harm') return v > 0 ? tie(0.5, -v, `${kind}:harms`) : tie(0.1, v, `${kind}:harms`);
    if (qualifiesOther(cx, i, entry)) return tie(0.15, v, `${kind}:qualifies-another`);
    if (cx.inPhrase[i]) return tie(1, v, `phrase:${kind}`);
    const distance = tokens.slice(target.to, i).filter((t) => t.kind === 'word').length;
    return tie(distance <= 6 ? 0.8 : distance <= 12 ? 0.35 : 0.2, v, 'does');
  }
  if (qualifiesOther(cx, i, entry)) return tie(0.03, v, 'qualifies-another');
  if (after) {
    const last = tokens[target.to - 1]!;
    if (last.possessive && i - target.to < 3) {
      // "Soleimani’s assassination" happens to him; "Soleimani’s warrior charisma" is his.
      if (relation === 'patient-noun' || relation === 'harm') return tie(0.1, v, 'has-happen');
      return v > 0 && harmedInClause(cx, i) ? tie(0.1, 0, 'its-harmed') : tie(0.9, v, 'its');
    }
    // "The Raisi administration’s record … is commendable", "the role of the PMU was decisive": the subject is the entity's.
    if (ownedSubject(cx, target, i)) return tie(0.7, v, 'its-predicate');
    return tie(loose, looseValence, 'clause');
  }
  // The word comes before the name: does it govern it?
  let between = 0;
  let last = '';
  const prepositions = new Set<string>();
  let patient = false;
  let passiveBy = false;
  for (let j = i + 1; j < target.from; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') {
      if (t.kind === 'punct' && t.text !== '-') between += 10;
      continue;
    }
    if (cx.named[j] || cx.inPhrase[j] || /^\p{Lu}/u.test(t.text)) continue;
    if (PREPOSITION.test(t.key)) {
      prepositions.add(t.key);
      last = t.key;
    } else if (!GOVERNED_THROUGH.test(t.key)) {
      between++;
      last = '';
    }
    if (entryAt(tokens, j)?.relation === 'patient-noun') patient = true;
    if (PARTICIPLE.test(t.key)) passiveBy = true;
  }
  // "attacks carried out by pro-Iranian militias": the one after "by" did it.
  if (last === 'by' && (between <= 3 || passiveBy) && between < 10) {
    // "The offensive was thwarted by the popular forces": what the agent acts against is to its credit.
    if (v < 0 && adversarialBetween(cx, i + 1, target.from)) return tie(0.6, -v, 'thwarted-by');
    if (relation === 'harm') return tie(0.8, v, 'done-by');
    // "was thwarted by", "was praised by": the one after "by" thwarts or praises; "was liberated by": it liberates.
    if (relation === 'adversarial' || relation === 'attitude') return tie(0.2, 0, 'done-by');
    if (relation === 'benefit') return tie(0.8, v, 'done-by');
    if (v < 0) return tie(0.6, v, 'done-by');
  }
  if (between <= 2) {
    if ((prepositions.has('from') || prepositions.has('against')) && (relation === 'benefit' || relation === 'adversarial')) {
      return tie(0.9, -2, 'adversary');
    }
    switch (relation) {
      case 'adversarial':
        return tie(0.9, -2, 'adversary');
      case 'harm':
        return tie(0.1, entry.victim ?? v, 'victim');
      case 'attitude':
        // "welcomed the death of Soleimani" welcomes what happened to him.
        return patient ? tie(0.9, -v, 'judged-what-happened') : tie(0.9, v, 'judged');
      case 'patient-noun':
        return tie(0.1, v, 'happens-to');
      case 'benefit':
        return tie(0.5, v, 'beneficiary');
    }
    // "die-hard supporters of Sadr": who follows it says nothing of it.
    if (last === 'of' && between === 0 && FOLLOWERS.test(tokens[i]!.key)) return tie(0.1, v, 'has-followers');
    // "the wealth of the Iraqi people … has been looted": what it owns was harmed, which is no credit to it.
    if (last === 'of' && between === 0) return v > 0 && harmedInClause(cx, i) ? tie(0.1, 0, 'of-harmed') : tie(0.9, v, 'of');
    if (between === 0 && !last) return tie(0.8, v, 'modifier');
  }
  return tie(loose, looseValence, 'clause');
}

/**
 * A relative clause or an apposition set off by commas (", which were agreed during the talks,",
 * ", former commander of the Islamic Revolutionary Guards Corps,") is an aside about
 * the noun before it: what the sentence around it says is not said of a name inside it ("All these
 * parameters, which were agreed during the US-Iraq talks, have led the regime to show its fear"),
 * nor is the aside said of a name outside it ("this approach, which is supported by the
 * overwhelming majority …, is the main obstacle to the talks"). An aside right after the entity is
 * its own relative clause, which characterises it.
 */
function acrossAside(cx: Context, i: number, target: Ranges): boolean {
  const aside = asideAround(cx, i) ?? asideAround(cx, target.from);
  if (!aside) return false;
  const inside = (k: number) => k >= aside.from && k < aside.to;
  if (inside(i) === inside(target.from)) return false;
  // ", who …," right after the entity (its comma aside) is about the entity.
  if (aside.from >= target.to && cx.tokens.slice(target.to, aside.from).every((t) => t.kind !== 'word')) return false;
  // "their primary mover and shaker in Iraq, the Qods Force, are going for broke": an apposition that is the entity names the subject.
  return !(inside(target.from) && cx.tokens.slice(aside.from + 1, target.from).every((t) => t.kind !== 'word' || DETERMINER.test(t.key)));
}

const RELATIVE_PRONOUN = /^(?:which|who|whom|whose)$/u;

/** At most this many words in an apposition that is an aside ("Ghalibaf, former commander of the Islamic Revolutionary Guards Corps,"). */
const APPOSITION_WORDS = 12;
const FINITE_WORD = /^(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|said|says)$/u;

/**
 * The comma at `comma` follows a name and opens a description of it: a noun phrase that is not
 * itself a name (a list, "Iraq, Iran and Syria", is not an aside) and has no finite verb, up to the next comma.
 */
function appositionAt(cx: Context, comma: number, first: number, end: number): boolean {
  const { tokens } = cx;
  if (comma === 0 || !cx.named[comma - 1] || cx.named[first]) return false;
  let words = 0;
  for (let j = first; j < end; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && t.text === ',') return words > 0;
    if (t.kind !== 'word') continue;
    if (FINITE_WORD.test(t.key) || ++words > APPOSITION_WORDS) return false;
  }
  return false;
}

/** The comma-bounded relative clause holding token k, from its comma to the comma that closes it (exclusive), within k's clause. */
function asideAround(cx: Context, k: number): Ranges | undefined {
  const { tokens, s } = cx;
  const clause = s.clauses[s.clauseOf[k]!]!;
  let open = -1;
  for (let j = k; j >= clause.start; j--) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && t.text === ',') {
      const next = tokens.findIndex((x, n) => n > j && n < clause.end && x.kind === 'word');
      if (next > 0 && j < k && (RELATIVE_PRONOUN.test(tokens[next]!.key) || appositionAt(cx, j, next, clause.end))) open = j;
      break;
    }
  }
  if (open < 0) return undefined;
  for (let j = open + 1; j < clause.end; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && t.text === ',') return j > k ? { from: open, to: j } : undefined;
  }
  return undefined;
}

/** A judgement verb (not a noun: "the praise of") between the entity and the word, in the active voice. */
function judgedBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (tokens[j]!.kind !== 'word' || lookup(tokens, j)?.entry.relation !== 'attitude' || passive(tokens, j)) continue;
    if (/(?:ed|es|s)$/u.test(tokens[j]!.key) && !/(?:ness|ss)$/u.test(tokens[j]!.key)) return true;
    // A bare form is a verb right after its subject: "officials deny any role".
    if (tokens.slice(from, j).every((t) => t.kind !== 'word' || AUXILIARY.test(t.key) || /ly$/u.test(t.key))) return true;
  }
  return false;
}

const AUXILIARY = /^(?:do|does|did|will|would|can|could|may|might|must|should|also|now|still|again|have|has|had)$/u;

function adversarialBetween(cx: Context, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (entryAt(cx.tokens, j)?.relation === 'adversarial') return true;
  return false;
}

/** A saying verb between the entity and the word: the word is its speech. */
function saidBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (tokens[j]!.kind === 'word' && SAYING.test(tokens[j]!.key)) return true;
  return false;
}

/** "was killed", "have been accused": a form of "be" right before a participle. */
function passive(tokens: readonly Token[], i: number): boolean {
  if (!PARTICIPLE.test(tokens[i]!.key)) return false;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const t = tokens[j]!;
    if (t.kind !== 'word') return false;
    if (BE.test(t.key)) return true;
    if (!/ly$/u.test(t.key) && !/^(?:also|not|never|already|since|then|still)$/u.test(t.key)) return false;
  }
  return false;
}

/** The quoted run holding token i also holds the entity's name. */
function quotesTarget(cx: Context, i: number): boolean {
  for (const step of [-1, 1]) {
    for (let j = i; j >= 0 && j < cx.tokens.length && cx.s.scareQuoted[j]; j += step) if (cx.inTarget[j]) return true;
  }
  return false;
}

/** Negation, intensifiers, hedges, irony and scare quotes acting on the word at i. */
function modified(cx: Context, i: number, valence: number): number {
  const { s, tokens } = cx;
  let v = valence;
  const clauseStart = s.clauses[s.clauseOf[i]!]!.start;
  let words = 0;
  for (let j = i - 1; j >= clauseStart && words < 4; j--) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && t.text !== '-') break;
    if (t.kind !== 'word') continue;
    words++;
    const pair = j > 0 ? `${tokens[j - 1]!.key} ${t.key}` : '';
    if (NEGATORS.has(t.key) || t.key.endsWith("n't") || NEGATOR_PHRASES.has(pair)) {
      // Denying something good is bad, but denying something bad is only faintly good.
      v = v > 0 ? -0.6 * v : -0.3 * v;
      break;
    }
    // A negation is spent on the first evaluative word after it ("will never forget the supports").
    if (entryAt(tokens, j)?.valence) break;
    if (words <= 2) v *= INTENSIFIERS.get(t.key) ?? 1;
  }
  for (let j = clauseStart; j < i; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') continue;
    if (IRONY.has(t.key) && v > 0) {
      v = -0.6 * v;
      break;
    }
    if (HEDGES.has(t.key)) {
      v *= 0.7;
      break;
    }
    // "has positioned itself as a defender": how it presents itself, not how the passage judges it.
    if (/^(?:itself|himself|herself|themselves)$/u.test(t.key) && tokens[j + 1]?.key === 'as') {
      v *= 0.3;
      break;
    }
  }
  // Quotation marks around the entity's own title ("martyr Sayyid Reda") quote its name, they do not distance a word of it.
  if (s.scareQuoted[i] && !quotesTarget(cx, i)) v = v > 0 ? -0.6 * v : 0.3 * v;
  return v;
}
