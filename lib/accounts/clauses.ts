/**
 * The shape of a passage that the stance and characterisation rules read: its sentences, the
 * clauses within them, quotations, and which name a pronoun stands for. No parser: punctuation
 * and a few function words, which is what news prose marks its structure with. DOM-free.
 */
import type { Token } from './tokens';
import type { Span } from './mentions';

export type ClauseKind =
  /** The sentence's main assertion. */
  | 'main'
  /** "Although X, ...", "Despite X, ...": conceded, then outweighed by the main clause. */
  | 'concessive'
  /** "..., but X", "However, X": what the writer puts forward against what came before. */
  | 'contrast'
  /** Words in quotation marks attributed to a speaker. */
  | 'quotation'
  /** "if ...", "unless ...": a condition, not an assertion. */
  | 'condition';

export interface Clause {
  /** Token indices, end exclusive. */
  start: number;
  end: number;
  sentence: number;
  kind: ClauseKind;
}

export interface Structure {
  tokens: readonly Token[];
  clauses: Clause[];
  /** Clause index of each token. */
  clauseOf: number[];
  /** Short quoted words not attributed to anyone: scare quotes ("the “liberators”"). */
  scareQuoted: boolean[];
  /** Inside a quoted title, every word capitalised: the name of a law or a report ("the “Iranian Proxies Terrorist Sanctions Act”"). */
  titled: boolean[];
}

/** Words a title may leave in lower case. */
const TITLE_GLUE = /^(?:of|the|and|to|for|on|in|a|an|against|from|with|by)$/u;

const SENTENCE_END = new Set(['.', '?', '!', '…']);
const CLAUSE_PUNCT = new Set([';', ':', '(', ')', '—']);
const CONCESSIVE = new Set(['although', 'though', 'despite', 'while', 'whereas', 'even']);
const CONTRAST = new Set(['but', 'however', 'yet', 'nevertheless', 'nonetheless', 'still']);
const SAYING = /^(?:said|says|say|stated|declared|announced|noted|added|wrote|writes|stressed|told|warned|claimed|insisted|argued|vowed|reported|asserted|emphasi[sz]ed|called|denounced|described|according)$/u;
/** A quote of this many words or fewer, with nobody said to say it, is a scare quote. */
const SCARE_QUOTE_WORDS = 3;

export function structure(tokens: readonly Token[]): Structure {
  const quotes = quotedSpans(tokens);
  const clauses: Clause[] = [];
  const clauseOf: number[] = new Array<number>(tokens.length).fill(0);
  const scareQuoted: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const titled: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const attributed = new Set<number>(); // token indices where an attributed quotation opens or closes
  for (const q of quotes) {
    const inside = tokens.slice(q.open + 1, q.close).filter((t) => t.kind === 'word');
    const words = inside.length;
    if (words >= 2 && /^\p{Lu}/u.test(inside[0]!.text) && /^\p{Lu}/u.test(inside[words - 1]!.text) && inside.every((t) => /^\p{Lu}/u.test(t.text) || TITLE_GLUE.test(t.key))) {
      for (let i = q.open + 1; i < q.close; i++) titled[i] = true;
    }
    const said = saidNear(tokens, q.open, q.close);
    if (words <= SCARE_QUOTE_WORDS && !said) for (let i = q.open + 1; i < q.close; i++) scareQuoted[i] = true;
    if (said && words > SCARE_QUOTE_WORDS) {
      attributed.add(q.open);
      attributed.add(q.close);
    }
  }

  let sentence = 0;
  let start = 0;
  let kind: ClauseKind = 'main';
  let sentenceStart = true;
  let inQuote = false;
  let kindBeforeQuote: ClauseKind = 'main';
  const close = (end: number, next: ClauseKind) => {
    if (end > start) {
      clauses.push({ start, end, sentence, kind });
      for (let i = start; i < end; i++) clauseOf[i] = clauses.length - 1;
    }
    start = end;
    kind = next;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (attributed.has(i)) {
      if (!inQuote && (t.kind === 'open-quote' || t.kind === 'quote')) {
        kindBeforeQuote = kind;
        close(i, 'quotation');
        inQuote = true;
        continue;
      }
      if (inQuote) {
        close(i + 1, kindBeforeQuote);
        inQuote = false;
        continue;
      }
    }
    // Inside a quotation its sentences and clauses are still cut, and stay quotation.
    const resume = (k: ClauseKind): ClauseKind => (inQuote ? 'quotation' : k);
    if (sentenceStart && t.kind === 'word') {
      if (!inQuote) {
        if (CONCESSIVE.has(t.key)) kind = 'concessive';
        else if (CONTRAST.has(t.key)) kind = 'contrast';
      }
      // A quoted condition asserts nothing either: “If Kadhimi is a nationalist, … this would be great”.
      if (t.key === 'if' || t.key === 'unless') kind = 'condition';
      sentenceStart = false;
    }
    if (t.kind === 'punct' && SENTENCE_END.has(t.text) && startsSentence(tokens, i + 1)) {
      close(i + 1, resume('main'));
      sentence++;
      sentenceStart = true;
      continue;
    }
    if (t.kind === 'punct' && CLAUSE_PUNCT.has(t.text)) {
      close(i + 1, resume(kind));
      continue;
    }
    if (inQuote) {
      if (t.kind === 'word' && (t.key === 'if' || t.key === 'unless') && i > start && kind !== 'condition') close(i, 'condition');
      continue;
    }
    if (t.kind === 'punct' && t.text === ',') {
      const next = tokens[i + 1];
      // The concessive clause ends at its first comma; a contrast starts at ", but".
      if (kind === 'concessive' || kind === 'condition') close(i + 1, 'main');
      else if (next && next.kind === 'word' && CONTRAST.has(next.key)) close(i + 1, 'contrast');
      else if (next && next.kind === 'word' && CONCESSIVE.has(next.key) && next.key !== 'even') close(i + 1, 'concessive');
      continue;
    }
    // A condition asserts nothing: "... threatened to shutter the embassy if the government fails to stop them".
    if (t.kind === 'word' && (t.key === 'if' || t.key === 'unless') && i > start) close(i, 'condition');
  }
  close(tokens.length, 'main');
  return { tokens, clauses, clauseOf, scareQuoted, titled };
}

/** Abbreviations a full stop does not end a sentence after ("Lt. Gen. Soleimani", "U.S. forces"). */
const ABBREVIATION = /^(?:mr|mrs|ms|dr|prof|st|jr|sr|gen|lt|col|maj|capt|cmdr|sgt|gov|sen|rep|rev|pres|amb|hon|no|vs|etc|inc|ltd|co|corp|dept|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\p{Lu}|u\.s|u\.n|u\.k)$/iu;

function startsSentence(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 2];
  if (before?.kind === 'word' && ABBREVIATION.test(before.text)) return false;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'close-quote' || t.kind === 'quote' || t.text === ')') continue;
    if (t.kind === 'open-quote') return true;
    return t.kind === 'word' && /^[\p{Lu}\p{N}]/u.test(t.text);
  }
  return true;
}

interface Quote {
  open: number;
  close: number;
}

/** Pairs of quote marks, innermost not needed: a quote closes at the next closing mark. */
function quotedSpans(tokens: readonly Token[]): Quote[] {
  const spans: Quote[] = [];
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const mark = t.kind === 'open-quote' || t.kind === 'close-quote' || t.kind === 'quote';
    if (!mark) continue;
    // An apostrophe-like ’ right after a word ending in s is a plural possessive, not a quote.
    if (t.text === '’' && open < 0) continue;
    if (open < 0 && t.kind !== 'close-quote') open = i;
    else if (open >= 0 && t.kind !== 'open-quote') {
      spans.push({ open, close: i });
      open = -1;
    }
  }
  return spans;
}

/** A saying verb or a colon before the quotation in its sentence, or just after it. */
function saidNear(tokens: readonly Token[], open: number, close: number): boolean {
  let from = open - 1;
  while (from > 0 && !(tokens[from - 1]!.kind === 'punct' && SENTENCE_END.has(tokens[from - 1]!.text))) from--;
  for (let j = Math.max(0, from); j < open; j++) {
    const t = tokens[j]!;
    if (t.text === ':' || (t.kind === 'word' && SAYING.test(t.key))) return true;
  }
  for (let j = close + 1; j < Math.min(tokens.length, close + 5); j++) {
    const t = tokens[j]!;
    if (t.kind === 'word' && SAYING.test(t.key)) return true;
  }
  return false;
}

/** Index of the first token at or after `offset`, and of the first at or after `end`. */
export function tokenRange(tokens: readonly Token[], span: Span): { from: number; to: number } {
  let from = tokens.findIndex((t) => t.end > span.start);
  if (from < 0) from = tokens.length;
  let to = from;
  while (to < tokens.length && tokens[to]!.start < span.end) to++;
  return { from, to };
}

const PERSON_PRONOUNS = new Set(['he', 'she']);
const GROUP_PRONOUNS = new Set(['they', 'it']);
/** Words that may stand before a clause's subject: subordinators, connectives, determiners. */
const SUBJECT_OPENERS = new Set([
  'although', 'though', 'while', 'when', 'after', 'since', 'as', 'because', 'once', 'if', 'but', 'and', 'yet', 'so',
  'however', 'moreover', 'also', 'now', 'then', 'earlier', 'meanwhile', 'still', 'indeed', 'the', 'a', 'an', 'this', 'these', 'that', 'those',
]);
const isOpener = (t: Token) => t.kind !== 'word' || SUBJECT_OPENERS.has(t.key) || /ly$/u.test(t.key);

/**
 * Subject pronouns that stand for the target: "Although the PMU played a role ..., they have
 * become a violent force" — a pronoun opening the clause after one whose subject is the target,
 * of the target's kind (he/she for a person, they/it otherwise), with no other name between.
 */
export function pronounsFor(
  s: Structure,
  target: { from: number; to: number },
  isPerson: boolean,
  names: readonly { from: number; to: number }[],
): { from: number; to: number }[] {
  const { tokens, clauses, clauseOf } = s;
  const clause = clauses[clauseOf[target.from] ?? 0];
  if (!clause) return [];
  // The target must open its clause (after a subordinator or determiner): it is the subject.
  if (!opensClause(s, target.from)) return [];
  const wanted = isPerson ? PERSON_PRONOUNS : GROUP_PRONOUNS;
  const out: { from: number; to: number }[] = [];
  for (let c = clauseOf[target.from]! + 1; c < clauses.length; c++) {
    const next = clauses[c]!;
    if (next.sentence > clause.sentence + 1) break;
    let first = next.start;
    while (first < next.end && tokens[first]!.kind !== 'word') first++;
    const t = tokens[first];
    if (!t) continue;
    // A quotation's "they" is whoever its speaker means.
    if (next.kind === 'quotation' && clause.kind !== 'quotation') continue;
    // Another name as the subject of a clause in between takes the pronoun ("the fight against
    // ISIS" does not: a name after a preposition is no subject).
    const otherSubject = names.some((n) => n.from >= target.to && n.from < first && opensClause(s, n.from));
    if (otherSubject) break;
    if (wanted.has(t.key)) out.push({ from: first, to: first + 1 });
  }
  return out;
}

/** Words an introductory phrase opens with: "According to Nasrallah, ...", "In a joint press conference, ...". */
const INTRO = /^(?:according|in|on|at|after|before|during|following|for|from|since|despite|with|without|amid|under|over|by|as|last|this|earlier|later|meanwhile|today|yesterday|\p{N}+)$/u;

/**
 * The name at `from` is the first noun phrase of its clause: only openers and determiners
 * before it, or an introductory phrase closed by a comma ("In 2008, Khamenei ordered ...").
 */
export function opensClause(s: Structure, from: number): boolean {
  const clause = s.clauses[s.clauseOf[from] ?? 0];
  if (!clause) return false;
  let start = clause.start;
  const first = s.tokens.slice(start, from).find((t) => t.kind === 'word');
  if (first && INTRO.test(first.key)) {
    for (let i = from - 1; i >= clause.start; i--) {
      if (s.tokens[i]!.text === ',') {
        start = i + 1;
        break;
      }
    }
  }
  for (let i = start; i < from; i++) {
    if (!isOpener(s.tokens[i]!)) return false;
  }
  return true;
}
