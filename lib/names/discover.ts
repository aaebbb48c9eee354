/**
 * What one document names: its candidate names (capitalised runs, acronyms, script names),
 * the ones a capital proves nothing about set apart (a sentence's first word, a headline's
 * words, unless the document also writes them capitalised mid-sentence), each typed from the
 * cues around it, and linked within the document: the surname to the full name ("Abadi" →
 * Haidar al-Abadi), the acronym to its expansion, the bracketed script to its Latin spelling.
 *
 * The result depends on this document alone, so adding or removing a document never
 * re-reads another. DOM-free.
 */
import { foldedKey } from '../kb/build';
import { definitionsAt } from './definitions';
import {
  CONNECTORS,
  DOCUMENT_HEADS,
  LEADING_ORGANIZATION_HEADS,
  NAME_PARTICLES,
  NOT_NAME_WORDS,
  ORGANIZATION_AFTER,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_AFTER,
  PLACE_HEADS,
  PLACE_OF,
  ROLE_NOUNS,
} from './lexicon';
import { isOrdinaryWord } from './ordinary';
import { isDemonym, listedPlace } from './places';
import { isLeadingPlaceHead, nameRuns, paragraphWords, type Word } from './runs';
import { scriptNames } from './script';
import { splitSentences } from '../text/sentences';
import { givenAgree, personParts, sameSurname, surnameSounds } from './spelling';
import { hasInnerCapital, isAcronym, isArabicScript, isCapitalised, isInitial, plainWord, tokenize, withoutPossessive } from './tokens';
import { UnionFind } from './union-find';
import type { Definition, DocName, DocNames, FormCount, LearnedType, NameDocument, PersonParts, StrongCue, TypeVotes } from './types';

interface Candidate {
  para: number;
  start: number;
  end: number;
  /** The name as written, possessive off. */
  text: string;
  words: string[];
  key: string;
  sentenceStart: number;
  sentenceEnd: number;
  tentative: boolean;
  acronym: boolean;
  script: boolean;
  title?: string;
  votes: TypeVotes;
  strong: Set<StrongCue>;
  short?: boolean;
  /** Set when a word of it said it backs or leads something ("Hezbollah-linked"). */
  backer?: boolean;
}

interface Paragraph {
  index: number;
  text: string;
  words: Word[];
  sentences: { start: number; end: number }[];
  headline: boolean;
}

const noVotes = (): TypeVotes => ({ person: 0, organization: 0, place: 0, other: 0 });

/**
 * A headline: most of its longer words capitalised, and either no full stop at its end or
 * ordinary words among its capitals past the first ("Leaves", "From"). A sentence full of
 * names ("His father, Grand Ayatollah Mohammed Sadiq al-Sadr, was killed") is no headline.
 */
function isHeadline(text: string, title: boolean): boolean {
  const tokens = tokenize(text).map((t) => t.text);
  const long = tokens.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4 && !isAcronym(w) && !isArabicScript(w));
  if (long.length < 3) return false;
  const capitals = long.filter((w) => isCapitalised(w)).length;
  if (capitals / long.length < 0.7) return false;
  if (title || !/[.!?…]["”’)]?\s*$/u.test(text)) return true;
  const ordinary = tokens.slice(1).filter((w) => /^\p{Lu}\p{Ll}/u.test(w) && NOT_NAME_WORDS.has(plainWord(w))).length;
  return ordinary >= 1;
}

function readParagraph(text: string, index: number): Paragraph {
  const sentences = splitSentences(text).map((s) => ({ start: s.start, end: s.end }));
  const words = paragraphWords(
    text,
    sentences.map((s) => s.start),
  );
  return { index, text, words, sentences: sentences.length ? sentences : [{ start: 0, end: text.length }], headline: isHeadline(text, index === 0) };
}

function sentenceOf(paragraph: Paragraph, offset: number): { start: number; end: number } {
  return paragraph.sentences.find((s) => s.start <= offset && offset < s.end) ?? paragraph.sentences[paragraph.sentences.length - 1]!;
}

function candidateOf(paragraph: Paragraph, words: readonly Word[], tentative: boolean, title?: string): Candidate {
  const start = words[0]!.start;
  const lastWord = words[words.length - 1]!;
  const end = lastWord.start + withoutPossessive(lastWord.text).length;
  // An editor's brackets inside a name ("[Qassem] Soleimani") are not part of it.
  const text = paragraph.text.slice(start, end).replace(/[[\]]/g, '');
  const sentence = sentenceOf(paragraph, start);
  return {
    para: paragraph.index,
    start,
    end,
    text,
    words: words.map((w) => withoutPossessive(w.text).replace(/[[\]]/g, '')),
    key: foldedKey(text),
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
    tentative,
    acronym: words.length === 1 && isAcronym(text),
    script: false,
    ...(title ? { title } : {}),
    votes: noVotes(),
    strong: new Set(),
    ...(words.some((w) => w.backer) ? { backer: true } : {}),
  };
}

/** Whether a capital proves this word is a name wherever it stands. */
function selfEvident(word: string): boolean {
  return isAcronym(word) || hasInnerCapital(withoutPossessive(word)) || /^(?:al|el)[-‐]\p{Lu}/iu.test(word) || listedPlace(withoutPossessive(word)) !== undefined;
}

/**
 * The candidates of every paragraph, sentence-initial and headline capitals resolved against
 * what the rest of the document writes mid-sentence.
 */
function findCandidates(paragraphs: readonly Paragraph[]): Candidate[] {
  const runs = paragraphs.flatMap((p) => nameRuns(p.words).map((run) => ({ p, run })));
  // Words the document capitalises where a capital means something.
  const midCapital = new Set<string>();
  const lowercase = new Set<string>();
  for (const p of paragraphs) for (const w of p.words) if (/^\p{Ll}/u.test(w.text) && !isCapitalised(w.text)) lowercase.add(plainWord(w.text));
  for (const { p, run } of runs) {
    if (p.headline) continue;
    run.words.forEach((w, i) => {
      if (i > 0 || !w.initial) midCapital.add(plainWord(w.text));
    });
  }
  const known = (w: Word) => midCapital.has(plainWord(w.text)) || selfEvident(w.text);
  // Words that open a name mid-sentence somewhere in the document ("the Fateh Alliance").
  const opensName = new Set<string>();
  for (const { p, run } of runs) if (!p.headline && !run.words[0]!.initial) opensName.add(plainWord(run.words[0]!.text));

  const out: Candidate[] = [];
  for (const { p, run } of runs) {
    if (p.headline) {
      // A headline capitalises every word: keep the stretches the document confirms.
      let stretch: Word[] = [];
      const flush = () => {
        while (stretch.length && (CONNECTORS.has(stretch[stretch.length - 1]!.text) || NAME_PARTICLES.has(stretch[stretch.length - 1]!.text))) stretch.pop();
        if (stretch.length) out.push(candidateOf(p, stretch, false, stretch === run.words ? run.title : undefined));
        stretch = [];
      };
      for (const w of run.words) {
        if (known(w) || (stretch.length && /^\p{Ll}/u.test(w.text))) stretch.push(w);
        else flush();
      }
      flush();
      continue;
    }
    let words = run.words;
    // A name alone in quotes ('the British newspaper "Telegraph"') or brackets ("TEHRAN (Tasnim) –") is no sentence's first word.
    const before = p.text.slice(Math.max(0, words[0]!.start - 2), words[0]!.start);
    const after = p.text.slice(words[words.length - 1]!.end);
    const quotedAlone = (/[“"‘]\s*$/u.test(before) && /^['’]?s?[”"’]/u.test(after)) || (/\(\s*$/u.test(before) && /^\s*\)/u.test(after));
    const sentenceFirst = p.sentences.some((s) => s.start <= words[0]!.start && /^[“"‘(\s]*$/u.test(p.text.slice(s.start, words[0]!.start)));
    if (words[0]!.initial && !run.title && !(quotedAlone && !sentenceFirst)) {
      if (words.length === 1) {
        out.push(candidateOf(p, words, !known(words[0]!)));
        continue;
      }
      // "Closing the door", "Recent weeks": an ordinary word opening the sentence.
      if (lowercase.has(plainWord(words[0]!.text)) && !known(words[0]!)) words = words.slice(1);
      // "Opposing Fateh is the Sadrist Movement": an ordinary word the document never capitalises
      // mid-sentence, before a word it does, opens the sentence and not the name.
      else if (words.length >= 2 && isOrdinaryWord(words[0]!.text) && !known(words[0]!) && opensName.has(plainWord(words[1]!.text))) words = words.slice(1);
      while (words.length && /^\p{Ll}/u.test(words[0]!.text)) words = words.slice(1);
      if (!words.length) continue;
    }
    out.push(candidateOf(p, words, false, run.title));
  }
  for (const p of paragraphs) {
    for (const name of scriptNames(p.text)) {
      const sentence = sentenceOf(p, name.start);
      const votes = noVotes();
      if (name.cue === 'title') votes.person += 3;
      if (name.cue === 'given') votes.person += 1;
      if (name.cue === 'organization') votes.organization += 3;
      out.push({
        para: p.index,
        start: name.start,
        end: name.end,
        text: name.text,
        words: name.text.split(/\s+/),
        key: foldedKey(name.text),
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        // A name only a given name cues can join a Latin spelling's person, never found one.
        tentative: name.cue === 'given',
        acronym: false,
        script: true,
        ...(name.title ? { title: name.title } : {}),
        votes,
        // A title before a full script name is the cue a title before a Latin full name is
        // ("وزير الخارجية الإيراني عباس عراقجي"): counted from one document.
        strong: new Set(name.cue === 'title' && name.text.split(/\s+/).length >= 2 ? ['title' as const] : []),
      });
    }
  }
  return out.sort((a, b) => a.para - b.para || a.start - b.start);
}

const TITLE_SET = new Set(PERSON_TITLES);

/** The lower-case words just before a candidate in its sentence, nearest last. */
function wordsBefore(p: Paragraph, c: Candidate, n: number): string[] {
  const before = p.text.slice(c.sentenceStart, c.start);
  return (before.match(/[\p{L}'’.-]+/gu) ?? []).slice(-n);
}

/** Adjectives between a name and its kind: "the Nasr parliamentary group", "Al-Nasr parliamentary coalition". */
const KIND_QUALIFIERS = new Set(['parliamentary', 'political', 'electoral', 'armed', 'militant', 'paramilitary', 'opposition', 'ruling']);

/** The lower-case word after a name that may say its kind, past one qualifying adjective. */
function kindAfter(text: string): string | undefined {
  const m = /^\s+([\p{Ll}]+)(?:\s+([\p{Ll}]+))?/u.exec(text);
  if (!m) return undefined;
  return KIND_QUALIFIERS.has(m[1]!) && m[2] && ORGANIZATION_AFTER.has(m[2]) ? m[2] : m[1];
}

const MEDIA_AFTER = new Set(['newspaper', 'daily', 'weekly', 'magazine', 'news', 'agency', 'channel', 'broadcaster', 'website', 'television', 'tv', 'radio', 'outlet']);

/** Verbs of saying right after a name. */
const SPEAKING = new Set(['said', 'says', 'told', 'announced', 'stated', 'reported', 'confirmed', 'denied', 'claimed', 'added', 'warned', 'insisted', 'acknowledged']);

/** "other Iraqi cities such as Divanieh and Najaf": a list after a plural of a kind of place. */
const PLACE_LIST_BEFORE = /\b(?:cities|towns|provinces|countries|villages|regions|capitals)\s+(?:such as\s+|like\s+|including\s+)?(?:\p{Lu}[\p{L}-]*(?:,\s+|\s+and\s+))*$/u;

/** Whether the last words of `text` are a title or a role ("Prime Minister", "former president", "commander"). */
function endsWithTitle(text: string): string | undefined {
  const words = (text.match(/[\p{L}.-]+/gu) ?? []).slice(-4).map((w) => w.toLowerCase().replace(/\.$/, ''));
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    const phrase = words.slice(-k).join(' ');
    if (TITLE_SET.has(phrase)) return phrase;
  }
  const last = (text.match(/[\p{L}-]+$/u) ?? [])[0];
  // A role noun counts in lower case only: "Hezbollah leader", not "Associated Press Leader".
  return last && /^\p{Ll}/u.test(last) && ROLE_NOUNS.has(last) ? last : undefined;
}

/**
 * A title or role before the name, next to it ("supreme leader Ali Khamenei", "the Iraqi Prime
 * Minister, Mostafa al-Kadhimi", "IRGC Quds Force commander Esmail Gha'ani") or across an
 * organisation's name ("Secretary of the Supreme National Security Council (SNSC) Ali
 * Shamkhani", "the former commander of Revolutionary Guard (IRGC)'s Quds Force, Qassem Soleimani").
 */
function titleBefore(p: Paragraph, c: Candidate): string | undefined {
  const before = p.text.slice(c.sentenceStart, c.start);
  const next = endsWithTitle(before.replace(/,\s*$/u, '').replace(/\s+$/u, ''));
  if (next && /(?:^|\s|,\s)$/u.test(before)) return next;
  // Back over an organisation's name: capitalised words, connectors, brackets, one comma at the end.
  const chain = /((?:(?:\p{Lu}[\p{L}\p{M}'’.-]*|of|the|for|to)[\s()[\]’']*)+,?\s*)$/u.exec(before)?.[1];
  if (!chain) return undefined;
  const rest = before.slice(0, before.length - chain.length);
  const lower = endsWithTitle(rest.replace(/\s+$/u, ''));
  // "the leader of Harakat al-Nujaba" names the organisation; "commander of the Quds Force, Qassem Soleimani" the person after it.
  if (lower && /^(?:of|for|to)\s/u.test(chain) && /\p{Lu}/u.test(chain)) return lower;
  const capital = /^((?:\p{Lu}[\p{L}.]*\s){1,3}?)(?:of|for|to)\s/u.exec(chain)?.[1];
  return capital ? endsWithTitle(capital.trim()) : undefined;
}

function isHeadWord(word: string, heads: ReadonlySet<string>): boolean {
  return heads.has(plainWord(word));
}

/** Type votes and strong cues from the name itself and the words around it. */
function weigh(p: Paragraph, c: Candidate): void {
  if (c.script) return;
  // "NourNews" reads as Nour News.
  const parts = c.words.flatMap((w) => w.split(/(?<=\p{Ll})(?=\p{Lu})/u));
  const words = parts.filter((w) => !CONNECTORS.has(w.toLowerCase()));
  const lastWord = parts[parts.length - 1]!;
  const orgHead =
    parts.some((w, i) => isHeadWord(w, ORGANIZATION_HEADS) && (i === parts.length - 1 || CONNECTORS.has(parts[i + 1]!.toLowerCase()))) ||
    (parts.length > 1 && isHeadWord(parts[0]!, LEADING_ORGANIZATION_HEADS));
  const placeHead = parts.length > 1 && (isHeadWord(lastWord, PLACE_HEADS) || isLeadingPlaceHead(parts[0]!));
  const listed = listedPlace(c.text) !== undefined;
  const initials = c.words.slice(1, -1).some(isInitial);
  const after = kindAfter(p.text.slice(c.end, c.end + 40));
  const lowerBefore = wordsBefore(p, c, 2).map((w) => w.toLowerCase());
  if (orgHead) {
    c.votes.organization += 3;
    if (words.length >= 2) c.strong.add('head');
  }
  if (placeHead) {
    c.votes.place += 3;
    if (words.length >= 2) c.strong.add('head');
  }
  if (listed) {
    c.votes.place += 4;
    c.strong.add('listed');
  }
  if (after && ORGANIZATION_AFTER.has(after)) {
    c.votes.organization += 2;
    // "Kayhan newspaper", "Tasnim news agency": an outlet's kind after its name says what it is.
    if (words.length >= 2 || MEDIA_AFTER.has(after)) c.strong.add('head');
  }
  if (after && PLACE_AFTER.has(after)) c.votes.place += 2;
  if (/^\s+air\s?base\b/iu.test(p.text.slice(c.end, c.end + 12))) c.votes.place += 2;
  // "the Anti-Terrorism Law" (not "State of Law", a coalition's name): a law or a pact.
  if (parts.length > 1 && isHeadWord(lastWord, DOCUMENT_HEADS) && parts[parts.length - 2]!.toLowerCase() !== 'of') c.votes.other += 3;
  // "the Pentagon said", "according to the Pentagon": a body that speaks; a person is not "the X".
  if (words.length === 1 && !c.acronym && lowerBefore[lowerBefore.length - 1] === 'the' && !listed) {
    if ((after && SPEAKING.has(after)) || /\baccording to the\s*$/iu.test(p.text.slice(c.sentenceStart, c.start))) c.votes.organization += 2;
  }
  if (lowerBefore.length === 2 && lowerBefore[1] === 'of' && PLACE_OF.has(lowerBefore[0]!)) c.votes.place += 3;
  if (lowerBefore[lowerBefore.length - 1] === 'in' && !orgHead) c.votes.place += 1;
  if (PLACE_LIST_BEFORE.test(p.text.slice(c.sentenceStart, c.start))) c.votes.place += 2;
  if (c.acronym && !listed) c.votes.organization += 1;
  if (c.backer && !listed) c.votes.organization += 1;
  const personLike = !orgHead && !placeHead && !listed && !c.acronym;
  const title = c.title ?? (personLike ? titleBefore(p, c) : undefined);
  if (title && personLike) {
    c.votes.person += 3;
    if (words.length >= 2) c.strong.add('title');
  }
  if (initials && personLike) {
    c.votes.person += 2;
    c.strong.add('initial');
  }
  if (personLike && words.length >= 2) {
    c.votes.person += 1;
    if (/^(?:al|el)[-‐]/iu.test(lastWord)) c.votes.person += 1;
  }
}

/** The initials of a name of two words or more: "Popular Mobilization Units" → PMU, "Mojahedin-e Khalq" → MEK. */
export function initialsOf(words: readonly string[]): string | undefined {
  const letters: string[] = [];
  for (const w of words) {
    if (CONNECTORS.has(w)) continue;
    for (const piece of w.split(/[-‐]/)) {
      if (!piece || (NAME_PARTICLES.has(piece.toLowerCase()) && piece.toLowerCase() !== 'e') || /^\d/.test(piece)) continue;
      letters.push(piece[0]!.toUpperCase());
    }
  }
  return letters.length >= 2 ? letters.join('') : undefined;
}

/** An acronym's letters: "U.S." → US, "IRGC-QF" → IRGCQF. */
export function acronymLetters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/** Whether the initials of a name and an acronym fit: one is the other, or the other's letters in order (Revolutionary Guard ~ IRGC). */
function initialsFit(acronym: string, initials: string | undefined): boolean {
  if (!initials) return false;
  const a = acronymLetters(acronym);
  if (a === initials) return true;
  const [short, long] = a.length < initials.length ? [a, initials] : [initials, a];
  if (short.length < 2 || long.length - short.length > 2) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

function isPersonish(c: Candidate): boolean {
  const v = c.votes;
  return !c.acronym && !c.script && v.person >= Math.max(v.organization, v.place, 1);
}

/** Links candidates that name one thing in this document (see the module comment). */
function linkCandidates(paragraphs: readonly Paragraph[], cs: Candidate[]): UnionFind {
  const uf = new UnionFind(cs.length);
  const byKey = new Map<string, number>();
  cs.forEach((c, i) => {
    const seen = byKey.get(c.key);
    if (seen === undefined) byKey.set(c.key, i);
    else uf.union(seen, i);
  });
  // Brackets: "Popular Mobilization Units (PMU)", "Mojahedin-e Khalq (PMOI / MEK Iran)", "Haidar al-Abadi (حيدر العبادي)".
  for (let i = 0; i < cs.length; i++) {
    const a = cs[i]!;
    const text = paragraphs[a.para]!.text;
    let j = i + 1;
    let between = j < cs.length && cs[j]!.para === a.para ? text.slice(a.end, cs[j]!.start) : '';
    if (!/^['’]?s?\s*\(\s*$/u.test(between)) continue;
    while (j < cs.length && cs[j]!.para === a.para) {
      const b = cs[j]!;
      const ab = a.acronym !== b.acronym && (initialsFit(a.acronym ? a.text : b.text, initialsOf(a.acronym ? b.words : a.words)));
      // Another name in brackets is another name for it when it is an acronym, a script spelling or
      // a full name ("Hashd al-Shaabi (Popular Mobilization Forces)"), not a one-word source ("(Reuters)").
      const alternative = a.acronym !== b.acronym || a.script !== b.script || (a.words.length >= 2 && b.words.length >= 2);
      if (!alternative) break;
      // "TEHRAN (Tasnim) –": a dateline's place in capitals is no acronym of the agency after it.
      if (a.acronym !== b.acronym && !ab && listedPlace((a.acronym ? a : b).text) !== undefined) break;
      uf.union(i, j);
      if (b.script !== a.script) {
        a.strong.add('script');
        b.strong.add('script');
      } else if (ab) {
        a.strong.add('acronym');
        b.strong.add('acronym');
      }
      if (b.acronym) b.short = true;
      const next = cs[j + 1];
      between = next && next.para === a.para ? text.slice(b.end, next.start) : '';
      if (!/^\s*[/,;]\s*$|^\s+or\s+$/u.test(between)) break;
      j++;
    }
  }
  // An acronym the document spells out elsewhere: "the PMU" after "the Popular Mobilization Units".
  const expansions = new Map<string, Set<number>>();
  cs.forEach((c, i) => {
    if (c.acronym || c.script || c.words.length < 2) return;
    const initials = initialsOf(c.words);
    if (initials) expansions.set(initials, (expansions.get(initials) ?? new Set()).add(uf.find(i)));
  });
  cs.forEach((c, i) => {
    if (!c.acronym) return;
    const owners = expansions.get(acronymLetters(c.text));
    if (owners?.size === 1) {
      uf.union(i, [...owners][0]!);
      c.short = true;
    }
  });
  // "IRGC Quds Force" is the Quds Force: a prefix that is itself a name (an acronym, a place) before another name.
  cs.forEach((c, i) => {
    for (let k = 1; k <= c.words.length - 2; k++) {
      const prefix = c.words.slice(0, k);
      if (!prefix.every((w) => isAcronym(w) || listedPlace(w) !== undefined || isDemonym(w))) break;
      const suffixKey = foldedKey(c.words.slice(k).join(' '));
      const other = byKey.get(suffixKey);
      if (other !== undefined) uf.union(i, other);
    }
  });
  // "Al-Fatah" and "Al-Fatah Alliance", "Shafaq News" and "Shafaq News Agency": a name and the same name with its head word.
  cs.forEach((c, i) => {
    if (c.words.length < 2 || !isHeadWord(c.words[c.words.length - 1]!, ORGANIZATION_HEADS)) return;
    const other = byKey.get(foldedKey(c.words.slice(0, -1).join(' ')));
    if (other !== undefined && !isPersonish(cs[other]!)) uf.union(i, other);
  });
  // Surnames to the full name: the nearest full name before ("Abadi" → Haidar al-Abadi), else the first after; none when the document names two people with that surname.
  const anchors = cs
    .map((c, i) => ({ c, i, parts: isPersonish(c) && c.words.length >= 2 ? personParts(c.words) : undefined }))
    .filter((a): a is { c: Candidate; i: number; parts: PersonParts } => a.parts !== undefined && a.parts.given.length > 0);
  // Full names by the sound of their surname's last word, so a surname is compared with a few, not all.
  const anchorsBySound = new Map<string, typeof anchors>();
  for (const a of anchors) for (const s of surnameSounds(a.parts.surname)) anchorsBySound.set(s, [...(anchorsBySound.get(s) ?? []), a]);
  cs.forEach((c, i) => {
    // "Austin" is a city, but not in a document about Lloyd Austin: a listed place may be a surname.
    const listed = listedPlace(c.text) !== undefined && c.words.length === 1;
    if (c.acronym || c.script || (!listed && (c.votes.organization > c.votes.person || c.votes.place > c.votes.person))) return;
    const parts = personParts(c.words);
    if (!parts || parts.given.length > 0 || parts.initials.length > 0) return;
    const nearby = new Set(surnameSounds(parts.surname).flatMap((s) => anchorsBySound.get(s) ?? []));
    const matching = anchors.filter((a) => nearby.has(a) && a.i !== i && sameSurname(parts.surname, a.parts.surname));
    if (!matching.length) return;
    if (listed) {
      c.votes.place = 0;
      c.strong.delete('listed');
    }
    // Two people with this surname ("Mohammed Tawfiq Allawi" and "his cousin Iyad Allawi"): the
    // surname alone could be either, and the nearest full name is as often the wrong one.
    if (matching.some((a) => !givenAgree(a.parts, matching[0]!.parts))) return;
    const before = matching.filter((a) => a.c.para < c.para || (a.c.para === c.para && a.c.start < c.start));
    const anchor = before.length ? before[before.length - 1]! : matching[0]!;
    uf.union(i, anchor.i);
    c.short = true;
  });
  return uf;
}

const MAX_DEFINITIONS = 3;

/** Mentions searched for a defining phrase: a document defines a name where it first brings it in. */
const DEFINING_MENTIONS = 8;

interface FoundDefinition extends Definition {
  role?: 'person' | 'organization';
  relative?: 'who' | 'which';
}

/** Defining phrases of a name's first mentions, best first. */
function definitionsOf(doc: string, paragraphs: readonly Paragraph[], members: readonly Candidate[]): FoundDefinition[] {
  const found: FoundDefinition[] = [];
  for (const c of members.filter((m) => m.para > 0 && !m.tentative).slice(0, DEFINING_MENTIONS)) {
    const text = paragraphs[c.para]!.text;
    for (const d of definitionsAt(text, c.start, c.end, c.sentenceStart, c.sentenceEnd)) {
      const phrase = text.slice(d.start, d.end).replace(/[\s,;:]+$/u, '');
      if (!found.some((f) => f.text === phrase)) {
        found.push({ text: phrase, cite: `${doc}:${c.para}`, score: d.score, ...(d.role ? { role: d.role } : {}), ...(d.relative ? { relative: d.relative } : {}) });
      }
    }
  }
  return found.sort((a, b) => b.score - a.score);
}

/** The phrases that fit the name's type: "who" defines a person, "which" an organisation; after a place either is about something else. */
function fitting(found: readonly FoundDefinition[], type: LearnedType): Definition[] {
  return found
    .filter((d) => !((d.relative === 'who' && type !== 'person') || (d.relative === 'which' && type !== 'organization')))
    .filter((d) => !d.role || d.role === type)
    .slice(0, MAX_DEFINITIONS)
    .map((d) => ({ text: d.text, cite: d.cite, score: d.score }));
}

function formsOf(members: readonly Candidate[], lowercase: ReadonlySet<string>): FormCount[] {
  const byKey = new Map<string, { texts: Map<string, number>; count: number; paras: Set<number>; tentative: boolean; short: boolean }>();
  for (const c of members) {
    const f = byKey.get(c.key) ?? { texts: new Map(), count: 0, paras: new Set(), tentative: true, short: true };
    f.texts.set(c.text, (f.texts.get(c.text) ?? 0) + 1);
    f.count++;
    f.paras.add(c.para);
    f.tentative &&= c.tentative;
    f.short &&= c.short === true;
    byKey.set(c.key, f);
  }
  return [...byKey].map(([key, f]) => {
    const text = [...f.texts].sort((a, b) => b[1] - a[1])[0]![0];
    const plain = plainWord(text);
    return {
      text,
      key,
      count: f.count,
      paras: [...f.paras].sort((a, b) => a - b),
      ...(f.tentative ? { tentative: true as const } : {}),
      ...(f.short ? { short: true as const } : {}),
      ...(!/\s/.test(text) && lowercase.has(plain) ? { lowercaseSeen: true as const } : {}),
    };
  });
}

/** What one document names (see the module comment). */
export function readDocument(doc: NameDocument): DocNames {
  const paragraphs = [doc.title, ...doc.paragraphs].map((text, i) => readParagraph(text, i));
  const candidates = findCandidates(paragraphs);
  for (const c of candidates) weigh(paragraphs[c.para]!, c);
  const uf = linkCandidates(paragraphs, candidates);
  const lowercase = new Set<string>();
  for (const p of paragraphs) for (const w of p.words) if (/^\p{Ll}/u.test(w.text) && !isCapitalised(w.text)) lowercase.add(plainWord(w.text));

  const groups = new Map<number, Candidate[]>();
  candidates.forEach((c, i) => {
    const root = uf.find(i);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  });
  const names: DocName[] = [];
  for (const members of groups.values()) {
    // A sentence's first word linked to a name the document confirms is confirmed with it.
    if (members.some((c) => !c.tentative)) for (const c of members) c.tentative = false;
    const votes = noVotes();
    const strong = new Set<StrongCue>();
    for (const c of members) {
      for (const t of Object.keys(votes) as LearnedType[]) votes[t] += c.votes[t];
      if (!c.tentative) for (const s of c.strong) strong.add(s);
    }
    // A role before the name says what it is: "the British newspaper Telegraph", "Iraq's former president, X".
    const found = definitionsOf(doc.id, paragraphs, members);
    for (const d of found) if (d.role) votes[d.role] += 2;
    const type = (Object.keys(votes) as LearnedType[]).reduce((best, t) => (votes[t] > votes[best] ? t : best), 'other' as LearnedType);
    const definitions = fitting(found, type);
    if (definitions.some((d) => d.score >= 4)) strong.add('definition');
    const latin = members.filter((c) => !c.script && !c.acronym);
    const longest = [...latin].sort((a, b) => b.words.length - a.words.length || b.text.length - a.text.length)[0];
    const person = type === 'person' && longest && longest.words.length >= 2 ? personParts(longest.words) : undefined;
    const multi = latin.filter((c) => c.words.length >= 2).sort((a, b) => b.words.length - a.words.length)[0];
    // Without its head word, for meeting the bare name in another document ("Fatah" ~ "Al-Fatah Alliance").
    const headed = latin.find((c) => c.words.length >= 2 && isHeadWord(c.words[c.words.length - 1]!, ORGANIZATION_HEADS));
    const initials = multi ? initialsOf(multi.words) : undefined;
    const forms = formsOf(members, lowercase);
    names.push({
      forms,
      votes,
      strong: [...strong].sort(),
      ...(person && person.given.length ? { person } : {}),
      ...(initials ? { initials } : {}),
      ...(headed && type !== 'person' ? { headless: foldedKey(headed.words.slice(0, -1).join(' ')) } : {}),
      definitions,
      ...(forms.every((f) => f.tentative) ? { tentative: true as const } : {}),
    });
  }
  return { doc: doc.id, names };
}
