/**
 * Capitalised runs in one paragraph, cut into candidate names: hyphen compounds split where
 * they join two names or a name and a word ("US-Iraq", "Iranian-backed", "Hezbollah-linked"),
 * titles and honorifics taken off (and kept as a cue), demonyms, months and days dropped,
 * connectors kept only where an organisation's or place's name needs them ("Council of
 * Representatives", not "Iraq and Syria"). DOM-free.
 */
import {
  ABBREVIATED_TITLES,
  BACKER_AFFIXES,
  CONNECTORS,
  DAYS,
  HYPHEN_AFFIXES,
  LEADING_PLACE_HEADS,
  MONTHS,
  NAME_PARTICLES,
  NOT_NAME_WORDS,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_HEADS,
  POSSESSIVE_IN_NAMES,
  REGION_NAMES,
  ROLE_NOUNS,
} from './lexicon';
import { isDemonym, listedPlace } from './places';
import {
  hasPossessive,
  isAcronym,
  isArabicScript,
  isCapitalised,
  isInitial,
  joins,
  plainWord,
  tokenize,
  withoutPossessive,
  type Token,
} from './tokens';

/** A word of a paragraph after hyphen compounds are split. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** A separator before it that a name cannot run across (punctuation, a split compound). */
  broken: boolean;
  /** First word of a sentence, or of a quotation or clause after a colon. */
  initial: boolean;
  /** The compound it came from said it backs or leads something ("Hezbollah-linked"). */
  backer?: true;
}

export interface Run {
  words: Word[];
  /** The title taken off the front ("President"), as written. */
  title?: string;
}

const WORD_JOIN = /[-‐‑]/u;

function part(token: Token, from: number, to: number): string {
  return token.text.slice(from, to);
}

/**
 * A hyphen compound becomes one word ("Abdul-Mahdi", "al-Kazemi", "Jahan-e"), or its named
 * parts as separate words: "US-Iraq" → US | Iraq, "pro-Iranian" → (nothing), "Hezbollah-linked" →
 * Hezbollah (a backer).
 */
function splitCompound(token: Token, initial: boolean, broken: boolean): Word[] {
  const bare = withoutPossessive(token.text);
  if (!WORD_JOIN.test(bare)) return [{ text: token.text, start: token.start, end: token.end, broken, initial }];
  const pieces: { text: string; start: number; end: number }[] = [];
  let at = 0;
  for (const piece of bare.split(WORD_JOIN)) {
    pieces.push({ text: piece, start: token.start + at, end: token.start + at + piece.length });
    at += piece.length + 1;
  }
  // The possessive belongs to the last piece.
  if (bare.length < token.text.length) pieces[pieces.length - 1]!.end = token.end;
  const lower = pieces.map((p) => !/^\p{Lu}/u.test(p.text) && !isAcronym(p.text));
  const affix = pieces.map((p, i) => lower[i] && HYPHEN_AFFIXES.has(p.text.toLowerCase()));
  const standalone = pieces.map((p) => isAcronym(p.text) || listedPlace(p.text) !== undefined || isDemonym(p.text));
  // "US-Iraq", "Baghdad-Washington": two names side by side. "Abdul-Mahdi", "al-Kazemi", "Jahan-e",
  // "COVID-19": one name.
  const twoNames = pieces.length === 2 && !lower.some(Boolean) && standalone.some(Boolean);
  const keepWhole = !affix.some(Boolean) && !twoNames;
  if (keepWhole) return [{ text: token.text, start: token.start, end: token.end, broken, initial }];
  const words: Word[] = [];
  const backer = pieces.some((p, i) => affix[i] && BACKER_AFFIXES.has(p.text.toLowerCase()));
  pieces.forEach((p, i) => {
    if (lower[i]) return;
    const text = i === pieces.length - 1 ? token.text.slice(p.start - token.start) : part(token, p.start - token.start, p.end - token.start);
    words.push({ text, start: p.start, end: i === pieces.length - 1 ? token.end : p.end, broken: true, initial: initial && i === 0, ...(backer ? { backer: true as const } : {}) });
  });
  // The word after a split compound starts afresh.
  return words.length ? words : [];
}

/** The words of a paragraph, with sentence and clause starts marked. */
export function paragraphWords(text: string, sentenceStarts: readonly number[]): Word[] {
  const words: Word[] = [];
  let brokenNext = false;
  let sentence = 0;
  let previous: string | undefined;
  for (const token of tokenize(text)) {
    while (sentence + 1 < sentenceStarts.length && sentenceStarts[sentence + 1]! <= token.start) sentence++;
    const sinceStart = text.slice(sentenceStarts[sentence] ?? 0, token.start);
    // A capital says nothing at a sentence's start, after an opening quote or bracket, or after a colon.
    const initial = !/[\p{L}\p{N}]/u.test(sinceStart) || /[“"‘(:]\s*$/u.test(token.before);
    // "Mr. Solaimani", "Brig. Gen. Yahya": a title's stop does not end the name.
    const afterTitle = previous !== undefined && /^\.[ \u00A0]$/u.test(token.before) && ABBREVIATED_TITLES.has(previous.toLowerCase());
    const split = splitCompound(token, initial && !afterTitle, brokenNext || !(joins(token.before) || afterTitle));
    previous = token.text;
    brokenNext = split.length === 0 || split[split.length - 1]!.end !== token.end || split.length > 1;
    words.push(...split);
  }
  return words;
}

function isNameWord(word: Word): boolean {
  return isCapitalised(word.text) || isInitial(word.text);
}

function isJoiner(word: Word): boolean {
  const lower = word.text.toLowerCase();
  return (CONNECTORS.has(lower) || NAME_PARTICLES.has(lower)) && word.text === lower;
}

/** Maximal runs of capitalised words (and the connectors between them) that no punctuation breaks. */
export function capitalisedRuns(words: readonly Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = () => {
    while (run.length && isJoiner(run[run.length - 1]!)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const word of words) {
    if (isArabicScript(word.text)) {
      flush();
      continue;
    }
    const previous = run[run.length - 1];
    const possessiveEnds = previous !== undefined && hasPossessive(previous.text) && !POSSESSIVE_IN_NAMES.has(plainWord(previous.text));
    const continues = previous !== undefined && !word.broken && !possessiveEnds;
    if (isNameWord(word) || (continues && isJoiner(word))) {
      if (!continues) flush();
      run.push(word);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/** Titles by their first word, longest first. */
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const t of PERSON_TITLES) {
  const words = t.split(' ');
  const first = words[0]!.replace(/\.$/, '');
  TITLES_BY_FIRST.set(first, [...(TITLES_BY_FIRST.get(first) ?? []), words]);
}

/**
 * A title's last word may carry "-designate" or "-elect": "Prime Minister-designate Mohammed
 * Allawi", "PM-designate", "President-elect" are the title, not part of a name.
 */
const TITLE_SUFFIX = /[-‐](?:designate|elect)$/iu;

/** The longest title starting at `i` (its length in words), 0 if none. */
function titleAt(words: readonly Word[], i: number): number {
  const text = (k: number) => words[k]!.text.replace(/\.$/, '').replace(TITLE_SUFFIX, '');
  const first = text(i);
  const key = first === 'PM' || first === 'MP' ? first.toLowerCase() : plainWord(first);
  for (const title of TITLES_BY_FIRST.get(key) ?? []) {
    if (i + title.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < title.length && ok; k++) {
      const w = words[i + k]!;
      // Only the title's last word takes the suffix ("Prime-designate Minister" is no title).
      if (k < title.length - 1 && TITLE_SUFFIX.test(w.text)) ok = false;
      const wText = text(i + k);
      const plain = plainWord(wText);
      ok &&= plain === title[k]!.replace(/\.$/, '') && !isAcronym(wText) || (title[k] === 'pm' && wText === 'PM') || (title[k] === 'mp' && wText === 'MP');
      if (ok && k > 0 && w.broken) ok = false;
    }
    // "Amir Abdollahian": Amir before one word is a given name (a Persian one), not the title.
    if (ok && title.length === 1 && title[0] === 'amir' && words.length === i + 2) continue;
    // A title is a capitalised word here; "general" in "Secretary General" is handled by the longer title.
    if (ok) return title.length;
  }
  return 0;
}

function isHead(word: Word): boolean {
  const plain = plainWord(word.text);
  return ORGANIZATION_HEADS.has(plain) || PLACE_HEADS.has(plain) || plain === 'republic' || plain === 'kingdom' || plain === 'state' || plain === 'emirate';
}

const MEDIA_HEADS = new Set(['news', 'press', 'times', 'post', 'telegraph', 'herald', 'tribune', 'journal', 'gazette', 'mirror', 'guardian', 'observer', 'independent']);

function isDateWord(word: Word): boolean {
  const plain = plainWord(word.text.replace(/\.$/, ''));
  return (MONTHS.has(plain) || DAYS.has(plain)) && !isAcronym(word.text);
}

function isStopWord(word: Word): boolean {
  return NOT_NAME_WORDS.has(plainWord(word.text)) && !isAcronym(word.text);
}

/** Cut a run at connectors that do not belong to a name ("Iraq and Syria" → Iraq | Syria). */
function cutAtConnectors(run: readonly Word[]): Word[][] {
  const parts: Word[][] = [];
  let current: Word[] = [];
  let inName = false; // inside "X of ..." after a head: "and", "the" may follow ("State of Iraq and the Levant")
  for (let i = 0; i < run.length; i++) {
    const word = run[i]!;
    if (!isJoiner(word) || NAME_PARTICLES.has(word.text)) {
      current.push(word);
      continue;
    }
    const previous = current[current.length - 1];
    const lower = word.text;
    // "Alliance to the Federal Court": a name goes on with "of the", not with "to the" or "for the".
    const toThe = lower !== 'of' && run[i + 1]?.text === 'the';
    const keep = previous !== undefined && !toThe && ((isHead(previous) && lower !== 'and') || (inName && (lower === 'and' || lower === 'the')));
    if (keep) {
      inName = true;
      current.push(word);
    } else {
      if (current.length) parts.push(current);
      current = [];
      inName = false;
      // The connectors themselves go ("the" after "of" as well).
      while (i + 1 < run.length && isJoiner(run[i + 1]!) && !NAME_PARTICLES.has(run[i + 1]!.text)) i++;
    }
  }
  if (current.length) parts.push(current);
  return parts;
}

/**
 * Take titles off a run, wherever they stand: what is before a title is a name of its own
 * ("US Secretary of State Mike Pompeo" → US | Mike Pompeo), and a title with no name after it
 * goes ("the Iraqi Prime Minister, ...").
 */
function cutAtTitles(run: readonly Word[]): Run[] {
  const out: Run[] = [];
  let current: Word[] = [];
  let title: string | undefined;
  for (let i = 0; i < run.length; ) {
    let n = titleAt(run, i);
    // "Ambassador to Iraq Muhammad Kazem Al-e Sadegh", "Minister of Interior Rebar Ahmed": the
    // title's complement belongs to the title (a place in it is a name of its own), not to the person.
    const complement = n > 0 ? titleComplement(run, i + n) : undefined;
    // "General Assembly", "Supreme Leader's Office": a title word before a head word is part of a name.
    if (n > 0 && !(i + n < run.length && isHead(run[i + n]!))) {
      // "Defense Secretary", "Foreign Minister": one plain word before a title is part of the title.
      const modifier = current.length === 1 && !isAcronym(current[0]!.text) && !listedPlace(current[0]!.text) && !isDemonym(current[0]!.text);
      if (current.length && !modifier) out.push({ words: current, ...(title ? { title } : {}) });
      title = run
        .slice(i, i + n)
        .map((w) => w.text)
        .join(' ');
      current = [];
      if (complement) {
        if (complement.place) out.push({ words: run.slice(complement.start, complement.end) });
        title = run
          .slice(i, complement.end)
          .map((w) => w.text)
          .join(' ');
        n = complement.end - i;
      }
      i += n;
      continue;
    }
    current.push(run[i]!);
    i++;
  }
  if (current.length) out.push({ words: current, ...(title ? { title } : {}) });
  return out;
}

/** What a minister is minister of: "Minister of Interior", "Minister of Foreign Affairs". */
const PORTFOLIOS = new Set(
  ('interior defense defence finance justice oil health education trade industry intelligence energy agriculture culture ' +
    'labor labour communications transport economy commerce housing water electricity planning')
    .split(' '),
);
const MULTI_WORD_PORTFOLIOS = new Set(['foreign affairs', 'home affairs', 'internal affairs', 'higher education', 'national security']);

/** Regions written as names that the place list (countries and cities) does not hold. */
const COMPLEMENT_REGIONS = new Set(['middle east', 'near east', 'gulf', 'persian gulf', 'horn of africa', 'united nations', 'european union']);

/**
 * A title's complement right after it: "to Iraq", "to the Middle East", "of Interior". It is
 * taken only when a name of two words or more follows it, so "Special Representative for Syria
 * Engagement" (no person after) keeps its words.
 */
function titleComplement(run: readonly Word[], at: number): { start: number; end: number; place: boolean } | undefined {
  const connector = run[at];
  if (!connector || !['of', 'to', 'for'].includes(connector.text)) return undefined;
  let start = at + 1;
  if (run[start]?.text === 'the') start++;
  for (let length = 3; length >= 1; length--) {
    const end = start + length;
    // The person runs to the next connector ("... Al-e Sadegh on Monday": the date goes later).
    let stop = end;
    while (stop < run.length && !(isJoiner(run[stop]!) && !NAME_PARTICLES.has(run[stop]!.text))) stop++;
    if (stop - end < 2) continue;
    const words = run.slice(start, end);
    if (words.some((w) => isJoiner(w) || !isCapitalised(w.text))) continue;
    const text = words.map((w) => withoutPossessive(w.text)).join(' ');
    const lower = text.toLowerCase();
    const place = listedPlace(text) !== undefined || COMPLEMENT_REGIONS.has(lower);
    const portfolio = connector.text === 'of' && (length === 1 ? PORTFOLIOS.has(lower) : MULTI_WORD_PORTFOLIOS.has(lower));
    if (!place && !portfolio) continue;
    // What follows must read as a person: capitalised words, no head word, no connector.
    const rest = run.slice(end, stop);
    if (rest.some(isHead) || rest.some((w) => isAcronym(w.text))) return undefined;
    return { start, end, place };
  }
  return undefined;
}

/**
 * "US special envoy to the Middle East Steve Witkoff": a lower-case title's complement opens the
 * capitalised run; the place goes to `out` as a name of its own and the rest is the person.
 */
function afterLowerCaseTitle(words: readonly Word[], run: Word[], out: Run[]): Word[] {
  const k = words.indexOf(run[0]!);
  let j = k - 1;
  if (words[j]?.text === 'the') j--;
  const connector = words[j];
  const role = words[j - 1];
  if (!connector || !role || connector.broken || !/^\p{Ll}/u.test(role.text) || !ROLE_NOUNS.has(plainWord(role.text))) return run;
  const complement = titleComplement([connector, ...run], 0);
  if (!complement || !complement.place) return run;
  out.push({ words: run.slice(complement.start - 1, complement.end - 1) });
  return run.slice(complement.end - 1);
}

const TITLE_PHRASES = new Set(PERSON_TITLES);

/**
 * "the new Iranian Foreign minister", "Prime minister": capitalised words that a lower-case word
 * after them makes a title are the title's, not a name.
 */
function beforeLowerCaseTitle(words: readonly Word[], run: Word[]): Word[] {
  const last = words.indexOf(run[run.length - 1]!);
  const next = words[last + 1];
  if (!next || next.broken || !/^\p{Ll}/u.test(next.text)) return run;
  for (let k = Math.min(2, run.length); k >= 1; k--) {
    const phrase = [...run.slice(-k).map((w) => plainWord(w.text)), plainWord(next.text)].join(' ');
    if (TITLE_PHRASES.has(phrase)) return run.slice(0, -k);
  }
  return run;
}

/** Drop what cannot start or end a name: stop words, dates, demonyms, connectors. */
function trim(run: Run): Run | undefined {
  let words = run.words.filter((w) => !isDateWord(w));
  // A date word splits a run in two in principle; in practice "June 11 Talks" loses only its date.
  const heads = () => words.length > 1 && words.slice(1).some(isHead);
  while (words.length && (isJoiner(words[0]!) || isStopWord(words[0]!))) words = words.slice(1);
  // "Iraqi Cultural Union" keeps its demonym (an organisation's name), "Iraqi youths" does not.
  if (!heads()) while (words.length && isDemonym(words[0]!.text) && !isAcronym(words[0]!.text)) words = words.slice(1);
  while (words.length && (isJoiner(words[words.length - 1]!) || (isDemonym(words[words.length - 1]!.text) && !isAcronym(words[words.length - 1]!.text)))) words = words.slice(0, -1);
  if (!words.some((w) => isCapitalised(w.text) && !isDemonym(w.text))) return undefined;
  // "Parliament", "the Ministry": a category word alone names nothing in particular.
  // (A newspaper's name may be its head word alone: "Telegraph", "Times".)
  if (words.every((w) => (isHead(w) && !MEDIA_HEADS.has(plainWord(w.text)) && !REGION_NAMES.has(plainWord(w.text))) || isDemonym(w.text) || isJoiner(w))) return undefined;
  return { ...run, words };
}

/**
 * "Supreme National Security Council Ali Shamkhani" → the council | Ali Shamkhani: after an
 * organisation's head word, a person's name of two words or more is another name.
 */
function cutAfterHead(run: Run): Run[] {
  const w = run.words;
  for (let i = 1; i < w.length - 2; i++) {
    if (!ORGANIZATION_HEADS.has(plainWord(w[i]!.text)) || isJoiner(w[i + 1]!)) continue;
    const rest = w.slice(i + 1);
    if (rest.some((x) => isHead(x) || isJoiner(x) && !NAME_PARTICLES.has(x.text)) || rest.some((x) => isAcronym(x.text))) continue;
    return [{ words: w.slice(0, i + 1), ...(run.title ? { title: run.title } : {}) }, { words: rest }];
  }
  return [run];
}

/** "MEK Iran" → MEK | Iran: an acronym then a listed place are two names. */
function cutAcronymPlace(run: Run): Run[] {
  const w = run.words;
  if (w.length === 2 && isAcronym(w[0]!.text) && listedPlace(withoutPossessive(w[1]!.text)) && !isHead(w[1]!)) {
    return [{ words: [w[0]!], ...(run.title ? { title: run.title } : {}) }, { words: [w[1]!] }];
  }
  return [run];
}

/** The candidate names of a paragraph's capitalised runs, titles off. */
export function nameRuns(words: readonly Word[]): Run[] {
  const out: Run[] = [];
  for (const whole of capitalisedRuns(words)) {
    const run = beforeLowerCaseTitle(words, afterLowerCaseTitle(words, whole, out));
    if (!run.length) continue;
    for (const titled of cutAtTitles(run)) {
      const pieces = cutAtConnectors(titled.words);
      pieces.forEach((words, k) => {
        // "Special Representative for Syria Engagement": a title's complement is not the person it names.
        const titles = k === 0 && titled.title !== undefined && !isJoiner(titled.words[0]!);
        const trimmed = trim({ words, ...(titles ? { title: titled.title } : {}) });
        if (trimmed) for (const part of cutAfterHead(trimmed)) out.push(...cutAcronymPlace(part));
      });
    }
  }
  return out;
}

/** A title abbreviation is written with its stop ("Gen."), which the tokenizer leaves outside the word. */
export function isAbbreviatedTitle(word: string): boolean {
  return ABBREVIATED_TITLES.has(plainWord(word));
}

/** Whether a word is a head that makes a name a place's when it comes first ("Camp Taji"). */
export function isLeadingPlaceHead(word: string): boolean {
  return LEADING_PLACE_HEADS.has(plainWord(word));
}
