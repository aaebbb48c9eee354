/**
 * The phrase in a passage that says what an entity is, cut verbatim from the passage:
 * - apposition: "Mustafa al-Kadhimi, **the former director of Iraq’s National Intelligence Service**,"
 *   (or before the name: "**the Iraqi Prime Minister**, Mostafa al-Kadhimi,");
 * - relative clause: "Adel Abdul Mahdi, **who stepped down last November**";
 * - copular predicate: "they **have become a violent force in Iraq**";
 * - what it is known as: "**Iranian-backed militias** known as the Popular Mobilization Units";
 * - role: "**the decisive role of … the Popular Mobilization Units in securing the country**";
 * - what it wants or needs: "Iraq **needs international assistance to survive**", "**The will of the
 *   Iraqi people, however, is for a government elected by the people with early and free elections**";
 * - what it is for: "the talks **that the Americans expect to establish and strengthen their … presence
 *   in Iraq**", "In the new talks, **the United States has made it clear to the Iraqi delegation that …**";
 * - evaluative modifier: "**the notorious** PMU";
 * - title: "**top Iranian General** Qasem Soleimani";
 * - failing all of these, what it does: "Khamenei **ordered Iraq’s former president**".
 * Built on the surface patterns `characterise` ranks passages with (lib/kb/accounts.ts). DOM-free.
 */
import { APPOSITIVE, COPULA, NAMED_AS, PREPOSITION_BEFORE, POSSESSIVE_AFTER, TITLE_BEFORE, ACTS, SAYS } from '../kb/accounts';
import { lexicon } from './lexicon';
import type { Span } from './mentions';

export type PhraseKind = 'apposition' | 'copular' | 'named-as' | 'role' | 'wants' | 'purpose' | 'modifier' | 'title' | 'relative' | 'action';

/** Strongest first: the order an account's characterisation is chosen in. */
export const PHRASE_KINDS: readonly PhraseKind[] = ['apposition', 'copular', 'named-as', 'role', 'wants', 'purpose', 'modifier', 'title', 'relative', 'action'];

export interface CharacterisingPhrase extends Span {
  kind: PhraseKind;
  /** Exactly `passage.slice(start, end)`. */
  text: string;
}

/** A phrase longer than this is cut at a word boundary: a card quotes a phrase, not a paragraph. */
const MAX_PHRASE_WORDS = 24;
/** Where a phrase stops: punctuation, or a subordinate time or reason clause ("... after weeks of tense negotiations"). */
const CLAUSE_END = /[,;:()[\]—]|[.?!…](?=\s|$|[”"’'])|\s[–-]\s|\s(?=(?:after|before|following|during|amid|since|while|when|because|if|unless|although|though)\s)/u;
const COPULA_WORD = /\b(?:(?:has|have|had)\s+(?:been|become)|is|was|are|were|remains|remained|became|becomes|seems|appears)\b/iu;
/** Predicates that say what something is taken for: "are remembered as public servants". */
const REGARDED_VERBS = String.raw`(?:remembered|regarded|seen|viewed|considered|hailed|known|branded|labell?ed|described|praised|condemned|celebrated|honou?red|revered|despised|feared)`;
/** A form of "be" before the verb, or "as" after it: "X hailed the talks" is X acting, "X is hailed as" and "X, widely seen as" say what X is taken for. */
const REGARDED = new RegExp(
  String.raw`^\s+(?:(?:is|are|was|were|be|been|being)\s+(?:widely\s+|often\s+|now\s+)?${REGARDED_VERBS}\s+(?:as\s+)?|(?:widely\s+|often\s+|now\s+)?${REGARDED_VERBS}\s+as\s+)`,
  'u',
);
const ROLE_NOUN = /\b(?:role|part|contribution)\b/iu;
const DETERMINER = /^(?:the|a|an|this|these|that|those|its|their|his|her|our)$/iu;
/** Lower-case words a title may carry: "the regime’s supreme leader", "top Iranian General". */
const TITLE_WORDS = new Set([
  'the', 'top', 'senior', 'former', 'new', 'late', 'then', 'deputy', 'acting', 'interim', 'supreme', 'special', 'chief', 'vice',
  'prime', 'foreign', 'defense', 'defence', 'national', 'security', 'military', 'powerful', 'president', 'minister', 'leader',
  'general', 'commander', 'speaker', 'secretary', 'director', 'envoy', 'representative', 'ambassador', 'head', 'ayatollah',
  'spokesman', 'spokeswoman', 'spokesperson', 'cleric', 'of', 'premier',
]);
const STOP_BACKWARDS = /^(?:of|in|from|to|with|by|for|on|at|into|against|over|between|about|toward|towards|through|under|and|or|that|which|who|is|was|are|were|has|have|had|be|been)$/iu;

/** Every characterising phrase of the mention, strongest kind first. */
export function characterisingPhrases(passage: string, mention: Span, sentence: Span = { start: 0, end: passage.length }): CharacterisingPhrase[] {
  const before = passage.slice(sentence.start, mention.start);
  const after = passage.slice(mention.end, sentence.end);
  const base = sentence.start;
  const found: CharacterisingPhrase[] = [];
  const add = (kind: PhraseKind, start: number, end: number) => {
    const cut = trimPhrase(passage, start, end);
    if (cut && cut.end > cut.start) found.push({ kind, start: cut.start, end: cut.end, text: passage.slice(cut.start, cut.end) });
  };
  if (POSSESSIVE_AFTER.test(after)) {
    // "Khamenei’s intervention": the name qualifies what follows; only a title before it can characterise it.
    titlePhrase(passage, before, base, mention, add);
    return order(found);
  }
  const headOfPhrase = !PREPOSITION_BEFORE.test(before);

  const appositive = APPOSITIVE.exec(after);
  if (appositive) {
    const comma = after.indexOf(',');
    const start = mention.end + comma + 1;
    const kind: PhraseKind = /\b(?:who|whose|which)\s*$/iu.test(appositive[0]) ? 'relative' : 'apposition';
    const end = clauseEnd(passage, start, sentence.end);
    // "In the new talks, the United States has made it clear …": a clause after an introductory phrase, not an apposition.
    if (kind === 'relative' || !FINITE.test(passage.slice(start, end))) add(kind, start, end);
  }
  const before_ = /(?:^|[,;:(]\s*|\b(?:On|In|At)\s[^,]{1,30},\s*)((?:the|a|an|its|their|his|her|one of)\s[^,;:()“”"]{1,80}?),\s*$/u.exec(before);
  if (before_ && /^\s*(?:,|$)/u.test(after)) {
    const start = base + before_.index + before_[0].indexOf(before_[1]!);
    add('apposition', start, start + before_[1]!.length);
  }
  // "Raisi and his colleagues are remembered as ...": a coordinated subject shares the predicate.
  const coordinated = /^\s+and\s+(?:[\p{L}’'.-]+\s+){1,12}?(?=(?:are|were|have|had|remain|remained)\b)/u.exec(after);
  const predicate = coordinated ? after.slice(coordinated[0].length - 1) : after;
  const predicateAt = mention.end + (coordinated ? coordinated[0].length - 1 : 0);
  if (headOfPhrase && (COPULA.test(predicate) || REGARDED.test(predicate))) {
    const copula = (COPULA.test(predicate) ? COPULA_WORD : REGARDED).exec(predicate)!;
    const start = predicateAt + copula.index;
    add('copular', start, clauseEnd(passage, start, sentence.end));
  }
  // "the late General Qasem Soleimani who was martyred in Iraq": a relative clause without a comma.
  const relative = /^\s+(?:who|whom|whose|which)\s/u.exec(after);
  if (relative) {
    const start = mention.end + relative[0].length - relative[0].trimStart().length;
    add('relative', start, clauseEnd(passage, start, sentence.end));
  }
  if (NAMED_AS.test(before)) {
    const named = /\b(?:known as|called|named|dubbed|described as|labelled|labeled)\s+(?:the\s+)?$/iu.exec(before)!;
    const end = base + named.index;
    add('named-as', nounPhraseStart(passage, end, sentence.start), end);
  }
  rolePhrase(passage, before, after, base, mention, sentence, headOfPhrase, add);
  wantsPhrase(passage, before, after, base, mention, sentence, headOfPhrase, add);
  purposePhrase(passage, before, after, mention, sentence, add);
  modifierPhrase(passage, before, base, mention, add);
  titlePhrase(passage, before, base, mention, add);
  // Adverbs between the name and its verb ("forces repeatedly attacked") do not stop it acting.
  const plain = after.replace(/^((?:\s*\([^)]{0,40}\))?(?:\s*,[^,]{0,100},)?)((?:\s+\p{L}+ly\b)+)/u, (_m, aside: string, adverbs: string) => aside + ' '.repeat(adverbs.length));
  if (headOfPhrase && (ACTS.test(plain) || SAYS.test(plain))) {
    const skip = /^(?:\s*\([^)]{0,40}\))?(?:\s*,[^,]{0,100},)?\s+/u.exec(after)!;
    const start = mention.end + skip[0].length;
    add('action', start, clauseEnd(passage, start, sentence.end));
  }
  return order(found);
}

function order(phrases: CharacterisingPhrase[]): CharacterisingPhrase[] {
  // One phrase per span: the strongest reading of it.
  const seen = new Set<string>();
  return phrases
    .sort((a, b) => PHRASE_KINDS.indexOf(a.kind) - PHRASE_KINDS.indexOf(b.kind) || a.start - b.start)
    .filter((p) => !seen.has(`${p.start}:${p.end}`) && seen.add(`${p.start}:${p.end}`));
}

function rolePhrase(
  passage: string,
  before: string,
  after: string,
  base: number,
  mention: Span,
  sentence: Span,
  headOfPhrase: boolean,
  add: (kind: PhraseKind, start: number, end: number) => void,
) {
  // "X played a role in ...": the subject's role.
  const played = /^\s+(?:(?:has|have|had|also)\s+)*(?:played|plays|play|playing)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}(?:role|part)\b/iu.exec(after);
  if (headOfPhrase && played) {
    const start = mention.end + /\S/u.exec(after)!.index;
    add('role', start, clauseEnd(passage, start, sentence.end));
    return;
  }
  // "the decisive role of the PMU in securing the country": a role that names it.
  const roleOf = /((?:the|a|an|its|their)\s+(?:[\p{L}-]+\s+){0,2}(?:role|part|contribution)\s+of\s+)[^,;:.]*$/iu.exec(before);
  if (roleOf && ROLE_NOUN.test(roleOf[1]!)) {
    const start = base + roleOf.index;
    add('role', start, clauseEnd(passage, mention.end, sentence.end));
  }
}

/** Verbs of wanting after the name: "Iraq needs", "the protesters are calling for", "Tehran seeks". */
const WANTS_VERB = new RegExp(
  String.raw`^\s+(?:(?:also|still|now|only|clearly|repeatedly|is|are|was|were|has|have|had|been)\s+)*` +
    String.raw`(?:needs?|needed|wants?|wanted|demands?|demanded|demanding|seeks?|sought|aspires?\s+to|aspired\s+to|(?:calls?|called|calling|longs?|longed|yearns?|yearned)\s+for|insists?\s+on|insisted\s+on)\b`,
  'iu',
);
/** "The will of the Iraqi people … is for": what it wants, said as a noun of wanting whose "of" is the name. */
const WANTS_NOUN = /\b(?:the|its|their)\s+(?:will|wish|wishes|demands?|aspirations?|desire|needs)\s+of\s+(?:the\s+)?$/iu;
const WANTS_NOUN_COPULA = /^(?:\s*,\s*(?:however|though|then|too|therefore|moreover)\s*,)?\s+(?:is|are|was|were|remains|remain)\s+/iu;

/** What it wants or needs: a characterisation of its aims, as a contrast of "what do Iraqis want" sets them side by side. */
function wantsPhrase(
  passage: string,
  before: string,
  after: string,
  base: number,
  mention: Span,
  sentence: Span,
  headOfPhrase: boolean,
  add: (kind: PhraseKind, start: number, end: number) => void,
) {
  if (headOfPhrase && WANTS_VERB.test(after)) {
    const start = mention.end + /\S/u.exec(after)!.index;
    add('wants', start, clauseEnd(passage, start, sentence.end));
    return;
  }
  const noun = WANTS_NOUN.exec(before);
  const copula = noun ? WANTS_NOUN_COPULA.exec(after) : null;
  if (noun && copula) add('wants', base + noun.index, clauseEnd(passage, mention.end + copula[0].length, sentence.end));
}

/** "the talks that the Americans expect to establish …", "talks aimed at …": what someone means it to do. */
const PURPOSE_AFTER = new RegExp(
  String.raw`^\s+(?:(?:that|which)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:expects?|expected|hopes?|hoped|wants?|wanted|intends?|intended|aims?|aimed|seeks?|sought|plans?|planned)\s+to|(?:(?:is|are|was|were)\s+)?(?:aimed|meant|intended|designed)\s+(?:at|to))\s`,
  'iu',
);
/** "In the new talks, the United States has made it clear …": what a party puts on the table in it. */
const PURPOSE_IN = /(?:^|[\s“"(])In\s+(?:(?:the|these|this|those)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
const PUT_IN = /^\s*,\s*(?:[\p{L}’'.-]+\s+){1,6}?(?:(?:has|have|had)\s+)?(?:made\s+it\s+clear|stressed|demanded|insisted|told|called\s+for|proposed|warned|offered)\b/iu;

/** What it is for, by the words of someone who means it for something: the question "what are the talks for?" sets these side by side. */
function purposePhrase(passage: string, before: string, after: string, mention: Span, sentence: Span, add: (kind: PhraseKind, start: number, end: number) => void) {
  const purpose = PURPOSE_AFTER.exec(after);
  if (purpose) {
    const start = mention.end + /\S/u.exec(after)!.index;
    add('purpose', start, clauseEnd(passage, start, sentence.end));
    return;
  }
  if (PURPOSE_IN.test(before) && PUT_IN.test(after)) {
    const start = mention.end + after.indexOf(',') + 1;
    add('purpose', start, clauseEnd(passage, start, sentence.end));
  }
}

/** Evaluative words right before the name: "the notorious PMU", "these vehemently anti-American militias". */
function modifierPhrase(passage: string, before: string, base: number, mention: Span, add: (kind: PhraseKind, start: number, end: number) => void) {
  const words = /((?:the|a|an|these|those|this|its|their)\s+(?:[\p{L}’'-]+\s+){1,3})$/iu.exec(before);
  if (!words) return;
  const run = words[1]!.trim().split(/\s+/u);
  const evaluative = run.some((w) => {
    const key = w.toLowerCase().replace(/’/gu, "'");
    const parts = [key, ...key.split('-')];
    return parts.some((p) => Math.abs(lexicon().get(p)?.valence ?? 0) >= 1);
  });
  if (!evaluative || run.slice(1).some((w) => STOP_BACKWARDS.test(w) || MODIFIER_STOPS.test(w))) return;
  add('modifier', base + words.index, mention.end);
}

function titlePhrase(passage: string, before: string, base: number, mention: Span, add: (kind: PhraseKind, start: number, end: number) => void) {
  if (!TITLE_BEFORE.test(before)) return;
  const words = [...before.matchAll(/[\p{L}\p{N}’'-]+/gu)];
  let first = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]![0];
    const gap = before.slice(words[i]!.index + w.length, i + 1 < words.length ? words[i + 1]!.index : before.length);
    if (/[^\s]/u.test(gap)) break; // punctuation ends the title
    const lower = w.toLowerCase().replace(/’s$|'s$/u, '');
    if (/^\p{Lu}/u.test(w) || TITLE_WORDS.has(lower) || /['’]s$/u.test(w)) first = i;
    else break;
  }
  if (first >= words.length) return;
  // Trailing "of" or a lone determiner at the front carries nothing.
  while (first < words.length && /^(?:of)$/iu.test(words[first]![0])) first++;
  if (first >= words.length) return;
  const start = base + words[first]!.index;
  const end = base + before.trimEnd().length;
  if (end > start) add('title', start, end);
}

/** A finite verb: what an apposition, a noun phrase, does not have. */
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|remains|made|makes|said|says)\b/iu;

/** Words that cannot stand between a determiner and the name it qualifies. */
const MODIFIER_STOPS = /^(?:when|where|while|as|if|than|because|since|after|before|but|not|said|says|the|a|an)$/iu;

/** Where the noun phrase ending at `end` starts: back over words to a preposition, verb or punctuation. */
function nounPhraseStart(passage: string, end: number, floor: number): number {
  const text = passage.slice(floor, end);
  const words = [...text.matchAll(/[\p{L}\p{N}’'-]+/gu)];
  let start = end;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]![0];
    const gap = text.slice(words[i]!.index + w.length, i + 1 < words.length ? words[i + 1]!.index : text.length);
    if (/[^\s]/u.test(gap) || STOP_BACKWARDS.test(w)) break;
    start = floor + words[i]!.index;
    if (DETERMINER.test(w) || words.length - i >= 4) break;
  }
  return start;
}

function clauseEnd(passage: string, from: number, limit: number): number {
  const rest = passage.slice(from, limit);
  const m = CLAUSE_END.exec(rest);
  return from + (m ? m.index : rest.length);
}

/** Whitespace and stray quote marks trimmed, and at most MAX_PHRASE_WORDS words. */
function trimPhrase(passage: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /[\s“”"‘’']/u.test(passage[s]!)) s++;
  while (e > s && /[\s“”"‘’',]/u.test(passage[e - 1]!)) e--;
  const words = [...passage.slice(s, e).matchAll(/\S+/gu)];
  if (words.length > MAX_PHRASE_WORDS) e = s + words[MAX_PHRASE_WORDS - 1]!.index + words[MAX_PHRASE_WORDS - 1]![0].length;
  return e > s ? { start: s, end: e } : null;
}
