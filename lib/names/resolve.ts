/**
 * One entity per real thing, across documents: what each document names (discover.ts) joined
 * where the spellings are one name — the same folded form; one person's full name in two
 * spellings whose given names agree (never two people whose given names differ); an
 * organisation's name word for word in other spellings; an acronym and its only expansion; a
 * surname to the only person with that surname — and attached to a curated entity when a form
 * is one of its names. Then the reader's edits, ids that stay put, and whether each counts.
 *
 * Works on the names kept per document, never on their text, so it is cheap to run again
 * after every added or removed document. DOM-free.
 */
import { LEARNED_PREFIX } from './ids';
import type { Specificity, Statement } from '../kb/types';
import { foldedKey } from '../kb/build';
import { applyEdits, type Cluster, type Occurrence } from './edits';
import { UnionFind } from './union-find';
import { acronymLetters } from './discover';
import { latinWordSound, scriptWordSound } from './script-sound';
import { givenAgree, personParts as personPartsOf, sameWord, samePerson, sameSurname, skeletons, surnameSounds, surnameWords } from './spelling';
import { CONNECTORS, NAME_PARTICLES, ORGANIZATION_HEADS, PLACE_HEADS, REGION_NAMES } from './lexicon';
import { listedPlace } from './places';
import { isOrdinaryWord } from './ordinary';
import { isAcronym, isArabicScript, plainWord } from './tokens';
import type { DocName, EntityRef, KnownEntity, LearnedEntity, LearnedForm, LearnedType, NameState, PersonParts, StrongCue, TypeVotes } from './types';

/** Curated entities by the folded keys of their names, and their people in parts. */
export interface KnownIndex {
  byKey: ReadonlyMap<string, string>;
  entities: ReadonlyMap<string, KnownEntity>;
  /** Curated people in parts, by the sound of their surname (`surnameSounds`). */
  people: ReadonlyMap<string, readonly { id: string; parts: PersonParts }[]>;
}

export function knownIndex(known: readonly KnownEntity[]): KnownIndex {
  const byKey = new Map<string, string>();
  const people = new Map<string, { id: string; parts: PersonParts }[]>();
  for (const e of known) {
    for (const name of [e.name, ...e.names]) {
      const key = foldedKey(name);
      if (key && !byKey.has(key)) byKey.set(key, e.id);
    }
    if (e.type === 'person') {
      for (const name of [e.name, ...e.names]) {
        const words = name.split(/\s+/);
        if (words.length < 2 || /[\u0600-\u06FF]/u.test(name)) continue;
        const parts = personPartsOf(words);
        if (parts?.given.length) for (const s of surnameSounds(parts.surname)) push(people, s, { id: e.id, parts });
      }
    }
  }
  return { byKey, entities: new Map(known.map((e) => [e.id, e])), people };
}

interface Local {
  doc: string;
  name: DocName;
  /** Index in the locals list. */
  index: number;
  person?: PersonParts;
  known?: string;
}

/** Locals joined into entities, refusing a union that would make two people one. */
class Clusters {
  private readonly sets: UnionFind;
  /** Full person names of each root. */
  private readonly people: PersonParts[][];
  constructor(locals: readonly Local[]) {
    this.sets = new UnionFind(locals.length);
    this.people = locals.map((l) => (l.person ? [l.person] : []));
  }
  find(i: number): number {
    return this.sets.find(i);
  }
  union(a: number, b: number): boolean {
    const [x, y] = [this.find(a), this.find(b)];
    if (x === y) return true;
    const px = this.people[x]!;
    const py = this.people[y]!;
    // Muqtada al-Sadr and Mohammed Sadiq al-Sadr stay two, however the rest of the corpus links them.
    for (const p of px) for (const q of py) if (!givenAgree(p, q)) return false;
    const root = this.sets.union(x, y);
    this.people[root] = [...px, ...py];
    this.people[root === x ? y : x] = [];
    return true;
  }
}

function isPersonLocal(l: Local): boolean {
  const v = l.name.votes;
  return v.person > 0 && v.person >= v.organization && v.person >= v.place;
}

/** The forms of a local that speak for it across documents: not its surname or acronym shorthand, unless that is all it has. */
function anchorForms(l: Local) {
  const full = l.name.forms.filter((f) => !f.short && !f.tentative);
  return full.length ? full : l.name.forms.filter((f) => !f.tentative);
}

function looseKey(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => skeletons(w)[0] ?? w.toLowerCase())
    .join(' ');
}

function sameWords(a: string, b: string): boolean {
  const x = a.split(/[\s-]+/).filter(Boolean);
  const y = b.split(/[\s-]+/).filter(Boolean);
  return x.length === y.length && x.length >= 1 && x.every((w, i) => sameWord(w, y[i]!));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const curatedPeopleCache = new WeakMap<KnownIndex, Map<string, PersonParts[]>>();

/** The curated people's full names in parts, by entity id. */
function curatedPeople(known: KnownIndex): Map<string, PersonParts[]> {
  let byId = curatedPeopleCache.get(known);
  if (!byId) {
    byId = new Map();
    for (const list of known.people.values()) for (const p of list) push(byId, p.id, p.parts);
    curatedPeopleCache.set(known, byId);
  }
  return byId;
}

/** Whether a surname is a curated person's whose given names are not this person's ("Talabani" beside Bafel Talabani is Jalal's). */
function otherCuratedPerson(key: string, person: PersonParts, known: KnownIndex): boolean {
  const id = known.byKey.get(key);
  const curated = id ? curatedPeople(known).get(id) : undefined;
  return curated !== undefined && curated.length > 0 && !curated.some((p) => givenAgree(person, p));
}

/**
 * Which curated entity a local names, if any: one of its forms is a curated name, or its person
 * is a curated person. A full name whose given names differ from every full name of the curated
 * person is someone else, whatever surname they share (Bafel Talabani is not Jalal Talabani).
 */
function knownOf(l: Local, known: KnownIndex): string | undefined {
  const votes = new Map<string, number>();
  const people = curatedPeople(known);
  for (const f of l.name.forms) {
    const id = known.byKey.get(f.key);
    if (!id) continue;
    const curated = people.get(id);
    if (l.person && curated?.length && !curated.some((p) => givenAgree(l.person!, p))) continue;
    votes.set(id, (votes.get(id) ?? 0) + f.count * (f.short ? 1 : 2));
  }
  if (votes.size === 0 && l.person) {
    for (const s of surnameSounds(l.person.surname)) {
      for (const p of known.people.get(s) ?? []) if (samePerson(l.person, p.parts)) votes.set(p.id, (votes.get(p.id) ?? 0) + 1);
    }
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Join locals across documents (see the module comment). Returns the clusters as lists of locals. */
function cluster(locals: readonly Local[]): Local[][] {
  const c = new Clusters(locals);
  const solid = locals.filter((l) => !l.name.tentative);
  // 1. The same curated entity, the same folded form.
  const byKnown = new Map<string, Local[]>();
  const byKey = new Map<string, Local[]>();
  for (const l of solid) {
    if (l.known) push(byKnown, l.known, l);
    for (const f of anchorForms(l)) {
      push(byKey, f.key, l);
      // "Al-Fatah" is "Fatah": the article does not make another organisation.
      const bare = f.key.replace(/^(?:al|el) (?=\S+$)/, '');
      if (bare !== f.key && !isPersonLocal(l)) push(byKey, bare, l);
    }
  }
  for (const list of byKnown.values()) for (const l of list.slice(1)) c.union(list[0]!.index, l.index);
  for (const list of byKey.values()) {
    for (const l of list.slice(1)) {
      const a = list[0]!;
      // A bare surname shared by two people's documents does not make them one ("Sadr").
      if (a.person || l.person || !(anchorForms(a).every((f) => f.short) || anchorForms(l).every((f) => f.short))) c.union(a.index, l.index);
    }
  }
  // 2. One person in two spellings: surnames that sound alike, given names that agree.
  // One representative per distinct name in parts: the same spelling in a thousand documents is compared once.
  const byParts = new Map<string, Local>();
  for (const l of solid) {
    if (!l.person) continue;
    const key = `${l.person.given.join(' ')}|${l.person.initials.join('')}|${l.person.surname}`.toLowerCase();
    const first = byParts.get(key);
    if (first) c.union(first.index, l.index);
    else byParts.set(key, l);
  }
  const bySurname = new Map<string, Local[]>();
  for (const l of byParts.values()) for (const s of surnameSounds(l.person!.surname)) push(bySurname, s, l);
  for (const list of bySurname.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) if (samePerson(list[i]!.person!, list[j]!.person!)) c.union(list[i]!.index, list[j]!.index);
    }
  }
  // 3. An organisation's or place's name in another spelling, word for word.
  const byLoose = new Map<string, { l: Local; text: string }[]>();
  for (const l of solid) {
    if (isPersonLocal(l)) continue;
    for (const f of anchorForms(l)) if (!isAcronym(f.text) && /\s/.test(f.text.trim())) push(byLoose, looseKey(f.text), { l, text: f.text });
  }
  for (const list of byLoose.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) if (sameWords(list[i]!.text, list[j]!.text)) c.union(list[i]!.l.index, list[j]!.l.index);
    }
  }
  // 3b. A one-word name and the one organisation it is with a head word (Fatah ~ Al-Fatah Alliance), article aside.
  const byHeadless = new Map<string, Local[]>();
  const bare = (key: string) => key.replace(/^(?:al|el) /, '');
  for (const l of solid) if (l.name.headless) push(byHeadless, bare(l.name.headless), l);
  for (const l of solid) {
    if (isPersonLocal(l)) continue;
    for (const f of anchorForms(l)) {
      const owners = byHeadless.get(bare(f.key)) ?? [];
      const roots = new Set(owners.map((o) => c.find(o.index)));
      if (roots.size === 1 && owners[0] !== l) c.union(l.index, owners[0]!.index);
    }
  }
  // 4. An acronym and the one name in the corpus it abbreviates (IRGC ~ Islamic Revolutionary Guard Corps).
  const byInitials = new Map<string, Local[]>();
  for (const l of solid) if (l.name.initials && !isPersonLocal(l)) push(byInitials, l.name.initials, l);
  for (const l of solid) {
    for (const f of l.name.forms) {
      if (!isAcronym(f.text)) continue;
      const owners = byInitials.get(acronymLetters(f.text)) ?? [];
      const roots = new Set(owners.map((o) => c.find(o.index)));
      if (roots.size === 1) c.union(l.index, owners[0]!.index);
    }
  }
  // 5. A surname alone: the only person with that surname (several: left alone, marked by `ambiguousSurnames`).
  const surnameOwners = new Map<string, Local[]>();
  for (const l of byParts.values()) if (l.person!.given.length) for (const s of surnameSounds(l.person!.surname)) push(surnameOwners, s, l);
  for (const l of solid) {
    if (l.person || l.known || (!isPersonLocal(l) && l.name.votes.organization + l.name.votes.place > 0)) continue;
    const forms = anchorForms(l).filter((f) => !/\s/.test(f.text.trim()) || /^(?:al|el)[-\s]/i.test(f.text));
    if (!forms.length || forms.some((f) => isAcronym(f.text))) continue;
    const roots = new Set<number>();
    for (const f of forms) {
      for (const s of surnameSounds(f.text)) for (const p of surnameOwners.get(s) ?? []) if (sameSurname(f.text, p.person!.surname)) roots.add(c.find(p.index));
    }
    if (roots.size === 1) c.union(l.index, [...roots][0]!);
  }
  // 5b. A person's full name in script, to the one Latin full name that sounds the same (عباس عراقجي ~ Abbas Araghchi).
  // Only a corpus with script people pays for the Latin ones' sounds.
  const scriptPeople = locals.filter(isScriptPerson);
  const latinPeople = scriptPeople.length ? latinPeopleBySound(solid) : new Map<string, SoundedPerson[]>();
  for (const l of scriptPeople) {
    if (l.name.tentative) continue;
    const owner = scriptPersonOwner(l, latinPeople, c);
    if (owner !== undefined) c.union(l.index, owner);
  }
  // 6. Tentative names only join an entity found elsewhere by one of its forms, or a script name its Latin spelling.
  const formOwner = new Map<string, number>();
  for (const l of solid) for (const f of l.name.forms) if (!formOwner.has(f.key)) formOwner.set(f.key, l.index);
  const groups = new Map<number, Local[]>();
  for (const l of solid) push(groups, c.find(l.index), l);
  for (const l of locals) {
    if (!l.name.tentative) continue;
    const owner = l.name.forms.map((f) => formOwner.get(f.key)).find((o) => o !== undefined) ?? (isScriptPerson(l) ? scriptPersonOwner(l, latinPeople, c) : undefined);
    if (owner !== undefined) push(groups, c.find(owner), l);
  }
  return [...groups.values()];
}

/** A Latin full name's words as sounds (`latinWordSound`): given names, then the surname's words. */
interface SoundedPerson {
  index: number;
  sounds: string[];
}

const soundKey = (sounds: readonly string[]) => `${sounds[0]}|${sounds[sounds.length - 1]}`;

/** The people named in full in Latin letters, by the sounds of their first given name and surname. */
function latinPeopleBySound(solid: readonly Local[]): Map<string, SoundedPerson[]> {
  const out = new Map<string, SoundedPerson[]>();
  for (const l of solid) {
    if (!l.person?.given.length) continue;
    const sounds = [...l.person.given, ...surnameWords(l.person.surname)].map(latinWordSound);
    if (soundsEnough(sounds)) push(out, soundKey(sounds), { index: l.index, sounds });
  }
  return out;
}

/**
 * Whether a full name's sounds say enough to find its other spelling: two consonants in every
 * word, or, in a name of three words or more, one in every word and eight in all ("محمد توفيق
 * علاوي", Mohammed Tawfiq Allawi: علاوي keeps only its l). Two short words (إياد علاوي, "d l")
 * would meet too many others.
 */
function soundsEnough(sounds: readonly string[]): boolean {
  if (sounds.every((s) => s.length >= 2)) return true;
  return sounds.length >= 3 && sounds.every((s) => s.length >= 1) && sounds.join('').length >= 8;
}

/** A person named in Arabic or Persian script only. */
function isScriptPerson(l: Local): boolean {
  return isPersonLocal(l) && l.name.forms.every((f) => f.text.trim().split(/\s+/).every(isArabicScript));
}

/**
 * The one person a full name in Arabic or Persian script is spelt in Latin letters elsewhere:
 * every word sounds the same (هشام الهاشمي, Hisham al-Hashimi), or a middle name one of them
 * leaves out aside, the first and last do. None when two people fit.
 */
function scriptPersonOwner(l: Local, people: ReadonlyMap<string, readonly SoundedPerson[]>, c: Clusters): number | undefined {
  const roots = new Set<number>();
  let owner: number | undefined;
  for (const f of l.name.forms) {
    const words = f.text.trim().split(/\s+/);
    if (words.length < 2) continue;
    const sounds = words.map(scriptWordSound);
    if (!soundsEnough(sounds)) continue;
    for (const p of people.get(soundKey(sounds)) ?? []) {
      if (p.sounds.length === sounds.length && !p.sounds.every((s, i) => s === sounds[i])) continue;
      roots.add(c.find(p.index));
      owner = p.index;
    }
  }
  return roots.size === 1 ? owner : undefined;
}

const TYPES: readonly LearnedType[] = ['person', 'organization', 'place', 'other'];

function typeOf(votes: TypeVotes): LearnedType {
  let best: LearnedType = 'other';
  for (const t of TYPES) if (votes[t] > (best === 'other' ? 0 : votes[best])) best = t;
  return best;
}

/**
 * Two ordinary words, or an ordinary word and a head word: a name that describes as much as it
 * names. A longer name of ordinary words ("Popular Mobilization Forces") is a title someone gave.
 */
function descriptive(words: readonly string[]): boolean {
  const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
  return content.length === 2 && content.every((w) => isOrdinaryWord(w) || ORGANIZATION_HEADS.has(plainWord(w)) || (PLACE_HEADS.has(plainWord(w)) && !REGION_NAMES.has(plainWord(w))));
}

/** An Arabic article before a name, as a separate word or hyphenated: "al-Sadr", "Al Amiri". */
const ARTICLE_START = /^(?:al|el)[-‐\s]+(?=\S)/i;

/**
 * How much page evidence a learned spelling needs (the matcher's specificity; see lib/kb/types.ts).
 * A person's surname alone ("Austin", "al-Amiri") is someone else's as often as not: pages bring
 * a person in by the full name first, so the surname counts beside it (or on a page plainly
 * about the corpus's subject), and not inside another full name ("Hassan al-Amiri").
 */
export function specificityOf(form: { text: string; lowercaseSeen?: boolean }, cluster: { strong: readonly StrongCue[]; type?: LearnedType }): Specificity {
  const text = form.text.trim();
  const words = text.split(/\s+/);
  if (cluster.type === 'person' && !/[\u0600-\u06FF]/u.test(text) && !isAcronym(text) && text.replace(ARTICLE_START, '').split(/[\s]+/).length === 1) return 'ambiguous';
  if (/[\u0600-\u06FF]/u.test(text)) return words.length >= 2 ? 'unique' : 'common';
  if (isAcronym(text)) {
    const letters = acronymLetters(text).replace(/\d/g, '');
    if (letters.length <= 3) return 'ambiguous';
    return cluster.strong.includes('acronym') ? 'unique' : 'common';
  }
  // "Federal Court", "Foreign Ministry", "Green Zone": every country, city or festival has one.
  if (words.length >= 2) return cluster.type !== 'person' && descriptive(words) ? 'common' : 'unique';
  if (form.lowercaseSeen || text.replace(/[^\p{L}]/gu, '').length <= 4) return 'ambiguous';
  return 'common';
}

function canonicalName(occurrences: readonly Occurrence[], person: boolean): string {
  const byKey = new Map<string, { text: string; docs: Set<string>; count: number; words: number; short: boolean; acronym: boolean; given: boolean }>();
  for (const o of occurrences) {
    const f = o.form;
    const e = byKey.get(f.key) ?? { text: f.text, docs: new Set<string>(), count: 0, words: f.text.split(/\s+/).length, short: false, acronym: isAcronym(f.text), given: false };
    e.docs.add(o.doc);
    e.count += f.count;
    e.short ||= f.short === true;
    e.given ||= person && e.words >= 2;
    byKey.set(f.key, e);
  }
  const ranked = [...byKey.values()].sort(
    (a, b) =>
      Number(a.acronym) - Number(b.acronym) ||
      Number(a.short) - Number(b.short) ||
      Number(b.given) - Number(a.given) ||
      b.docs.size - a.docs.size ||
      b.words - a.words ||
      b.count - a.count ||
      a.text.localeCompare(b.text),
  );
  return ranked[0]?.text ?? '';
}

function slug(text: string): string {
  return (
    foldedKey(text)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'name'
  );
}

export { LEARNED_PREFIX } from './ids';

/** Give each cluster an id: the one most of its forms had, else a new one from its name. */
function assignIds(clusters: Cluster[], ids: Record<string, string>): Record<string, string> {
  const taken = new Set<string>();
  const next: Record<string, string> = {};
  const weight = new Map(clusters.map((c) => [c, c.occurrences.reduce((n, o) => n + o.form.count, 0)]));
  const order = [...clusters].sort((a, b) => weight.get(b)! - weight.get(a)!);
  for (const cl of order) {
    if (cl.known) {
      cl.id = cl.known;
    } else {
      const votes = new Map<string, number>();
      for (const o of cl.occurrences) {
        const id = ids[o.form.key];
        if (id && !taken.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
      }
      const reused = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      let id = reused ?? `${LEARNED_PREFIX}${slug(cl.name)}`;
      for (let n = 2; taken.has(id); n++) id = `${LEARNED_PREFIX}${slug(cl.name)}-${n}`;
      cl.id = id;
    }
    taken.add(cl.id);
    for (const o of cl.occurrences) next[o.form.key] = cl.id;
  }
  // Keys no longer in any document keep their id, so a document removed and added again finds it.
  for (const [key, id] of Object.entries(ids)) if (!(key in next)) next[key] = id;
  return next;
}

const MAX_BACKGROUND = 3;

/** Named once with no cue, but plainly a name: counts only where the page bears it out (`ONCE_REASON`). */
const ONCE_REASON = 'named in one document: marked where the page also names other things your documents do';

function activation(cl: Cluster, docs: number, strong: readonly StrongCue[], type: LearnedType, forms: readonly string[]): { active: boolean; reason: string; once?: true } {
  if (cl.rejected) return { active: false, reason: 'rejected by you' };
  if (cl.ambiguousSurname) return { active: false, reason: 'a surname several people share: not marked alone' };
  if (cl.edited) return { active: true, reason: 'confirmed by your edit' };
  // A word no cue types ("West") needs more documents before it is believed to be a name.
  if (docs >= 2 && (type !== 'other' || docs >= 3)) return { active: true, reason: `named in ${docs} documents` };
  if (strong.length) return { active: true, reason: `named once, with a clear cue (${strong.join(', ')})` };
  if (docs === 1 && type !== 'other' && readsAsName(forms, type)) return { active: true, reason: ONCE_REASON, once: true };
  return { active: false, reason: docs >= 2 ? `named in ${docs} documents, but nothing says what it is` : 'named in one document only' };
}

/**
 * A name one document gives without a cue that still reads as nothing but a name: a person's
 * full name, or a body's or place's name, none of whose words is an ordinary English word or a
 * listed place ("Saddam Hussein", "Pentagon"; not "Great Trap", "Security", "Syria Engagement").
 * The page it is met on is then its second document, and must name other things the documents do.
 */
function readsAsName(forms: readonly string[], type: LearnedType): boolean {
  const latin = forms.filter((f) => !/[\u0600-\u06FF]/u.test(f) && !isAcronym(f));
  if (!latin.length) return false;
  const words = latin.flatMap((f) => f.split(/[\s-‐]+/)).filter((w) => w && !CONNECTORS.has(w.toLowerCase()) && !NAME_PARTICLES.has(w.toLowerCase()));
  if (words.some((w) => isOrdinaryWord(w) || listedPlace(w) !== undefined)) return false;
  return type !== 'person' || latin.some((f) => f.split(/\s+/).length >= 2);
}

/** One step less specific: what a name named once needs from the page. */
function onceSpecificity(s: Specificity): Specificity {
  return s === 'unique' ? 'common' : 'ambiguous';
}

export interface Resolution {
  entities: LearnedEntity[];
  /** The state with the ids given out this time, to store. */
  state: NameState;
}

/** Learned entities from the state (see the module comment). */
export function resolve(state: NameState, known: KnownIndex): Resolution {
  const rejected = new Set(state.edits.flatMap((e) => (e.kind === 'reject' ? e.entity.keys : [])));
  const locals: Local[] = [];
  for (const d of state.docs) {
    for (const name of d.names) {
      const forms = name.forms.filter((f) => !rejected.has(f.key) && !(f.short && name.person && otherCuratedPerson(f.key, name.person, known)));
      if (!forms.length) continue;
      const trimmed: DocName = forms.length === name.forms.length ? name : { ...name, forms };
      const local: Local = { doc: d.doc, name: trimmed, index: locals.length, ...(trimmed.person ? { person: trimmed.person } : {}) };
      const k = knownOf(local, known);
      if (k) local.known = k;
      locals.push(local);
    }
  }
  const groups = cluster(locals);
  let clusters: Cluster[] = groups.map((members) => {
    const knownVotes = new Map<string, number>();
    for (const m of members) if (m.known) knownVotes.set(m.known, (knownVotes.get(m.known) ?? 0) + 1);
    const knownId = [...knownVotes].sort((a, b) => b[1] - a[1])[0]?.[0];
    const occurrences: Occurrence[] = members.flatMap((m) => m.name.forms.map((form) => ({ doc: m.doc, form, name: m.name })));
    const person = members.some((m) => m.person);
    return {
      id: '',
      occurrences,
      name: knownId ? known.entities.get(knownId)!.name : canonicalName(occurrences, person),
      ...(knownId ? { known: knownId } : {}),
    };
  });
  // Several people with this surname and no given name to tell: not an entity on its own.
  const peopleBySound = new Map<string, { cluster: Cluster; surname: string }[]>();
  for (const cl of clusters) {
    const surnames = new Set(cl.occurrences.flatMap((o) => (o.name.person ? [o.name.person.surname] : [])));
    for (const surname of surnames) for (const s of surnameSounds(surname)) push(peopleBySound, s, { cluster: cl, surname });
  }
  for (const cl of clusters) {
    if (cl.known || cl.occurrences.some((o) => o.name.person)) continue;
    if (!cl.occurrences.every((o) => !/\s/.test(o.form.text.trim()))) continue;
    const owners = new Set<Cluster>();
    for (const text of new Set(cl.occurrences.map((o) => o.form.text))) {
      for (const s of surnameSounds(text)) for (const p of peopleBySound.get(s) ?? []) if (p.cluster !== cl && sameSurname(text, p.surname)) owners.add(p.cluster);
    }
    if (owners.size >= 2) cl.ambiguousSurname = true;
  }
  clusters = applyEdits(clusters, state.edits, (occurrences) => canonicalName(occurrences, occurrences.some((o) => o.name.person)));
  const ids = assignIds(clusters, state.ids);

  const docOrder = new Map(state.docs.map((d, i) => [d.doc, i]));
  const entities = clusters.map((cl): LearnedEntity => {
    const votes: TypeVotes = { person: 0, organization: 0, place: 0, other: 0 };
    const strong = new Set<StrongCue>();
    const forms = new Map<string, LearnedForm & { lowercaseSeen: boolean; docSet: Set<string> }>();
    const docs = new Set<string>();
    const definitions: { text: string; cite: string; score: number; doc: string }[] = [];
    const counted = new Set<DocName>();
    for (const o of cl.occurrences) {
      docs.add(o.doc);
      if (!counted.has(o.name)) {
        counted.add(o.name);
        for (const t of TYPES) votes[t] += o.name.votes[t];
        for (const s of o.name.strong) strong.add(s);
        for (const d of o.name.definitions) definitions.push({ ...d, doc: o.doc });
      }
      const f = forms.get(o.form.key) ?? { text: o.form.text, key: o.form.key, count: 0, docs: [], specificity: 'unique' as Specificity, lowercaseSeen: false, docSet: new Set<string>() };
      f.count += o.form.count;
      if (!f.docSet.has(o.doc)) {
        f.docSet.add(o.doc);
        f.docs.push(o.doc);
      }
      f.lowercaseSeen ||= o.form.lowercaseSeen === true;
      forms.set(o.form.key, f);
    }
    const knownType = cl.known ? known.entities.get(cl.known)?.type : undefined;
    const type = cl.type ?? (knownType && knownType !== 'event' ? knownType : knownType === 'event' ? 'other' : typeOf(votes));
    const strongList = [...strong].sort();
    const docList = [...docs].sort((a, b) => docOrder.get(a)! - docOrder.get(b)!);
    const formTexts = [...forms.values()].filter((f) => !f.lowercaseSeen).map((f) => f.text);
    const { active, reason, once } = activation(cl, docList.length, strongList, type, [...forms.values()].some((f) => f.lowercaseSeen) ? [] : formTexts);
    const background: Statement[] = [];
    for (const d of definitions.sort((a, b) => b.score - a.score || docOrder.get(a.doc)! - docOrder.get(b.doc)!)) {
      if (background.length >= MAX_BACKGROUND) break;
      if (!background.some((s) => s.text === d.text)) background.push({ text: d.text, cites: [d.cite] });
    }
    return {
      id: cl.id,
      ...(cl.known ? { known: cl.known } : {}),
      name: cl.rename ?? cl.name,
      type,
      forms: [...forms.values()]
        .map(({ lowercaseSeen, docSet: _docSet, ...f }) => {
          const specificity = specificityOf({ text: f.text, lowercaseSeen }, { strong: strongList, type });
          return { ...f, specificity: once ? onceSpecificity(specificity) : specificity };
        })
        .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
      docs: docList,
      mentions: [...forms.values()].reduce((n, f) => n + f.count, 0),
      active,
      reason,
      strong: strongList,
      background,
      ...(cl.edited ? { edited: true as const } : {}),
      ...(cl.rejected ? { rejected: true as const } : {}),
    };
  });
  entities.sort((a, b) => Number(b.active) - Number(a.active) || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { entities, state: { ...state, ids } };
}

/** A reference to an entity for an edit: its id and every form's key. */
export function refOf(entity: LearnedEntity): EntityRef {
  return { id: entity.id, keys: entity.forms.map((f) => f.key) };
}
