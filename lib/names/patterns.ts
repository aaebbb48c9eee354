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
import { NAME_PARTICLES } from './lexicon';
import { sameWord } from './spelling';
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
  /** Folded key → pattern indices of blockers and topic words. */
  blockerKeys: Map<string, number[]>;
}

/** The curated names by folded key, once per curated input: every rebuild after an import reuses them. */
const curatedKeyCache = new WeakMap<MatcherInput, CuratedKeys>();

function curatedKeysOf(curated: MatcherInput): CuratedKeys {
  const cached = curatedKeyCache.get(curated);
  if (cached) return cached;
  const curatedKeys = new Map<string, number>();
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
  });
  const keys = { curatedKeys, blockerKeys };
  curatedKeyCache.set(curated, keys);
  return keys;
}

/**
 * `buildMatcher`'s input: the curated entities and patterns as given, then the learned ones.
 * Learned entities keep their learned ids; new spellings of a curated entity go to it.
 */
export function withLearnedNames(curated: MatcherInput, learned: readonly LearnedEntity[]): LearnedMatcherInput {
  const { curatedKeys, blockerKeys } = curatedKeysOf(curated);
  const curatedIndex = new Map(curated.entities.map((e, i) => [e.id, i]));
  const dropped: LearnedMatcherInput['dropped'] = [];

  const active = learned.filter((e) => e.active && !e.rejected && (!e.known || curatedIndex.has(e.known)));
  // A learned spelling two entities share is no one's.
  const claims = new Map<string, Set<string>>();
  for (const e of active) for (const f of e.forms) claims.set(f.key, (claims.get(f.key) ?? new Set()).add(e.known ?? e.id));

  const entities = [...curated.entities];
  const patterns = [...curated.patterns];
  const overridden = new Set<number>();
  const pseudo: { file: string; entry: GazetteerEntry }[] = [];
  const sourcePatterns: NamePattern[] = [];
  /** The matcher's entity index of each pseudo-entry given to the variant generator. */
  const matcherIndex: number[] = [];
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
    if (!own.length) continue;
    if (!e.known) entities.push({ id: e.id, name: e.name, type: matcherType(e.type) });
    for (const p of own) patterns.push({ entity: index, text: p.text, specificity: p.specificity, ...(caseMatters(p.text) ? { capitalised: true } : {}) });
    if (transliterated(e)) {
      const entity = pseudo.length;
      pseudo.push({ file: '', entry: { id: e.id, type: matcherType(e.type), name: own[0]!.text, aliases: [], transliterated: true, summary: '', background: [] } });
      matcherIndex.push(index);
      own.forEach((p, i) => sourcePatterns.push({ entity, text: p.text, specificity: p.specificity, path: `forms[${i}]` }));
    }
  }
  // Generated spellings: never one a curated or learned name has, never one two entities make.
  const taken = new Set([...curatedKeys.keys(), ...claims.keys()]);
  const { patterns: variants } = generateVariantPatterns(pseudo, sourcePatterns, foldedKey, taken);
  for (const v of variants) {
    for (const i of blockerKeys.get(foldedKey(v.text)) ?? []) overridden.add(i);
    patterns.push({ entity: matcherIndex[v.entity]!, text: v.text, specificity: v.specificity, ...(caseMatters(v.text) ? { capitalised: true } : {}) });
  }
  return { entities, patterns: patterns.filter((_, i) => !overridden.has(i)), dropped };
}
