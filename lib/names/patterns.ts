/**
 * The matcher's names for what was learned, beside the curated ones: for each active learned
 * entity its forms with their specificity (so short and ambiguous names go through the same
 * evidence rules as curated ones, lib/engine/evidence.ts), the transliteration spellings the
 * gazetteer's rules make of Arabic and Persian names (lib/kb/variant-patterns.ts), and the new
 * spellings of curated entities under the curated entity. A learned form the curated names
 * already have, or that two learned entities share, is left out: a name stands for one
 * entity. The result is `buildMatcher`'s input. DOM-free.
 */
import type { PatternInput } from '../engine/build-matcher';
import type { MatcherEntity } from '../engine/types';
import { foldedKey } from '../kb/build';
import type { EntityType, GazetteerEntry, Specificity } from '../kb/types';
import type { NamePattern } from '../kb/validate';
import { generateVariantPatterns } from '../kb/variant-patterns';
import { NAME_PARTICLES, ORGANIZATION_HEADS } from './lexicon';
import { isOrdinaryWord } from './ordinary';
import { isScriptGivenName } from './script';
import { isAcronym } from './tokens';
import { countryOfDemonym, isDemonym, listedPlace } from './places';
import { hamzaSpellings, personParts, sameSurname, sameWord, surnameSounds, withoutArticle } from './spelling';
import type { LearnedEntity, LearnedType } from './types';

export interface MatcherInput {
  entities: MatcherEntity[];
  patterns: PatternInput[];
}

export interface LearnedMatcherInput extends MatcherInput {
  /** Learned spellings left out, and why (for the reader's list and the tests). */
  dropped: { entity: string; text: string; reason: 'curated' | 'shared' }[];
}

/**
 * The matcher's entity types have no "other": such a name is marked as an organisation's (the
 * commonest kind of untyped name: outlets, programmes, groups) until the reader types it.
 */
export function matcherType(type: LearnedType): EntityType {
  return type === 'other' ? 'organization' : type;
}

/** Latin names are learned written in capitals, and only count so written (see `capitalised` in build-matcher.ts). */
function caseMatters(text: string): boolean {
  return /\p{L}/u.test(text) && !/[\u0600-\u06FF]/u.test(text);
}

/** Given names common in Arabic and Persian: a learned name with one is spelt many ways. */
const ARABIC_GIVEN = new Set(
  (
    'mohammed mohammad muhammad mohamed ahmad ahmed ali hassan hasan hussein hossein husain mahmoud mustafa mostafa ' +
    'qasem qassem qassim ghasem haidar haider abbas jafar jaafar mahdi mehdi hadi hamid hameed nouri nuri muqtada ' +
    'moqtada ammar faleh falih qais qays hashem hashim javad jawad reza mohsen majid saeed said yousef yusuf osama ' +
    'usama bashar khalid khaled omar umar ibrahim ismail esmail isma\'il abdullah abdallah abdul abd abu sayyed ' +
    'seyyed ayad iyad adel adil jalal massoud masoud masrour nechirvan barham fuad falah salih saleh kadhim kazem ' +
    'kazim hamza hamzah zainab fatima maryam ruhollah hashemi akbar asghar ebrahim mojtaba amir hossain'
  ).split(' '),
);

/** Whether a learned name is a transliteration, whose other spellings pages will use. */
function transliterated(entity: LearnedEntity): boolean {
  if (entity.type === 'place' && entity.strong.includes('listed')) return false; // a list already gives its spellings
  if (entity.forms.some((f) => /[\u0600-\u06FF]/u.test(f.text))) return true;
  const latin = entity.forms.map((f) => f.text).filter((t) => !/[\u0600-\u06FF]/u.test(t));
  for (const text of latin) {
    const words = text.split(/[\s]+/);
    if (words.some((w) => /^(?:al|el|ul)[-‐]/i.test(w) || /[-‐]e$/i.test(w) || NAME_PARTICLES.has(w.toLowerCase()))) return true;
    if (words.some((w) => ARABIC_GIVEN.has(w.toLowerCase()))) return true;
  }
  // Two spellings of one word in the documents already.
  const words = (t: string) => t.split(/\s+/);
  for (let i = 0; i < latin.length; i++) {
    for (let j = i + 1; j < latin.length; j++) {
      const [a, b] = [words(latin[i]!), words(latin[j]!)];
      if (a.length === b.length && latin[i] !== latin[j] && a.every((w, k) => sameWord(w, b[k]!))) return true;
    }
  }
  return false;
}

interface CuratedKeys {
  /** Folded key → entity index, for every curated name that is marked. */
  curatedKeys: Map<string, number>;
  /** Surnames of the curated people's full names, with their entity index. */
  curatedSurnames: { entity: number; surname: string }[];
  /** Folded key → pattern indices of blockers and topic words. */
  blockerKeys: Map<string, number[]>;
}

/** The kinds of outlet written after an outlet's name. */
const OUTLET_KINDS = ['news agency', 'newspaper'];

/** The kinds of political body written after a party's or list's one-word name ("Fateh bloc", "Badr party"). */
const POLITICAL_KINDS = ['party', 'bloc', 'movement', 'alliance', 'coalition'];

/**
 * The category words written after a place's name ("Anbar province", "al-Haddad district",
 * "Ain al-Asad air base"): the guidelines draw the place's extent over them, so the mark does too.
 */
const PLACE_KINDS = ['province', 'governorate', 'neighbourhood', 'neighborhood', 'street', 'city', 'air base', 'airbase'];
const PLACE_KIND_END = /\b(?:province|governorate|district|neighbou?rhood|street|city|air ?base|region)$/iu;

/** A country's name: "Kuwait City" is another place, and no country has a province of its name. */
const isCountry = (text: string) => /^[A-Z]{2,3}$/u.test(listedPlace(text) ?? '');

/** The kind words a page writes after a learned name of this type, as part of it. */
function kindsAfter(type: LearnedType, text: string): string[] {
  if (type === 'place') return PLACE_KIND_END.test(text) || isCountry(text) ? [] : PLACE_KINDS;
  if (type !== 'organization') return [];
  if (!/\s/.test(text)) return isAcronym(text) ? OUTLET_KINDS : [...OUTLET_KINDS, ...POLITICAL_KINDS];
  return / News$/u.test(text) ? ['agency'] : [];
}

/**
 * Every person's surname the gazetteer and the counted learned names know, indexed to tell whose
 * a surname alone can be without comparing every pair (20,000 learned names rebuild in a second):
 * curated surnames by folded key, learned ones by sound (`surnameSounds`, where any two that
 * `sameSurname` accepts meet).
 */
interface KnownSurnames {
  curated: Map<string, Set<string>>;
  learned: Map<string, { entity: string; surname: string }[]>;
}

const surnameKey = (surname: string) => foldedKey(withoutArticle(surname));

function knownSurnames(curated: readonly { entity: string; surname: string }[], learned: readonly { entity: string; surname: string }[]): KnownSurnames {
  const out: KnownSurnames = { curated: new Map(), learned: new Map() };
  for (const c of curated) {
    const key = surnameKey(c.surname);
    out.curated.set(key, (out.curated.get(key) ?? new Set()).add(c.entity));
  }
  for (const l of learned) {
    for (const sound of surnameSounds(l.surname)) {
      const list = out.learned.get(sound);
      if (list) list.push(l);
      else out.learned.set(sound, [l]);
    }
  }
  return out;
}

/** Whether someone other than `entity` is known by `surname`. */
function someoneElseCalled(known: KnownSurnames, entity: string, surname: string): boolean {
  if ([...(known.curated.get(surnameKey(surname)) ?? [])].some((id) => id !== entity)) return true;
  return surnameSounds(surname).some((sound) => (known.learned.get(sound) ?? []).some((o) => o.entity !== entity && sameSurname(o.surname, surname)));
}

/** The curated names by folded key, once per curated input: every rebuild after an import reuses them. */
const curatedKeyCache = new WeakMap<MatcherInput, CuratedKeys>();

function curatedKeysOf(curated: MatcherInput): CuratedKeys {
  const cached = curatedKeyCache.get(curated);
  if (cached) return cached;
  const curatedKeys = new Map<string, number>();
  const curatedSurnames: CuratedKeys['curatedSurnames'] = [];
  // A blocker ("Kataib Hezbollah", learnt only so it is never marked) or a topic word ("Muqtada al-Sadr",
  // "Green Zone": evidence that a page is on topic, never marked) gives way to a learned entity of that
  // name, which is marked and is evidence too.
  const blockerKeys = new Map<string, number[]>();
  curated.patterns.forEach((p, i) => {
    const key = foldedKey(p.text);
    const entity = curated.entities[p.entity];
    if (entity?.blocker || entity?.topic) {
      blockerKeys.set(key, [...(blockerKeys.get(key) ?? []), i]);
      return;
    }
    if (!curatedKeys.has(key)) curatedKeys.set(key, p.entity);
    const surname = entity?.type === 'person' ? fullNameSurname(p.text) : undefined;
    if (surname) curatedSurnames.push({ entity: p.entity, surname });
  });
  const keys = { curatedKeys, blockerKeys, curatedSurnames };
  curatedKeyCache.set(curated, keys);
  return keys;
}

/**
 * `buildMatcher`'s input: the curated entities and patterns as given, then the learned ones.
 * Learned entities keep their learned ids; new spellings of a curated entity go to it.
 */
/** The surname of a Latin full name ("Nasser Kanaani" → Kanaani, "Qasim al-Araji" → al-Araji), if it has a given name. */
function fullNameSurname(text: string): string | undefined {
  if (!caseMatters(text)) return undefined;
  const parts = personParts(text.split(/\s+/));
  return parts && parts.given.length ? parts.surname : undefined;
}

/**
 * A person's surname alone, for a page that names the person in full and then by surname
 * ("Nasser Kanaani ... Kanaani said") when the documents only gave the full name: not when
 * another person the corpus or the gazetteer knows has that surname, nor when it is also a
 * given name, an ordinary word or a place ("Yousef Mohammed", "Bill Urban", "Lloyd Austin").
 * The matcher holds it as ambiguous, so it counts beside the full name or on a page plainly
 * about the documents' subject, and never inside another full name.
 * A curated surname is compared key for key: the gazetteer's generated spellings already spell it
 * every way the rules make, and comparing those loosely again reaches other names (Qaani's
 * generated "Kanni" is not Kanaani).
 */
function derivedSurnames(e: LearnedEntity, known: KnownSurnames, taken: (text: string) => boolean): string[] {
  if (e.type !== 'person') return [];
  const surnames = new Set(e.forms.map((f) => fullNameSurname(f.text)).filter((s): s is string => s !== undefined && !/\s/.test(s.replace(/^(?:al|el)[-‐ ]/i, ''))));
  const out: string[] = [];
  for (const surname of surnames) {
    const bare = surname.replace(/^(?:al|el)[-‐ ]/i, '');
    if (bare.length < 4 || isOrdinaryWord(bare) || listedPlace(bare) !== undefined || ARABIC_GIVEN.has(bare.toLowerCase())) continue;
    // A spelling some name already has is settled there; only a new one needs the (slower) look-up.
    if (taken(surname) || someoneElseCalled(known, e.known ?? e.id, surname)) continue;
    out.push(surname);
    if (bare !== surname) out.push(bare);
  }
  return out;
}

/** The last words of a state institution's name: "Foreign Ministry", "Armed Forces", "Security Council". */
const INSTITUTION_ENDS = /\b(?:Ministry|Embassy|Consulate|Council|Guards?|Bank|Judiciary|Government)$/u;
/** A country's forces by their common noun ("Iranian Armed Forces"): a description, not a name (test/names/README.md). */
const FORCES_ENDS = /^(?:Armed Forces|Army|Navy|Air Force|Police|Security Forces)$/u;

/**
 * "Iranian Foreign Ministry" is marked "Foreign Ministry": the guidelines leave a demonym out of
 * an institution's name ("Iraqi Cultural Union", a name of its own, keeps it: only a state
 * institution's ordinary words are bared). The bared form is only marked when no other learned
 * entity bares to it (the Iraqi and the Iranian Foreign Ministry share "Foreign Ministry"); the
 * country after it ("Ministry of Foreign Affairs of Iran") is always its own. A country's forces
 * by their common noun are no name at all (''). */
function withoutDemonym(text: string): string | undefined {
  const words = text.split(/\s+/);
  if (words.length < 3 || !isDemonym(words[0]!)) return undefined;
  const rest = words.slice(1);
  if (!rest.every((w) => /^\p{Lu}/u.test(w) || w === 'of') || !rest.every((w) => w === 'of' || isOrdinaryWord(w) || ORGANIZATION_HEADS.has(w.toLowerCase()))) return undefined;
  const bare = rest.join(' ');
  if (FORCES_ENDS.test(bare)) return '';
  return INSTITUTION_ENDS.test(bare) || /^Ministry of /u.test(bare) ? bare : undefined;
}

/**
 * Spellings of one Arabic or Persian given name that the transliteration rules do not all make
 * (they make Qasem from Qasim, not Qassem): a learned person's full name is also marked with the
 * others of its first given name ("Qasim al-Araji" → "Qassem al-Araji").
 */
const GIVEN_FAMILIES = [
  'qasim qasem qassem qassim',
  'muhammad mohammad mohammed mohamed mohamad',
  'hussein hossein husain hussain husayn',
  'tariq tareq tarek',
  'jafar jaafar jaffar',
  'kazem kadhim kazim kadhem',
  'yousef yusuf youssef yousif',
  'ebrahim ibrahim',
  'esmail ismail esmaeil',
  'mahmoud mahmud',
  'hisham husham hesham',
  'saeed said saeid',
  'mehdi mahdi',
].map((f) => f.split(' '));
const GIVEN_FAMILY = new Map(GIVEN_FAMILIES.flatMap((family) => family.map((name) => [name, family] as const)));

function givenSpellings(text: string): string[] {
  const [first, ...rest] = text.split(' ');
  if (!first || rest.length === 0 || !caseMatters(text)) return [];
  const family = GIVEN_FAMILY.get(first.toLowerCase());
  if (!family) return [];
  return family.filter((n) => n !== first.toLowerCase()).map((n) => [n[0]!.toUpperCase() + n.slice(1), ...rest].join(' '));
}

const isScript = (text: string) => /[\u0600-\u06FF]/u.test(text);

/**
 * A person's name in Arabic or Persian script of three words or two: its surname with the
 * article ("محمد شياع السوداني" → السوداني) and, for three words, the name without the first
 * given name (شياع السوداني), as pages write them after the full name; of two words, the
 * surname without the article too, as Persian names are written ("عباس عراقجي" → عراقجي), unless
 * it is a given name itself. Not a surname that the script names of two learned people, or a
 * curated name, end with (`shared`).
 */
function derivedScriptNames(e: LearnedEntity, shared: ReadonlySet<string>): string[] {
  if (e.type !== 'person') return [];
  const out = new Set<string>();
  for (const f of e.forms) {
    if (!isScript(f.text)) continue;
    const words = f.text.trim().split(/\s+/);
    if (words.length < 2 || words.length > 3) continue;
    const last = words[words.length - 1]!;
    if (shared.has(foldedKey(last))) continue;
    if (/^ال\S{3,}$/u.test(last)) {
      out.add(last);
      if (words.length === 3) out.add(words.slice(1).join(' '));
    } else if (words.length === 2 && last.length >= 4 && !isScriptGivenName(last)) {
      out.add(last);
    }
  }
  return [...out];
}

/** Surnames with the article that the script names of two or more learned or curated people end with. */
function sharedScriptSurnames(active: readonly LearnedEntity[], curated: MatcherInput): Set<string> {
  const owners = new Map<string, Set<string>>();
  const add = (text: string, who: string) => {
    const words = text.trim().split(/\s+/);
    if (words.length < 2 || !isScript(text)) return;
    const key = foldedKey(words[words.length - 1]!);
    owners.set(key, (owners.get(key) ?? new Set()).add(who));
  };
  for (const e of active) if (e.type === 'person') for (const f of e.forms) add(f.text, e.known ?? e.id);
  for (const p of curated.patterns) if (curated.entities[p.entity]?.type === 'person') add(p.text, curated.entities[p.entity]!.id);
  return new Set([...owners].filter(([, who]) => who.size > 1).map(([key]) => key));
}

export function withLearnedNames(curated: MatcherInput, learned: readonly LearnedEntity[]): LearnedMatcherInput {
  const { curatedKeys, blockerKeys, curatedSurnames } = curatedKeysOf(curated);
  const curatedIndex = new Map(curated.entities.map((e, i) => [e.id, i]));
  const dropped: LearnedMatcherInput['dropped'] = [];

  const active = learned.filter((e) => e.active && !e.rejected && (!e.known || curatedIndex.has(e.known)));
  // A learned spelling two entities share is no one's.
  const claims = new Map<string, Set<string>>();
  for (const e of active) for (const f of e.forms) claims.set(f.key, (claims.get(f.key) ?? new Set()).add(e.known ?? e.id));

  // Every person's surname the gazetteer and the counted learned names know, to tell whose a surname
  // alone can be (a full name not yet counted, or rejected, claims nothing).
  const surnames = knownSurnames(
    curatedSurnames.map((c) => ({ entity: curated.entities[c.entity]!.id, surname: c.surname })),
    active.flatMap((e) => (e.type === 'person' ? e.forms.flatMap((f) => fullNameSurname(f.text) ?? []).map((surname) => ({ entity: e.known ?? e.id, surname })) : [])),
  );

  const sharedScript = sharedScriptSurnames(active, curated);
  const taken0 = (text: string) => {
    const key = foldedKey(text);
    return curatedKeys.has(key) || claims.has(key) || blockerKeys.has(key);
  };
  // Who each bared institution name would be (see `withoutDemonym`).
  const bared = new Map<string, Set<string>>();
  for (const e of active) {
    if (e.type !== 'organization') continue;
    for (const f of e.forms) {
      const bare = withoutDemonym(f.text);
      if (bare) bared.set(foldedKey(bare), (bared.get(foldedKey(bare)) ?? new Set()).add(e.known ?? e.id));
      // (a country's forces, '', are left out below)
    }
  }
  for (const [key, owners] of claims) if (bared.has(key)) for (const o of owners) bared.get(key)!.add(o);
  const entities = [...curated.entities];
  const patterns = [...curated.patterns];
  const overridden = new Set<number>();
  const pseudo: { file: string; entry: GazetteerEntry }[] = [];
  const sourcePatterns: NamePattern[] = [];
  /** The matcher's entity index of each pseudo-entry given to the variant generator. */
  const matcherIndex: number[] = [];
  /** Other spellings of a hamza on a y (Kataeb / Kataib), which the transliteration rules do not make. */
  const hamza: PatternInput[] = [];
  for (const e of active) {
    const index = e.known ? curatedIndex.get(e.known)! : entities.length;
    const own: { text: string; specificity: Specificity }[] = [];
    for (const f of e.forms) {
      const owner = curatedKeys.get(f.key);
      if (owner !== undefined) {
        if (owner !== index) dropped.push({ entity: e.id, text: f.text, reason: 'curated' });
        continue;
      }
      if (claims.get(f.key)!.size > 1) {
        dropped.push({ entity: e.id, text: f.text, reason: 'shared' });
        continue;
      }
      const bare = e.type === 'organization' ? withoutDemonym(f.text) : undefined;
      if (bare === '') continue;
      if (bare) {
        const country = countryOfDemonym(f.text.split(/\s+/)[0]!);
        const ofCountry = country ? `${bare} of ${country}` : undefined;
        if (ofCountry && !taken0(ofCountry)) own.push({ text: ofCountry, specificity: 'unique' });
        const key = foldedKey(bare);
        if (curatedKeys.has(key) || bared.get(key)!.size > 1 || own.some((p) => foldedKey(p.text) === key)) {
          dropped.push({ entity: e.id, text: f.text, reason: curatedKeys.has(key) ? 'curated' : 'shared' });
          continue;
        }
        for (const i of blockerKeys.get(key) ?? []) overridden.add(i);
        // "Foreign Ministry" alone is every country's: it needs the page to be about this one (ambiguous).
        own.push({ text: bare, specificity: 'ambiguous' });
        continue;
      }
      for (const i of blockerKeys.get(f.key) ?? []) overridden.add(i);
      own.push({ text: f.text, specificity: f.specificity });
    }
    // "al-Sadr" beside "Sadr": the surname with its article, as pages write it.
    if (e.type === 'person') {
      const article = e.forms.map((f) => /(?:^|\s)((?:al|el)-\p{L}+)$/u.exec(f.text)?.[1]).find((s) => s !== undefined);
      const bareSurname = article?.replace(/^(?:al|el)-/u, '');
      const surnameForm = own.find((p) => p.text === bareSurname);
      if (article && surnameForm && !own.some((p) => foldedKey(p.text) === foldedKey(article)) && !curatedKeys.has(foldedKey(article)) && !claims.has(foldedKey(article))) {
        own.push({ text: article, specificity: surnameForm.specificity });
      }
    }
    const taken = (text: string) => {
      const key = foldedKey(text);
      return curatedKeys.has(key) || claims.has(key) || blockerKeys.has(key) || own.some((p) => foldedKey(p.text) === key);
    };
    for (const text of derivedSurnames(e, surnames, taken)) if (!taken(text)) own.push({ text, specificity: 'ambiguous' });
    for (const text of derivedScriptNames(e, sharedScript)) if (!taken(text)) own.push({ text, specificity: text.includes(' ') ? 'common' : 'ambiguous' });
    if (e.type === 'person') {
      for (const p of [...own]) {
        if (p.specificity !== 'unique') continue;
        for (const text of givenSpellings(p.text)) if (!taken(text)) own.push({ text, specificity: 'unique' });
      }
    }
    // "Fars news agency", "Kayhan newspaper": an outlet's kind after its one-word name is part of
    // the name as pages write it (the mark covers it), in lower case too.
    // So are a political body's kind after its one-word name ("Fateh bloc", "Sadrist movement")
    // and "agency" after a name ending in News ("Shafaq News agency"): the guidelines' extent.
    // A place's category word after it ("Anbar province") likewise.
    for (const p of [...own]) {
      if (!caseMatters(p.text)) continue;
      for (const kind of kindsAfter(e.type, p.text)) {
        const text = `${p.text} ${kind}`;
        const key = foldedKey(text);
        if (!curatedKeys.has(key) && !claims.has(key) && !blockerKeys.has(key) && !own.some((o) => foldedKey(o.text) === key)) own.push({ text, specificity: 'unique' });
      }
    }
    if (!own.length) continue;
    if (!e.known) entities.push({ id: e.id, name: e.name, type: matcherType(e.type) });
    for (const p of own) patterns.push({ entity: index, text: p.text, specificity: p.specificity, ...(caseMatters(p.text) ? { capitalised: true } : {}) });
    if (!(e.type === 'place' && e.strong.includes('listed'))) {
      for (const p of own) for (const text of hamzaSpellings(p.text, isOrdinaryWord)) hamza.push({ entity: index, text, specificity: p.specificity });
    }
    if (transliterated(e)) {
      const entity = pseudo.length;
      pseudo.push({ file: '', entry: { id: e.id, type: matcherType(e.type), name: own[0]!.text, aliases: [], transliterated: true, summary: '', background: [] } });
      matcherIndex.push(index);
      own.forEach((p, i) => sourcePatterns.push({ entity, text: p.text, specificity: p.specificity, path: `forms[${i}]` }));
    }
  }
  // Generated spellings: never one a curated or learned name has, never one two entities make,
  // never a form derived above for another learned entity (Hikmat Nasir's "Nasir" is not a
  // spelling of the Nasr coalition).
  const taken = new Set([...curatedKeys.keys(), ...claims.keys(), ...patterns.slice(curated.patterns.length).map((p) => foldedKey(p.text))]);
  const { patterns: variants } = generateVariantPatterns(pseudo, sourcePatterns, foldedKey, taken);
  for (const v of variants) {
    for (const i of blockerKeys.get(foldedKey(v.text)) ?? []) overridden.add(i);
    patterns.push({ entity: matcherIndex[v.entity]!, text: v.text, specificity: v.specificity, ...(caseMatters(v.text) ? { capitalised: true } : {}) });
  }
  const generated = new Set(variants.map((v) => foldedKey(v.text)));
  const hamzaOwners = new Map<string, Set<number>>();
  for (const h of hamza) hamzaOwners.set(foldedKey(h.text), (hamzaOwners.get(foldedKey(h.text)) ?? new Set()).add(h.entity));
  for (const h of hamza) {
    const key = foldedKey(h.text);
    if (taken.has(key) || generated.has(key) || hamzaOwners.get(key)!.size > 1) continue;
    for (const i of blockerKeys.get(key) ?? []) overridden.add(i);
    patterns.push({ ...h, ...(caseMatters(h.text) ? { capitalised: true } : {}) });
  }
  return { entities, patterns: patterns.filter((_, i) => !overridden.has(i)), dropped };
}
