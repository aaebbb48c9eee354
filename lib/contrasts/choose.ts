/**
 * Accounts differ: per entity, the accounts from different perspectives that are most opposed,
 * in stance toward the entity or in how they characterise it. The merge half of finding
 * contrasts: it reads only the per-document account readings (lib/accounts/account.ts), so
 * when a document is added or removed only the entities it mentions are recomputed, cheaply.
 * A pair from the same perspective is never a contrast, nor one with an unlabelled outlet (its
 * perspective is unknown). DOM-free.
 */
import type { AccountReading, PassageReading } from '../accounts/account';
import type { Contrast } from '../kb/types';
import type { AutoContrast, AutoPosition, Blame } from './types';

export interface ContrastEntity {
  id: string;
  /** The name the topic template uses: "How outlets describe the Popular Mobilization Units". */
  name: string;
}

export interface ChooseOptions {
  /** How many automatic contrasts to keep per entity (the card shows one or two). */
  max?: number;
  /** Curated contrasts of the entity: they come first, and an automatic one between the same documents is left out. */
  curated?: readonly Contrast[];
  /**
   * Other entities' accounts in the documents that mention this one, with their names: where one
   * document ties this entity to violence and another blames someone else for it, the two are set
   * against each other ("Who is behind the violence: ISIS or Iran-backed militias?").
   */
  others?: readonly AccountReading[];
  nameOf?: (entity: string) => string | undefined;
}

/** Two accounts this close in stance, with nothing characterising one of them, do not "differ". */
export const MIN_STANCE_GAP = 0.3;
const PHRASE_BONUS = 0.15;
const TOPIC_BONUS = 0.4;
/** A second contrast that reuses a document of the first is worth less: the card should show other voices. */
const REUSE_PENALTY = 0.85;

export const DEFAULT_MAX_CONTRASTS = 2;

export function contrastId(entity: string, docA: string, docB: string): string {
  const [a, b] = [docA, docB].sort();
  return `auto-contrast:${entity}:${a}+${b}`;
}

export function topicFor(entity: ContrastEntity): string {
  return `How outlets describe ${entity.name}`;
}

interface Candidate {
  a: AccountReading;
  b: AccountReading;
  p: PassageReading;
  q: PassageReading;
  score: number;
  /** Both passages answer one question of the entity's aims: what it wants, what it is for. */
  question?: 'wants' | 'purpose';
  /** A contrast of whom the two blame: `a` ties the entity to violence, `b` blames another entity (its account). */
  blame?: { topic: string; p: Blame; q: Blame };
}

/** The automatic contrasts of one entity, strongest first. */
export function chooseContrasts(entity: ContrastEntity, readings: readonly AccountReading[], options: ChooseOptions = {}): AutoContrast[] {
  const max = options.max ?? DEFAULT_MAX_CONTRASTS;
  const curatedPairs = new Set(
    (options.curated ?? []).flatMap((c) => c.positions.flatMap((p, i) => c.positions.slice(i + 1).map((q) => [p.doc, q.doc].sort().join('+')))),
  );
  const labelled = shortlist(readings.filter((r) => r.perspective !== null && r.entity === entity.id));
  const candidates: Candidate[] = [];
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      const a = labelled[i]!;
      const b = labelled[j]!;
      if (a.perspective === b.perspective || a.doc === b.doc) continue;
      if (curatedPairs.has([a.doc, b.doc].sort().join('+'))) continue;
      const best = bestPair(entity, a, b);
      if (best) candidates.push(best);
    }
  }
  // One candidate per pair of documents (the id is the pair's): the stronger reading of the two.
  for (const c of blameCandidates(entity, labelled, options)) {
    if (curatedPairs.has(key(c))) continue;
    const same = candidates.findIndex((x) => key(x) === key(c));
    if (same < 0) candidates.push(c);
    else if (candidates[same]!.score < c.score) candidates[same] = c;
  }
  candidates.sort((x, y) => y.score - x.score || key(x).localeCompare(key(y)));
  const chosen: Candidate[] = [];
  const pool = [...candidates];
  while (chosen.length < max && pool.length) {
    // Greedy, with the reuse penalty applied against what is already chosen.
    const scored = pool.map((c) => ({ c, s: c.score * (chosen.some((k) => sharesDoc(k, c)) ? REUSE_PENALTY : 1) }));
    scored.sort((x, y) => y.s - x.s || key(x.c).localeCompare(key(y.c)));
    const pick = scored[0]!.c;
    chosen.push(pick);
    pool.splice(pool.indexOf(pick), 1);
  }
  return chosen.map((c) => toContrast(entity, c));
}

/** Per perspective, the accounts that can take part in the most opposed pairs: a corpus of thousands of documents stays a few dozen pairs. */
export const ACCOUNTS_PER_SIDE = 3;
/** Per account, the passages that can: the most decided and the characterising ones. */
export const PASSAGES_PER_ACCOUNT = 4;

function shortlist(readings: readonly AccountReading[]): AccountReading[] {
  const byPerspective = new Map<string, AccountReading[]>();
  for (const r of readings) byPerspective.set(r.perspective!, [...(byPerspective.get(r.perspective!) ?? []), r]);
  const out: AccountReading[] = [];
  for (const list of byPerspective.values()) {
    const extreme = (sign: number) => [...list].sort((a, b) => sign * (a.lead.stance - b.lead.stance) || a.doc.localeCompare(b.doc)).slice(0, ACCOUNTS_PER_SIDE);
    for (const r of new Set([...extreme(1), ...extreme(-1)])) {
      const passages = r.passages
        .filter((p) => !p.setting)
        // Ranked as a pair scores them: how decided, and whether it says what the entity is (or is for).
        .sort((a, b) => promise(b) - promise(a))
        .slice(0, PASSAGES_PER_ACCOUNT);
      if (passages.length) out.push({ ...r, passages });
    }
  }
  return out.sort((a, b) => a.doc.localeCompare(b.doc));
}

function promise(p: PassageReading): number {
  return Math.abs(p.stance) + (describes(p) ? PHRASE_BONUS : 0) + (p.phrase && AIMS.has(p.phrase.kind) ? QUESTION_BONUS : 0);
}

function key(c: Candidate): string {
  return [c.a.doc, c.b.doc].sort().join('+');
}

function sharesDoc(x: Candidate, y: Candidate): boolean {
  return x.a.doc === y.a.doc || x.a.doc === y.b.doc || x.b.doc === y.a.doc || x.b.doc === y.b.doc;
}

/** The most opposed passages of two accounts, if they differ enough to be worth a contrast. */
function bestPair(entity: ContrastEntity, a: AccountReading, b: AccountReading): Candidate | null {
  let best: Candidate | null = null;
  for (const p of a.passages) {
    for (const q of b.passages) {
      const gap = Math.abs(p.stance - q.stance);
      const characterised = (describes(p) ? 1 : 0) + (describes(q) ? 1 : 0);
      // Without a stance gap, only two characterisations can differ.
      if (gap < MIN_STANCE_GAP && characterised < 2) continue;
      const question = sameQuestion(p, q);
      const score = gap + PHRASE_BONUS * characterised + (question ? QUESTION_BONUS : 0) + TOPIC_BONUS * topicOverlap(entity, p.quote, q.quote);
      if (!best || score > best.score) best = { a, b, p, q, score, ...(question ? { question } : {}) };
    }
  }
  return best;
}

/** Two accounts of whom to blame are worth about as much as two characterisations. */
const BLAME_BONUS = 0.3;

/**
 * Documents that disagree on who is behind the violence: one blames this entity for it ("terrorist
 * acts directed by Takfiri terrorists"), another that mentions the entity too blames a third
 * ("attacks carried out by pro-Iranian militias") and never this one, while the first neither
 * blames the third nor names it where it blames this one. Each side is the document's first word
 * on it (news states its case up front); the second position is the third entity's account.
 */
function blameCandidates(entity: ContrastEntity, own: readonly AccountReading[], options: ChooseOptions): Candidate[] {
  const nameOf = options.nameOf;
  if (!nameOf || !options.others?.length) return [];
  const blames = (r: AccountReading) => r.passages.some((p) => p.blamed);
  const ownByDoc = new Map(own.map((r) => [r.doc, r]));
  const blamedIn = new Map<string, Set<string>>();
  for (const r of options.others) if (blames(r)) blamedIn.set(r.doc, new Set([...(blamedIn.get(r.doc) ?? []), r.entity]));
  const accused = options.others.filter((r) => r.perspective !== null && r.entity !== entity.id && ownByDoc.has(r.doc) && blames(r) && nameOf(r.entity));
  const out: Candidate[] = [];
  for (const a of own) {
    const p = firstOf(a.passages.filter((x) => x.blamed));
    if (!p) continue;
    for (const b of accused) {
      if (b.doc === a.doc || b.perspective === a.perspective || blames(ownByDoc.get(b.doc)!) || blamedIn.get(a.doc)?.has(b.entity)) continue;
      // The first document names the third where it blames this one: it weighed both, it does not blame the other instead.
      if (options.others.some((r) => r.doc === a.doc && r.entity === b.entity && r.passages.some((x) => x.passage === p.passage))) continue;
      const q = firstOf(b.passages.filter((x) => x.blamed));
      if (!q) continue;
      const name = nameOf(b.entity)!;
      const score = BLAME_BONUS + (Math.abs(p.stance) + Math.abs(q.stance)) / 2 + TOPIC_BONUS * topicOverlap(entity, p.quote, q.quote);
      out.push({
        a,
        b,
        p,
        q,
        score,
        blame: {
          topic: `Who is behind the violence: ${entity.name} or ${name}?`,
          p: { entity: entity.id, name: entity.name },
          q: { entity: b.entity, name },
        },
      });
    }
  }
  return out;
}

/** The passage earliest in the document (ids are `<doc>:<para>:<sentence>`). */
function firstOf(passages: readonly PassageReading[]): PassageReading | undefined {
  const at = (x: PassageReading) => x.passage.split(':').slice(-2).map(Number) as [number, number];
  return passages.reduce<PassageReading | undefined>((best, x) => {
    if (!best) return x;
    const [pa, sa] = at(x);
    const [pb, sb] = at(best);
    return pa < pb || (pa === pb && sa < sb) ? x : best;
  }, undefined);
}

/** Two answers to one question ("what are the talks for?") make the clearest contrast a card can show. */
const QUESTION_BONUS = 0.15;
const AIMS = new Set(['wants', 'purpose']);

function sameQuestion(p: PassageReading, q: PassageReading): 'wants' | 'purpose' | undefined {
  const kind = p.phrase?.kind;
  return kind && kind === q.phrase?.kind && AIMS.has(kind) ? (kind as 'wants' | 'purpose') : undefined;
}

/** The topic for two answers to one question: a template over the entity's name. */
const QUESTIONS = { wants: (name: string) => `What ${name} wants`, purpose: (name: string) => `What ${name} is for` };

/** Phrases that say what the entity is (a title or a bare action does not). */
const DESCRIBING = new Set(['apposition', 'copular', 'named-as', 'role', 'wants', 'purpose', 'modifier']);
const describes = (p: PassageReading) => !!p.phrase && DESCRIBING.has(p.phrase.kind);

const STOP = new Set(
  'the a an of in on at to for from by with and or but as is are was were be been has have had this that these those it its their his her they he she which who whom whose what when where while than then there also not no into over about after before since during between against under more most such only other some any all both each its our we us you your i'.split(' '),
);

function contentWords(text: string, skip: ReadonlySet<string>): Set<string> {
  const words = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => w.length > 2 && !STOP.has(w) && !skip.has(w)).map((w) => w.slice(0, 6)));
}

/** Shared content words, the entity's own name aside: two passages about the same thing. Jaccard, 0 … 1. */
export function topicOverlap(entity: ContrastEntity, a: string, b: string): number {
  const skip = new Set(entity.name.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const x = contentWords(a, skip);
  const y = contentWords(b, skip);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

function position(r: AccountReading, p: PassageReading, blames?: Blame): AutoPosition {
  return {
    doc: r.doc,
    perspective: r.perspective!,
    passage: p.passage,
    quote: p.quote,
    stance: p.stance,
    ...(p.phrase ? { characterisation: p.phrase } : {}),
    ...(blames ? { blames } : {}),
  };
}

function toContrast(entity: ContrastEntity, c: Candidate): AutoContrast {
  const x = position(c.a, c.p, c.blame?.p);
  const y = position(c.b, c.q, c.blame?.q);
  // Whom they blame is the point, not which is more negative: the entity's own account first.
  const positions: [AutoPosition, AutoPosition] = c.blame || x.stance <= y.stance ? [x, y] : [y, x];
  return { id: contrastId(entity.id, c.a.doc, c.b.doc), origin: 'automatic', entity: entity.id, topic: c.blame?.topic ?? (c.question ? QUESTIONS[c.question](entity.name) : topicFor(entity)), positions, strength: c.score };
}
