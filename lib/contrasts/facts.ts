/**
 * Disagreements of fact, found automatically: for the same event or claim, documents (or the
 * sources one document quotes) that give different dates, different numbers, or put the same
 * words in different mouths. Like contrasts it comes in two halves: `extractClaims` reads one
 * document (store its output beside the document), `disagreementsFrom` merges the claims of
 * all documents, so adding or removing a document only adds or removes its claims.
 *
 * Two claims are about the same thing when they share an event the knowledge base knows
 * (named, described as "the decision", or named with words in between: "the decision in
 * February to withdraw foreign troops") and at least one word of what happened; or share
 * another entity (not a place) and two such words near the value. A sentence with no date of
 * its own that goes on from the one before ("also demanded") takes that sentence's date.
 * DOM-free.
 */
import { findNames } from '../accounts/mentions';
import { plainWords } from '../kb/validate';
import { datesConflict, datesIn, formatDate, parseIsoDate, type DateValue } from './dates';
import type { AutoClaim, AutoDisagreement, FactKind } from './types';
import type { EntityType } from '../kb/types';

export interface FactDocument {
  id: string;
  /** The document's date, `YYYY[-MM[-DD]]`: what "this month" means. */
  date: string;
  perspective: string | null;
  paragraphs: readonly string[];
}

export interface FactPassage {
  id: string;
  /** 1-based paragraph. */
  para: number;
  text: string;
  /** Entities named or referred to in the passage. */
  entities: readonly string[];
}

export interface FactEntity {
  id: string;
  type: EntityType;
  name: string;
  names: readonly string[];
}

/** A claim as one document makes it: what `extractClaims` returns and the store keeps. */
export interface ClaimRecord extends AutoClaim {
  kind: FactKind;
  entities: string[];
  /** Events among `entities`, with those matched by their names' words in between. */
  events: string[];
  /** Stems of the words around the value: what happened. */
  frame: string[];
  date?: DateValue;
  /** For numbers: the unit's stem ("troop", "kill", "dollar", "percent"). */
  unit?: string;
  /** For speakers: the quotation's first words, folded: the same words quoted twice. */
  quoteKey?: string;
  /** Where the value is in its paragraph, to tell apart the same value read twice. */
  para: number;
  at: number;
}

const STOP = new Set(
  'the a an of in on at to for from by with and or but as is are was were be been has have had this that these those it its their his her they he she which who whom what when where while than then there also not no into over about after before since during between against under more most such only other some any all both each our we us you your i will would could should may might can said says month year day week days months years'.split(' '),
);
/** Titles and generic nouns say who, not what happened. */
const NOT_WHAT = new Set(
  'prime minister president former new leader director head general commander official officials government country state national secretary spokesman chief supreme iraqi iranian american us'.split(' '),
);
const CONTINUES = /^(?:[“"‘']?\s*)(?:the\s+|a\s+|an\s+)?[^.]{0,80}?\b(?:also|then|at the time|that day|the same day|the next day|the following day|subsequently|shortly after)\b/iu;
const FRAME_WINDOW = 8;

const IRREGULAR: Record<string, string> = { began: 'begin', begun: 'begin', held: 'hold', met: 'meet', took: 'take', taken: 'take', led: 'lead', fought: 'fight', won: 'win', lost: 'lose', struck: 'strike' };

function stem(word: string): string {
  const w = IRREGULAR[word] ?? word.replace(/(?:ing|ed|es|s)$/u, '');
  return w.slice(0, 6);
}

function contentStems(text: string, skip: ReadonlySet<string>): string[] {
  return plainWords(text).filter((w) => w.length > 2 && !STOP.has(w) && !NOT_WHAT.has(w) && !/^\d/u.test(w) && !skip.has(w)).map(stem);
}

/** The words of the names of the entities in a passage, events aside: they are who, not what happened. */
function nameWords(entities: readonly string[], byId: ReadonlyMap<string, FactEntity>): Set<string> {
  return new Set(entities.filter((e) => byId.get(e)?.type !== 'event').flatMap((e) => (byId.get(e)?.names ?? []).flatMap((n) => plainWords(n))));
}

/** How far (in words) a date may be from the event it dates. */
const EVENT_REACH = 25;

/** Word offsets where an event is named or referred to in a passage: its names, its names with words in between, its head nouns. */
function eventWordPositions(text: string, words: readonly string[], event: PreparedEvent, heads: ReadonlySet<string>): number[] {
  const tokens = [...text.matchAll(/[\p{L}\p{N}’'-]+/gu)];
  const wordAt = (offset: number) => tokens.findIndex((w) => w.index + w[0].length > offset);
  const out = findNames(text, event.entity.names).map((s) => wordAt(s.start));
  for (const want of event.nameWords) {
    const at = gappedAt(words, want);
    if (at >= 0) out.push(at);
  }
  words.forEach((w, i) => heads.has(w) && out.push(i));
  return out.filter((i) => i >= 0);
}

const prepare = (entity: FactEntity): PreparedEvent => ({ entity, nameWords: entity.names.map((n) => plainWords(n)) });
const prepareds = new WeakMap<ReadonlyMap<string, FactEntity>, PreparedEvent[]>();

/** The events of an entity table with their names' words, read once per table. */
function preparedEvents(entities: ReadonlyMap<string, FactEntity>): PreparedEvent[] {
  let list = prepareds.get(entities);
  if (!list) {
    list = [...entities.values()].filter((e) => e.type === 'event').map(prepare);
    prepareds.set(entities, list);
  }
  return list;
}

interface PreparedEvent {
  entity: FactEntity;
  /** Each name's plain words, read once. */
  nameWords: string[][];
}

/** An event's name with up to `gap` words inserted between its words: "decision in February to withdraw foreign troops". */
export function gappedName(text: string, name: string, gap = 3): boolean {
  return gappedAt(plainWords(text), plainWords(name), gap) >= 0;
}

/** Where in `words` the name's words `want` start, with up to `gap` words inserted; −1 if nowhere. Names of fewer than three words never match so loosely. */
function gappedAt(words: readonly string[], want: readonly string[], gap = 3): number {
  if (want.length < 3) return -1;
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== want[0]) continue;
    let j = i;
    let k = 1;
    let skipped = 0;
    while (k < want.length && j + 1 < words.length) {
      j++;
      if (words[j] === want[k]) k++;
      else if (++skipped > gap) break;
    }
    if (k === want.length) return i;
  }
  return -1;
}

/**
 * Who a paragraph quotes: the source a quotation is attributed to ("According to … the
 * British newspaper “Telegraph”: “…", "Iran’s Kayhan newspaper … wrote:"), inherited by the
 * paragraphs that go on quoting it (they open with a quotation mark).
 */
export function paragraphSources(paragraphs: readonly string[], entityIn: (para: number, text: string) => string | undefined): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let current: string | undefined;
  let quoting = false;
  paragraphs.forEach((p, i) => {
    const opensWithQuote = /^\s*[“"‘']/u.test(p);
    const intro =
      /^(.{0,400}?(?:\baccording to\b|\b(?:wrote|said|added|stated|noted|told|declared|reported)\b)[^:]{0,120}):/iu.exec(p) ??
      /^(.{0,200}?\b(?:wrote|said|added|stated|noted|told|declared|reported)\b[^“"]{0,40}),\s*[“"‘]/iu.exec(p);
    if (intro) {
      current = entityIn(i + 1, intro[1]!) ?? lastCapitalised(intro[1]!);
      quoting = true;
    } else if (!(opensWithQuote && quoting)) {
      current = undefined;
      quoting = false;
    }
    out.push(quoting ? current : undefined);
  });
  return out;
}

function lastCapitalised(text: string): string | undefined {
  const runs = [...text.matchAll(/[“"]?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)[”"]?/gu)].map((m) => m[1]!);
  // "Iran’s Kayhan": the possessor is not the speaker.
  const last = runs.filter((r) => !/^(?:According|The|In|On|At|A|An)$/u.test(r)).pop();
  return last?.replace(/^(?:\p{Lu}[\p{L}-]*['’]s\s+)+/u, '');
}

const NUMBER = /(?<![\p{L}\d.,])(\$\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion|thousand))?(?:\s*(%|percent|per cent))?/gu;
const UNITS = /^(?:troop|soldier|force|fighter|member|people|civilian|protester|kill|dead|death|wound|injur|casualt|attack|rocket|missile|drone|dollar|billion|million|percent|infection|case|seat|vote|prisoner|refugee)/u;

export function extractClaims(
  doc: FactDocument,
  passages: readonly FactPassage[],
  entities: ReadonlyMap<string, FactEntity>,
  headsOf: (entity: string) => ReadonlySet<string> = () => new Set(),
): ClaimRecord[] {
  const docDate = parseIsoDate(doc.date);
  const prepared = preparedEvents(entities);
  const preparedById = new Map(prepared.map((e) => [e.entity.id, e]));
  const claims: ClaimRecord[] = [];
  const sources = paragraphSources(doc.paragraphs, (para, text) => {
    const named = passages.filter((p) => p.para === para).flatMap((p) => p.entities);
    let best: { at: number; name: string } | undefined;
    for (const id of new Set(named)) {
      const e = entities.get(id);
      if (!e || e.type === 'place' || e.type === 'event') continue;
      for (const span of findNames(text, e.names)) {
        if (/^['’]s\b/u.test(text.slice(span.end))) continue; // "Iran’s Kayhan": the possessor is not the speaker
        if (!best || span.start < best.at) best = { at: span.start, name: e.name };
      }
    }
    return best?.name;
  });
  const seen = new Set<string>();
  let previousDates: { para: number; dates: ReturnType<typeof datesIn>; passage: FactPassage } | undefined;
  for (const passage of passages) {
    const paragraph = doc.paragraphs[passage.para - 1] ?? '';
    const base = paragraph.indexOf(passage.text);
    const words = plainWords(passage.text);
    const events = [
      ...new Set([
        ...passage.entities.filter((e) => entities.get(e)?.type === 'event'),
        ...prepared.filter((e) => e.nameWords.some((want) => gappedAt(words, want) >= 0)).map((e) => e.entity.id),
      ]),
    ];
    const involved = [...new Set([...passage.entities, ...events])];
    const skip = nameWords(involved, entities);
    const source = sources[passage.para - 1];
    const record = (kind: FactKind, at: number, value: string, normalised: string, frame: string[], extra: Partial<ClaimRecord>, quoted: FactPassage[]) => {
      const key = `${kind}:${passage.para}:${base + at}:${normalised}`;
      if (seen.has(key)) return;
      seen.add(key);
      claims.push({
        doc: doc.id,
        perspective: doc.perspective,
        passages: quoted.map((q) => q.id),
        quote: quoted.map((q) => q.text).join(' '),
        value,
        normalised,
        ...(source ? { source } : {}),
        kind,
        entities: involved,
        events,
        frame: [...new Set(frame)],
        para: passage.para,
        at: base + at,
        ...extra,
      });
    };
    const dates = datesIn(passage.text, docDate);
    const eventWords = new Map(events.map((e) => [e, eventWordPositions(passage.text, words, preparedById.get(e) ?? prepare(entities.get(e)!), headsOf(e))]));
    const wordIndex = (offset: number) => passage.text.slice(0, offset).split(/\s+/u).filter(Boolean).length;
    for (const d of dates) {
      // "earlier this month" in a quoted article means that article's month, which the document does not give.
      if (d.relative && source) continue;
      const frame = contentStems(window(passage.text, d.start, d.end), skip);
      // A date dates the events near it: "a rocket attack … in March" is not the date of a killing named later on.
      const near = events.filter((e) => eventWords.get(e)!.some((w) => Math.abs(w - wordIndex(d.start)) <= EVENT_REACH));
      record('date', d.start, d.text, formatDate(d.value), frame, { date: d.value, events: near }, [passage]);
    }
    // "The pro-Iranian bloc in Iraq’s parliament also demanded …": the date of the sentence before.
    if (dates.length === 0 && previousDates?.para === passage.para && previousDates.dates.length === 1 && CONTINUES.test(passage.text)) {
      const d = previousDates.dates[0]!;
      record('date', -1, d.text, formatDate(d.value), contentStems(passage.text, skip), { date: d.value }, [previousDates.passage, passage]);
    }
    previousDates = { para: passage.para, dates, passage };
    // Who said it: a quotation of some length, and whom the document puts it to.
    for (const q of passage.text.matchAll(/[“"]([^”"]{30,})[”"]/gu)) {
      const words = plainWords(q[1]!);
      if (words.length < 6) continue;
      const outside = passage.text.slice(0, q.index) + ' '.repeat(q[0].length) + passage.text.slice(q.index + q[0].length);
      const speaker = source ?? speakerIn(outside, passage.entities, entities);
      if (!speaker) continue;
      record('speaker', q.index, speaker, speaker.toLowerCase(), [], { quoteKey: words.slice(0, 8).join(' ') }, [passage]);
    }
    for (const m of passage.text.matchAll(NUMBER)) {
      const after = plainWords(passage.text.slice(m.index + m[0].length, m.index + m[0].length + 60)).slice(0, 4);
      const unit = m[4] ? 'percent' : m[1] ? 'dollar' : after.map(stem).find((w) => UNITS.test(w));
      if (!unit || /^(?:19|20)\d\d$/u.test(m[2]!)) continue;
      const scale = m[3] ? { million: 1e6, billion: 1e9, thousand: 1e3 }[m[3].trim().toLowerCase() as 'million'] : 1;
      const value = parseFloat(m[2]!.replace(/,/gu, '')) * scale;
      const frame = contentStems(window(passage.text, m.index, m.index + m[0].length), skip);
      record('number', m.index, m[0].trim(), String(value), frame, { unit }, [passage]);
    }
  }
  return claims;
}

function window(text: string, start: number, end: number): string {
  const before = text.slice(0, start).split(/\s+/u).slice(-FRAME_WINDOW).join(' ');
  const after = text.slice(end).split(/\s+/u).slice(0, FRAME_WINDOW).join(' ');
  return `${before} ${after}`;
}

const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).length;

/** The person or organisation a sentence has say something: the one named nearest before a saying verb. */
function speakerIn(text: string, named: readonly string[], entities: ReadonlyMap<string, FactEntity>): string | undefined {
  const verb = /\b(?:said|says|declared|stated|wrote|added|told|announced|stressed|warned|insisted)\b/u.exec(text);
  if (!verb) return undefined;
  let best: { at: number; name: string } | undefined;
  for (const id of named) {
    const e = entities.get(id);
    if (!e || e.type === 'place' || e.type === 'event') continue;
    for (const span of findNames(text, e.names)) {
      const distance = Math.abs(span.start - verb.index);
      if (distance < 80 && (!best || distance < best.at)) best = { at: distance, name: e.name };
    }
  }
  return best?.name;
}

/** The claims are about the same event or thing (see the file comment). */
function sameThing(a: ClaimRecord, b: ClaimRecord, entities: ReadonlyMap<string, FactEntity>): string | undefined {
  if (a.kind === 'speaker') return a.quoteKey && a.quoteKey === b.quoteKey ? `quote-${a.quoteKey.split(' ').slice(0, 4).join('-')}` : undefined;
  const event = a.events.find((e) => b.events.includes(e));
  if (event && shared(a.frame, b.frame) >= 1) return event;
  const common = a.entities.filter((e) => b.entities.includes(e) && entities.get(e)?.type !== 'place');
  if (common.length && shared(a.frame, b.frame) >= 2) return common[0];
  return undefined;
}

function conflict(a: ClaimRecord, b: ClaimRecord): boolean {
  if (a.kind !== b.kind) return false;
  // Who said it is a matter between documents; otherwise one document's own voice cannot disagree with itself.
  if (a.doc === b.doc && (a.kind === 'speaker' || (a.source ?? '') === (b.source ?? ''))) return false;
  if (a.para === b.para && a.passages.some((p) => b.passages.includes(p))) return false;
  if (a.kind === 'date') return !!a.date && !!b.date && datesConflict(a.date, b.date);
  if (a.kind === 'number') {
    if (a.unit !== b.unit) return false;
    const x = Number(a.normalised);
    const y = Number(b.normalised);
    return Math.abs(x - y) > 0.1 * Math.max(x, y);
  }
  return a.normalised !== b.normalised;
}

export function disagreementId(kind: FactKind, key: string, docs: readonly string[]): string {
  return `auto-fact:${kind}:${key}:${[...new Set(docs)].sort().join('+')}`;
}

const QUESTION: Record<FactKind, string> = {
  date: 'Documents give different dates',
  number: 'Documents give different numbers',
  speaker: 'Documents put these words in different mouths',
};

/** Every disagreement among the claims: claims about one thing, grouped, where two of them conflict. */
export function disagreementsFrom(claims: readonly ClaimRecord[], entities: ReadonlyMap<string, FactEntity>): AutoDisagreement[] {
  const out: AutoDisagreement[] = [];
  const groups = new Map<string, { kind: FactKind; key: string; members: Set<number> }>();
  // Only claims that share an entity, an event or a quotation can be about the same thing: compare within those buckets.
  const buckets = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const keys = c.kind === 'speaker' ? [`q:${c.quoteKey}`] : [...c.events, ...c.entities.filter((e) => entities.get(e)?.type !== 'place')];
    for (const k of new Set(keys)) buckets.set(`${c.kind}|${k}`, [...(buckets.get(`${c.kind}|${k}`) ?? []), i]);
  });
  const compared = new Set<string>();
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        if (compared.has(`${i}|${j}`)) continue;
        compared.add(`${i}|${j}`);
        const a = claims[i]!;
        const b = claims[j]!;
        if (!conflict(a, b)) continue;
        const key = sameThing(a, b, entities);
        if (!key) continue;
        const id = `${a.kind}|${key}`;
        const group = groups.get(id) ?? { kind: a.kind, key, members: new Set<number>() };
        group.members.add(i).add(j);
        groups.set(id, group);
      }
    }
  }
  for (const { kind, key, members } of groups.values()) {
    const list = [...members].map((i) => claims[i]!).sort((x, y) => x.doc.localeCompare(y.doc) || x.para - y.para || x.at - y.at);
    const name = kind === 'speaker' ? `“${list[0]!.quoteKey}…”` : (entities.get(key)?.name ?? key);
    out.push({
      id: disagreementId(kind, key, list.map((c) => c.doc)),
      origin: 'automatic',
      kind,
      question: `${QUESTION[kind]}: ${name}`,
      entities: [...new Set([...(kind === 'speaker' ? [] : [key]), ...list.flatMap((c) => (kind === 'speaker' ? c.entities : c.events))])].filter((e) => entities.has(e)),
      claims: list.map(({ doc, perspective, passages, quote, value, normalised, source }) => ({ doc, perspective, passages, quote, value, normalised, ...(source ? { source } : {}) })),
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
