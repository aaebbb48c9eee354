/**
 * Backstory corpus packs: one versioned JSON file that carries a corpus from one device (or
 * `npm run corpus`) to another. The starter corpus ships as one; "Export" writes one; import
 * reads one. DOM-free.
 *
 * A pack holds its perspectives, sources, curated entities (gazetteer entries), curated
 * contrasts and disagreements, and documents (metadata and paragraphs). Optionally it holds the
 * rows derived from the documents (passages, mentions, fingerprints) stamped with the extraction
 * key they were computed with, so that a device whose builder has the same key installs them as
 * they are; and the reader's decisions that must travel with the documents.
 *
 * `format` and `version` say how to read the file; `packVersion` is the pack's own revision (a
 * higher one replaces an installed older one). Everything is bounded, and a pack must hold
 * together: ids unique, every perspective, document and entity it refers to inside it.
 *
 * `serialisePack` writes a stable text (fixed key order, one list item per line) so that
 * export → import → export gives the same bytes, and a pack diffs well under version control.
 */
import { PHRASE_KINDS } from '../accounts/phrase';
import { ReviewDecisionSchema, type ReviewDecision } from '../contrasts/review';
import type { AutoContrast, AutoDisagreement } from '../contrasts/types';
import * as v from 'valibot';
import { ContrastsFileSchema, type ContrastsFile } from '../kb/contrasts';
import { CITE, GazetteerEntrySchema, KEBAB_ID, PerspectiveSchema } from '../kb/schema';
import type { GazetteerEntry, Passage, Perspective } from '../kb/types';
import { nameEditSchema } from '../names/state';
import type { NameEdit } from '../names/types';
import { sourceSchema, type Source } from '../recognition/sources';
import type { DocumentFingerprint } from '../recognition/types';
import { describeIssue, draftEntries, draftOriginSchema, textWithinLimit, type DocumentDraft } from './draft';
import { MAX_DOCUMENTS_PER_IMPORT, MAX_LABEL_CHARS, MAX_TITLE_CHARS } from './limits';

export const PACK_FORMAT = 'backstory-corpus-pack';
/** The format version this Backstory reads and writes. Bump it when a field changes meaning. */
export const PACK_FORMAT_VERSION = 1;

/** Curated entries: the starter gazetteer has ~130; a newsroom's topic pack might have thousands. */
export const MAX_PACK_ENTITIES = 20_000;
export const MAX_PACK_CONTRASTS = 5_000;
export const MAX_PACK_PERSPECTIVES = 100;
export const MAX_PACK_SOURCES = 5_000;
/** Derived rows: ~60 sentences and ~50 mentions per article at MAX_DOCUMENTS_PER_IMPORT articles. */
export const MAX_PACK_PASSAGES = 1_000_000;
export const MAX_PACK_MENTIONS = 1_000_000;
/** Reader decisions of each kind. */
export const MAX_PACK_DECISIONS = 10_000;

export type CuratedContrast = ContrastsFile['contrasts'][number];
export type CuratedDisagreement = ContrastsFile['disagreements'][number];

/** A document as a pack carries it: a draft's fields with its id, origin optional. */
export interface PackDocument extends Omit<DocumentDraft, 'origin'> {
  id: string;
  origin?: DocumentDraft['origin'];
  /** How the date was worked out, when it is approximate (the seeds'). */
  dateNote?: string;
  /** Why the document has its perspective (the seeds' curated evidence). */
  evidence?: string[];
  /** When it was added to the corpus it was exported from (epoch milliseconds). */
  addedAt?: number;
}

/** One entity's mentions in one document: how many, and its passages ranked. */
export interface PackMention {
  entity: string;
  doc: string;
  count: number;
  /** Passage ids, most characterising first. */
  passages: string[];
}

export interface PackDerived {
  /** Hash of the matcher and the builder version the rows were computed with. */
  extractionKey: string;
  passages: Passage[];
  mentions: PackMention[];
  fingerprints: DocumentFingerprint[];
  /** Contrasts the builder found itself over these documents (lib/kb/automatic-contrasts.ts). */
  automaticContrasts?: AutoContrast[];
  /** Disagreements of fact the builder found itself. */
  automaticDisagreements?: AutoDisagreement[];
}

export interface PackDecisions {
  /** The reader's outlet labels: domain → outlet and perspective (edits of the source registry). */
  outletLabels?: Source[];
  /**
   * The reader's edits of the names learned from the documents (rename, change the type, merge,
   * split a form off, reject), in the order made: applied after every re-learning on the device
   * that imports the pack, so a rejected name stays rejected there too.
   */
  learnedNames?: NameEdit[];
  /** Automatic contrasts and disagreements the reader dismissed or kept (lib/contrasts/review.ts). */
  contrasts?: ReviewDecision[];
}

export interface CorpusPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_FORMAT_VERSION;
  id: string;
  title: string;
  packVersion: number;
  description?: string;
  perspectives: Perspective[];
  sources: Source[];
  entities: GazetteerEntry[];
  contrasts: CuratedContrast[];
  disagreements: CuratedDisagreement[];
  documents: PackDocument[];
  derived?: PackDerived;
  decisions?: PackDecisions;
}

// --- Schema ------------------------------------------------------------------------------------

const id = /* @__NO_SIDE_EFFECTS__ */ (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.maxLength(64, `${what} is longer than 64 characters`), v.regex(KEBAB_ID, `${what} is not an id like "iraq-talks-2020"`));
const list = /* @__NO_SIDE_EFFECTS__ */ <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(v.array(item, 'is not a list'), v.maxLength(max, () => `has more than ${max.toLocaleString('en-US')} ${what}`));

const uint32 = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
/** Hash lists are checked in one loop: a pack of 10k documents holds ~20M of them. */
const hashList = v.custom<number[]>((value) => Array.isArray(value) && value.every(uint32), 'is not a list of shingle hashes');
const hashLists = v.custom<number[][]>(
  (value) => Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(uint32)),
  'is not a list of lists of shingle hashes',
);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const { paragraphs, ...draftMetadata } = draftEntries;
// Metadata first and the text last, so a pack reads (and diffs) document by document.
export const packDocumentSchema = v.pipe(
  v.strictObject({
    id: id('the document id'),
    ...draftMetadata,
    dateNote: v.optional(v.pipe(v.string('the date note must be text'), v.trim(), v.maxLength(1_000))),
    evidence: v.optional(list(v.pipe(v.string('evidence must be text'), v.maxLength(2_000)), 50, 'evidence items')),
    addedAt: v.optional(v.pipe(v.number('addedAt must be a time in milliseconds'), v.integer(), v.minValue(0))),
    origin: v.optional(draftOriginSchema),
    paragraphs,
  }),
  textWithinLimit(),
);

export const packPassageSchema = v.strictObject({
  id: v.pipe(v.string(), v.maxLength(200)),
  doc: id('the document'),
  para: v.pipe(v.number(), v.integer(), v.minValue(1)),
  text: v.pipe(v.string(), v.maxLength(20_000)),
  entities: list(id('an entity'), 1_000, 'entities'),
});

export const packMentionSchema = v.strictObject({
  entity: id('the entity'),
  doc: id('the document'),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  passages: list(v.pipe(v.string(), v.maxLength(200)), 1_000, 'passages'),
});

const passageRef = v.pipe(v.string(), v.maxLength(200));
const quoteText = v.pipe(v.string(), v.maxLength(20_000));
const review = v.optional(v.picklist(['kept', 'dismissed']));

const autoPosition = v.strictObject({
  doc: id('the document'),
  perspective: id('the perspective'),
  passage: passageRef,
  quote: quoteText,
  stance: v.pipe(v.number(), v.minValue(-1), v.maxValue(1)),
  characterisation: v.optional(v.strictObject({ kind: v.picklist(PHRASE_KINDS), text: quoteText })),
  blames: v.optional(v.strictObject({ entity: id('the entity blamed'), name: v.pipe(v.string(), v.maxLength(MAX_LABEL_CHARS)) })),
});

export const packAutoContrastSchema = v.strictObject({
  id: v.pipe(v.string(), v.maxLength(400)),
  origin: v.literal('automatic'),
  entity: id('the entity'),
  topic: v.pipe(v.string(), v.maxLength(MAX_LABEL_CHARS * 10)),
  positions: v.tuple([autoPosition, autoPosition]),
  strength: v.number(),
  review,
});

export const packAutoDisagreementSchema = v.strictObject({
  id: v.pipe(v.string(), v.maxLength(2_000)),
  origin: v.literal('automatic'),
  kind: v.picklist(['date', 'number', 'speaker']),
  question: v.pipe(v.string(), v.maxLength(MAX_LABEL_CHARS * 10)),
  entities: list(id('an entity'), 1_000, 'entities'),
  claims: list(
    v.strictObject({
      doc: id('the document'),
      perspective: v.nullable(id('the perspective')),
      passages: list(passageRef, 100, 'passages'),
      quote: quoteText,
      value: v.pipe(v.string(), v.maxLength(MAX_LABEL_CHARS * 10)),
      normalised: v.pipe(v.string(), v.maxLength(MAX_LABEL_CHARS * 10)),
      source: v.optional(v.pipe(v.string(), v.maxLength(MAX_LABEL_CHARS * 10))),
    }),
    1_000,
    'claims',
  ),
  review,
});

export const packFingerprintSchema = v.strictObject({ doc: id('the document'), title: hashList, paragraphs: hashLists });

/** What a pack says besides its documents and their derived rows: the part installed first. */
const packHeaderEntries = {
  format: v.literal(PACK_FORMAT),
  version: v.literal(PACK_FORMAT_VERSION),
  id: id('the pack id'),
  title: v.pipe(v.string('the title must be text'), v.trim(), v.nonEmpty('the title is empty'), v.maxLength(MAX_TITLE_CHARS)),
  packVersion: v.pipe(v.number('packVersion must be a whole number'), v.integer('packVersion must be a whole number'), v.minValue(1)),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_LABEL_CHARS * 10))),
  perspectives: list(PerspectiveSchema, MAX_PACK_PERSPECTIVES, 'perspectives'),
  sources: list(sourceSchema, MAX_PACK_SOURCES, 'sources'),
  entities: list(GazetteerEntrySchema, MAX_PACK_ENTITIES, 'entities'),
  contrasts: list(ContrastsFileSchema.entries.contrasts.item, MAX_PACK_CONTRASTS, 'contrasts'),
  disagreements: list(ContrastsFileSchema.entries.disagreements.item, MAX_PACK_CONTRASTS, 'disagreements'),
  decisions: v.optional(
    v.strictObject({
      outletLabels: v.optional(list(sourceSchema, MAX_PACK_SOURCES, 'outlet labels')),
      learnedNames: v.optional(list(nameEditSchema, MAX_PACK_DECISIONS, 'decisions')),
      contrasts: v.optional(list(ReviewDecisionSchema, MAX_PACK_DECISIONS, 'decisions')),
    }),
  ),
};

/** Found by the builder over the whole corpus, so they travel with the header, not per document. */
const automaticEntries = {
  automaticContrasts: v.optional(list(packAutoContrastSchema, MAX_PACK_CONTRASTS, 'automatic contrasts')),
  automaticDisagreements: v.optional(list(packAutoDisagreementSchema, MAX_PACK_CONTRASTS, 'automatic disagreements')),
};

const extractionKeySchema = v.pipe(v.string('the extraction key must be text'), v.nonEmpty(), v.maxLength(200));

const packSchema = v.strictObject({
  ...packHeaderEntries,
  documents: list(packDocumentSchema, MAX_DOCUMENTS_PER_IMPORT, 'documents'),
  derived: v.optional(
    v.strictObject({
      extractionKey: extractionKeySchema,
      passages: list(packPassageSchema, MAX_PACK_PASSAGES, 'passages'),
      mentions: list(packMentionSchema, MAX_PACK_MENTIONS, 'mentions'),
      fingerprints: list(packFingerprintSchema, MAX_DOCUMENTS_PER_IMPORT, 'fingerprints'),
      ...automaticEntries,
    }),
  ),
});

/**
 * A pack without its documents, with the extraction key of its derived rows and the automatic
 * contrasts and disagreements if it has any: what
 * an import installs first (perspectives, sources, curated entities and contrasts, decisions),
 * before the documents follow in batches (lib/kb/pack-items.ts splits a pack so).
 */
export const packHeaderSchema = v.strictObject({ ...packHeaderEntries, extractionKey: v.optional(extractionKeySchema), ...automaticEntries });
export type PackHeader = v.InferOutput<typeof packHeaderSchema>;

/** What a pack's header keeps of its derived rows: the extraction key, and what was found over all its documents. */
export function packHeaderDerived(derived: PackDerived): Pick<PackHeader, 'extractionKey' | 'automaticContrasts' | 'automaticDisagreements'> {
  return {
    extractionKey: derived.extractionKey,
    ...(derived.automaticContrasts ? { automaticContrasts: derived.automaticContrasts } : {}),
    ...(derived.automaticDisagreements ? { automaticDisagreements: derived.automaticDisagreements } : {}),
  };
}

/** The schema's output is the pack type: a drift between the two fails the type check. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesType: Same<v.InferOutput<typeof packSchema>, CorpusPack> = true;

// --- Reading -----------------------------------------------------------------------------------

export type PackResult = { ok: true; pack: CorpusPack } | { ok: false; reason: string };

/** Whether JSON text claims to be a pack (so a `.json` file that is not one gets the right message). */
export function isPackValue(value: unknown): boolean {
  return isPlainObject(value) && value['format'] === PACK_FORMAT;
}

/** A pack from its JSON text, or the first problem in it, located (`documents[12].paragraphs …`). */
export function parsePack(text: string): PackResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  return checkPack(value);
}

export function checkPack(value: unknown): PackResult {
  if (!isPackValue(value)) return { ok: false, reason: `not a Backstory corpus pack (no "format": "${PACK_FORMAT}")` };
  const version = (value as Record<string, unknown>)['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'the pack has no format version' };
  }
  if (version > PACK_FORMAT_VERSION) {
    return {
      ok: false,
      reason: `pack version ${version} is newer than this Backstory understands (it reads version ${PACK_FORMAT_VERSION}); update Backstory to import it`,
    };
  }
  const result = v.safeParse(packSchema, value);
  if (!result.success) return { ok: false, reason: describeIssue(result.issues[0]!) };
  const problem = crossReferenceProblem(result.output);
  return problem ? { ok: false, reason: problem } : { ok: true, pack: result.output };
}

function firstDuplicate(ids: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (seen.has(ids[i]!)) return i;
    seen.add(ids[i]!);
  }
  return -1;
}

/** What the schema cannot see: ids unique, and everything referred to inside the pack. */
function crossReferenceProblem(pack: CorpusPack): string | undefined {
  for (const [key, ids] of [
    ['perspectives', pack.perspectives.map((p) => p.id)],
    ['sources', pack.sources.map((s) => s.domain)],
    ['entities', pack.entities.map((e) => e.id)],
    ['contrasts', pack.contrasts.map((c) => c.id)],
    ['disagreements', pack.disagreements.map((d) => d.id)],
    ['documents', pack.documents.map((d) => d.id)],
  ] as const) {
    const at = firstDuplicate(ids);
    if (at >= 0) return `${key}[${at}] repeats the id "${ids[at]}"`;
  }
  const perspectives = new Set(pack.perspectives.map((p) => p.id));
  const documents = new Set(pack.documents.map((d) => d.id));
  const entities = new Set(pack.entities.map((e) => e.id));
  const perspectiveUse = (where: string, perspective: string | undefined) =>
    perspective !== undefined && !perspectives.has(perspective)
      ? `${where} names the perspective "${perspective}", which is not in the pack's perspectives`
      : undefined;
  const documentUse = (where: string, doc: string) =>
    documents.has(doc) ? undefined : `${where} cites the document "${doc}", which is not in this pack`;

  for (const [i, d] of pack.documents.entries()) {
    const problem = perspectiveUse(`documents[${i}]`, d.perspective);
    if (problem) return problem;
  }
  for (const [key, sources] of [['sources', pack.sources], ['decisions.outletLabels', pack.decisions?.outletLabels ?? []]] as const) {
    for (const [i, s] of sources.entries()) {
      const problem = perspectiveUse(`${key}[${i}]`, s.perspective);
      if (problem) return problem;
    }
  }
  for (const [i, entry] of pack.entities.entries()) {
    for (const [j, statement] of entry.background.entries()) {
      for (const [k, cite] of statement.cites.entries()) {
        const problem = documentUse(`entities[${i}].background[${j}].cites[${k}]`, CITE.exec(cite)![1]!);
        if (problem) return problem;
      }
    }
    for (const [j, link] of (entry.links ?? []).entries()) {
      if (!entities.has(link.to)) return `entities[${i}].links[${j}] names the entity "${link.to}", which is not in this pack`;
    }
  }
  for (const [key, items] of [['contrasts', pack.contrasts], ['disagreements', pack.disagreements]] as const) {
    for (const [i, item] of items.entries()) {
      const quotes = 'positions' in item ? item.positions : item.claims;
      for (const [j, q] of quotes.entries()) {
        const problem = documentUse(`${key}[${i}].${'positions' in item ? 'positions' : 'claims'}[${j}]`, q.doc);
        if (problem) return problem;
      }
    }
  }
  if (pack.derived) {
    for (const [key, rows] of [
      ['derived.passages', pack.derived.passages],
      ['derived.mentions', pack.derived.mentions],
      ['derived.fingerprints', pack.derived.fingerprints],
    ] as const) {
      for (const [i, row] of rows.entries()) {
        const problem = documentUse(`${key}[${i}]`, row.doc);
        if (problem) return problem;
      }
    }
    for (const [key, items] of [
      ['derived.automaticContrasts', pack.derived.automaticContrasts ?? []],
      ['derived.automaticDisagreements', pack.derived.automaticDisagreements ?? []],
    ] as const) {
      for (const [i, item] of items.entries()) {
        const named = 'positions' in item ? [item.entity] : item.entities;
        const missing = named.find((e) => !entities.has(e));
        if (missing) return `${key}[${i}] names the entity "${missing}", which is not in this pack`;
        for (const [j, q] of ('positions' in item ? item.positions : item.claims).entries()) {
          const problem = documentUse(`${key}[${i}].${'positions' in item ? 'positions' : 'claims'}[${j}]`, q.doc);
          if (problem) return problem;
        }
      }
    }
  }
  return undefined;
}

// --- Writing -----------------------------------------------------------------------------------

/** The pack's text: validated first (an export never writes a pack that import would refuse). */
export function serialisePack(pack: CorpusPack): string {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error(`Cannot write the corpus pack: ${checked.reason}`);
  const p = checked.pack;
  const fields: [string, string][] = [
    ['format', JSON.stringify(p.format)],
    ['version', JSON.stringify(p.version)],
    ['id', JSON.stringify(p.id)],
    ['title', JSON.stringify(p.title)],
    ['packVersion', JSON.stringify(p.packVersion)],
  ];
  if (p.description !== undefined) fields.push(['description', JSON.stringify(p.description)]);
  fields.push(
    ['perspectives', lines(p.perspectives)],
    ['sources', lines(p.sources)],
    ['entities', lines(p.entities)],
    ['contrasts', lines(p.contrasts)],
    ['disagreements', lines(p.disagreements)],
    ['documents', lines(p.documents)],
  );
  if (p.derived) {
    fields.push([
      'derived',
      object([
        ['extractionKey', JSON.stringify(p.derived.extractionKey)],
        ['passages', lines(p.derived.passages)],
        ['mentions', lines(p.derived.mentions)],
        ['fingerprints', lines(p.derived.fingerprints)],
        ...(['automaticContrasts', 'automaticDisagreements'] as const).flatMap((key): [string, string][] => {
          const items = p.derived?.[key];
          return items ? [[key, lines(items)]] : [];
        }),
      ]),
    ]);
  }
  if (p.decisions) {
    const decisions: [string, string][] = [];
    for (const key of ['outletLabels', 'learnedNames', 'contrasts'] as const) {
      const items = p.decisions[key];
      if (items) decisions.push([key, lines(items)]);
    }
    fields.push(['decisions', object(decisions)]);
  }
  return `${object(fields)}\n`;
}

/** `{` then one `"key": value` per line, then `}`. */
function object(fields: readonly [string, string][]): string {
  if (fields.length === 0) return '{}';
  return `{\n${fields.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(',\n')}\n}`;
}

/** A list with one compact JSON item per line: diffable, and small enough for 10k documents. */
function lines(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
}
