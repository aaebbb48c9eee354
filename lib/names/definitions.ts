/**
 * The clearest phrase a document gives for a name, quoted as the document has it: the
 * appositive after it ("Mustafa al-Kadhimi, the former director of Iraq's National Intelligence
 * Service"), the role before it ("Iraq's former president, Jalal Talebani"; "Y's prime minister
 * X"), a relative clause ("Adel Abdul Mahdi, who stepped down last November ..."), or a copula
 * ("X is the leader of Y"). Nothing is written, only cut out of the sentence. DOM-free.
 */
import { ORGANIZATION_AFTER, ORGANIZATION_HEADS, ROLE_NOUNS } from './lexicon';

export interface DefinitionMatch {
  /** Offsets of the phrase in the paragraph, the name included. */
  start: number;
  end: number;
  score: number;
  /** A relative clause: "who" defines a person, "which" an organisation. */
  relative?: 'who' | 'which';
  /** What the role before the name says it is: a person's role ("president") or an organisation's kind ("newspaper"). */
  role?: 'person' | 'organization';
}

/** Determiners and the like that open an appositive that defines: "the", "a", "one of", "Iran's". */
const APPOSITIVE_START = /^(?:the|a|an|one of|its|his|her|their|former|new|senior|top|deputy|then|longtime|veteran|\p{Lu}[\p{L}.-]*['’]s)\s/u;

/** Words an appositive may not run across: it ends at a clause. */
const CLAUSE_END = /[;:!?“”"()]|,|\.\s|\.$|\s(?:who|which|that|and said|said|says|told)\s/u;

const MAX_PHRASE_WORDS = 28;

/** Words a role phrase before a name does not reach across: "the election was Shiite cleric X" is no phrase about X. */
const CLAUSE_WORDS = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'said', 'says', 'and', 'or', 'but', 'that', 'which', 'who', 'when', 'while', 'as', 'than']);
const MIN_TAIL_WORDS = 2;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
}

function hasRole(text: string): boolean {
  return wordsOf(text).some((w) => ROLE_NOUNS.has(w.replace(/['’]s$/, '')) || ORGANIZATION_AFTER.has(w) || ORGANIZATION_HEADS.has(w));
}

function names(text: string): number {
  return (text.match(/(?:^|\s)\p{Lu}\p{Ll}/gu) ?? []).length;
}

function clauseEnd(text: string): number {
  const m = CLAUSE_END.exec(text);
  return m ? m.index : text.length;
}

/**
 * Defining phrases for the name at [start, end) of `text` (a paragraph), within the sentence
 * [sentenceStart, sentenceEnd), best first.
 */
export function definitionsAt(text: string, start: number, end: number, sentenceStart: number, sentenceEnd: number): DefinitionMatch[] {
  const found: DefinitionMatch[] = [];
  const after = text.slice(end, sentenceEnd);
  const before = text.slice(sentenceStart, start);

  // X, the leader of Y, ...   X, a senior commander in ...   X, one of Y's ...
  // ("For Biden, the deal ..." is no appositive: the name is the object of a preposition.)
  const governed = /\b(?:for|to|with|by|from|of|in|on|at|after|before|against|about|than|like)\s+$/iu.test(before);
  const appositive = governed ? null : /^,\s+/u.exec(after);
  if (appositive) {
    const rest = after.slice(appositive[0].length);
    if (APPOSITIVE_START.test(rest)) {
      const tail = rest.slice(0, clauseEnd(rest)).trimEnd();
      const n = wordsOf(tail).length;
      if (n >= MIN_TAIL_WORDS && n <= MAX_PHRASE_WORDS) {
        const role = hasRole(tail);
        if (role || /^one of\s/u.test(tail)) found.push({ start, end: end + appositive[0].length + tail.length, score: (role ? 6 : 4) + Math.min(1, names(tail)) });
      }
    }
    // X, who stepped down ...
    const who = /^(who|which)\s/u.exec(rest);
    if (who) {
      const tail = rest.slice(who[0].length);
      const clause = tail.slice(0, clauseEnd(tail)).trimEnd();
      const n = wordsOf(clause).length;
      const relative = who[1] as 'who' | 'which';
      if (n >= 3 && n <= MAX_PHRASE_WORDS) found.push({ start, end: end + appositive[0].length + who[0].length + clause.length, score: 3 + (hasRole(clause) ? 1 : 0), relative });
    }
  }
  // X is the leader of Y.   X was a ...
  const copula = /^\s+(?:is|was|has been|had been|became|remains)\s+(?:the|a|an|one of)\s/u.exec(after);
  if (copula) {
    const tail = after.slice(copula[0].length);
    const clause = tail.slice(0, clauseEnd(tail)).trimEnd();
    const n = wordsOf(clause).length;
    if (n >= 1 && n <= MAX_PHRASE_WORDS && hasRole(clause)) found.push({ start, end: end + copula[0].length + clause.length, score: 4 });
  }
  // X newspaper which is affiliated with ...   (an organisation's head word after it, then which)
  const which = /^\s+([\p{Ll}]+)\s+(?:which|that)\s+(?:is|was|are)\s/u.exec(after);
  if (which && ORGANIZATION_AFTER.has(which[1]!)) {
    const tail = after.slice(which[0].length);
    const clause = tail.slice(0, clauseEnd(tail)).trimEnd();
    if (wordsOf(clause).length >= 2 && wordsOf(clause).length <= MAX_PHRASE_WORDS) found.push({ start, end: end + which[0].length + clause.length, score: 4, relative: 'which' });
  }
  // Iraq's former president, Jalal Talebani   the head of the Victory Coalition, Haider al-Abadi   the British newspaper "Telegraph"
  const tail = /(?:,\s|\s[“"‘]?|\s)$/u.exec(before);
  if (tail) {
    const head = before.slice(0, before.length - tail[0].length);
    const words = [...head.matchAll(/[\p{L}.’'-]+/gu)].slice(-10);
    // Back to the nearest determiner or possessive whose phrase holds a role, never across a clause.
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k]![0];
      if (k < words.length - 1 && /[,;:()]/u.test(head.slice(words[k]!.index + w.length, words[k + 1]!.index))) break;
      if (CLAUSE_WORDS.has(w.toLowerCase())) break;
      if (!(/^(?:the|a|an)$/iu.test(w) || /^\p{Lu}[\p{L}.-]*['’]s$/u.test(w))) continue;
      const phrase = words.slice(k + 1).map((m) => m[0].toLowerCase().replace(/['’]s$/u, ''));
      const last = phrase[phrase.length - 1] ?? '';
      // The role right before the name ("Iraq's former president, X"), or "the head of Y, X" with its comma.
      const roleOf = tail[0].startsWith(',') && phrase.some((x, i) => ROLE_NOUNS.has(x) && phrase[i + 1] === 'of');
      const person = ROLE_NOUNS.has(last) || roleOf;
      const organization = ORGANIZATION_AFTER.has(last);
      if (!person && !organization) continue;
      const closing = /^[”"’]/u.test(text.slice(end)) ? 1 : 0;
      found.push({ start: sentenceStart + words[k]!.index, end: end + closing, score: 5 + Math.min(1, names(head.slice(words[k]!.index))), role: person ? 'person' : 'organization' });
      break;
    }
  }
  return found.sort((a, b) => b.score - a.score || a.start - b.start);
}
