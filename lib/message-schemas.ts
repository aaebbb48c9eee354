/**
 * The shapes of what Backstory's messages carry (`lib/messages.ts` says which message carries
 * which), as valibot schemas, with the TypeScript types inferred from them. Where the engine or
 * the knowledge base already declares a type (MatcherData, Statement, Source), the schema is
 * checked against that type instead, so the two cannot drift apart.
 *
 * What a page or a content script sends is bounded (strings, lists, ids) so that nothing it
 * sends can fill storage or the popup; objects are strict (no extra keys) everywhere.
 */
import * as v from 'valibot';
import type { MatcherData, TokenGateData } from './engine/types';
import { highlightRowSchema, MAX_IMPORT_CHARS } from './highlights/json';
import type { EntityType, EventDate, Statement } from './kb/types';
import { readerSourcesSchema, sourceSchema, type ReaderSources, type Source } from './recognition/sources';
import type { HighlightRow } from './storage/types';
import { MAX_PAGE_SHINGLES } from './recognition/shingles';
import { documentDraftSchema } from './corpus/draft';
import { itemChars } from './kb/import-items';
import { MAX_IMPORT_BATCH_CHARS, MAX_IMPORT_BATCH_ITEMS, MAX_LABEL_CHARS } from './corpus/limits';
import { packDocumentSchema, packFingerprintSchema, packHeaderSchema, packMentionSchema, packPassageSchema } from './corpus/pack';


// --- Building blocks -----------------------------------------------------------------------

/** Entity ids are short slugs; the bound and the character set keep junk out of storage. */
export const entityId = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\p{L}\p{N}._:-]+$/u));

/** Long enough for any real page URL (browsers cap near 2 MB, but pages with 8 kB URLs are rare). */
export const pageUrl = v.pipe(v.string(), v.maxLength(8192), v.url(), v.regex(/^https?:/i));

/** Document ids are kebab-case; passages are "<doc>:<para>:<sentence>". */
export const docId = v.pipe(v.string(), v.maxLength(128), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
export const passageId = v.pipe(v.string(), v.maxLength(160), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*:[1-9]\d{0,4}:\d{1,4}$/));

/** A host name as `URL.hostname` gives it: letters, digits, dots, dashes; IPv6 in brackets. */
export const hostName = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^(?:[\p{L}\p{N}._-]+|\[[0-9a-f:.]+\])$/iu));

export const highlightId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
export const noteText = v.pipe(v.string(), v.maxLength(20_000));
const tag = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const entityType = v.picklist(['person', 'organization', 'place', 'event']);

/** A message with nothing to say. */
export const noData = v.strictObject({});
/** "Done" or "not done" (nothing found, nothing to do). */
export const okReply = v.strictObject({ ok: v.boolean() });
/** "Done", always. */
export const doneReply = v.strictObject({ ok: v.literal(true) });

// --- Settings --------------------------------------------------------------------------------

/** More names than a knowledge base could hold. */
const MAX_SUPPRESSED = 10_000;

/** One site's share of the reader's settings. */
export const siteSettingsSchema = v.strictObject({
  /** Spotting paused everywhere or disabled on this site. */
  enabled: v.boolean(),
  /** Entity ids the reader marked "not this" on this site. */
  suppressed: v.pipe(v.array(entityId), v.maxLength(MAX_SUPPRESSED)),
});
export type SiteSettings = v.InferOutput<typeof siteSettingsSchema>;

/** All of the reader's settings (the popup's Settings view); `SiteSettings` is one site's share. */
export const readerSettingsSchema = v.strictObject({
  paused: v.boolean(),
  /** Host names where spotting is off. */
  disabledSites: v.array(v.string()),
  /** Host name → entity ids marked "not this" there. */
  suppressed: v.record(v.string(), v.array(v.string())),
});
export type ReaderSettings = v.InferOutput<typeof readerSettingsSchema>;

// --- The matcher (the content script's dictionary) ---------------------------------------------

const matcherEntitySchema = v.strictObject({
  id: v.string(),
  name: v.string(),
  type: entityType,
  blocker: v.optional(v.literal(true)),
  topic: v.optional(v.literal(true)),
  country: v.optional(v.number()),
});

const matcherEventCueSchema = v.strictObject({
  event: v.number(),
  trigger: v.string(),
  participants: v.optional(v.array(v.number())),
  words: v.optional(v.string()),
  also: v.optional(v.array(v.number())),
  alsoWords: v.optional(v.string()),
  years: v.optional(v.tuple([v.number(), v.number()])),
});

const matcherCountrySchema = v.strictObject({
  place: v.optional(v.number()),
  words: v.array(v.string()),
});

const matcherInstitutionNounSchema = v.strictObject({
  entity: v.number(),
  nouns: v.array(v.string()),
  caseSensitive: v.optional(v.boolean()),
  strict: v.optional(v.boolean()),
  country: v.optional(v.number()),
  sentenceRivals: v.optional(v.boolean()),
  hosts: v.optional(v.array(v.number())),
  sentenceAllows: v.optional(v.array(v.number())),
  needs: v.array(v.number()),
  at: v.optional(v.array(v.string())),
  notWords: v.optional(v.string()),
  modifierOf: v.optional(v.string()),
  namedAs: v.optional(v.array(v.strictObject({ words: v.string(), needs: v.array(v.number()) }))),
});

export const matcherDataSchema = v.strictObject({
  format: v.number(),
  kbVersion: v.string(),
  entities: v.array(matcherEntitySchema),
  automaton: v.string(),
  eventCues: v.optional(v.array(matcherEventCueSchema)),
  countries: v.optional(v.array(matcherCountrySchema)),
  institutionNouns: v.optional(v.array(matcherInstitutionNounSchema)),
});

export const tokenGateSchema = v.strictObject({
  format: v.number(),
  classRuns: v.string(),
  words: v.string(),
  always: v.optional(v.literal(true)),
  cueWords: v.optional(v.array(v.string())),
});

// --- The hover card ---------------------------------------------------------------------------

const perspectiveLabel = v.strictObject({ id: v.string(), label: v.string() });

const statementSchema = v.strictObject({ text: v.string(), cites: v.array(v.string()) });

const eventDateSchema = v.strictObject({
  start: v.string(),
  end: v.optional(v.string()),
  note: v.optional(v.string()),
});

const cardAccountEntries = {
  doc: v.string(),
  title: v.string(),
  outlet: v.string(),
  perspective: perspectiveLabel,
  /** The passage, as text. */
  quote: v.string(),
  passage: v.string(),
  /** The document reader at that passage. */
  readerUrl: v.string(),
};
export const cardAccountSchema = v.strictObject(cardAccountEntries);
export type CardAccount = v.InferOutput<typeof cardAccountSchema>;

/**
 * One perspective's position on a topic: an account plus the position in a few words (the
 * curator's; for an automatic contrast, its stance toward the entity and what characterises it).
 */
const cardPositionSchema = v.strictObject({
  ...cardAccountEntries,
  stance: v.string(),
  /** Automatic contrasts: the passage's own words that characterise the entity. */
  characterisation: v.optional(v.string()),
});
export type CardPosition = v.InferOutput<typeof cardPositionSchema>;

/** Curated by hand, or found automatically (then not reviewed unless the reader kept it). */
const originEntries = {
  origin: v.optional(v.picklist(['curated', 'automatic'])),
  review: v.optional(v.literal('kept')),
};

const cardContrastSchema = v.strictObject({ id: v.string(), topic: v.string(), positions: v.array(cardPositionSchema), ...originEntries });
export type CardContrast = v.InferOutput<typeof cardContrastSchema>;

/** One document's version of a disputed fact. */
const cardClaimSchema = v.strictObject({ ...cardAccountEntries, claim: v.string() });
export type CardClaim = v.InferOutput<typeof cardClaimSchema>;

const cardDisagreementSchema = v.strictObject({
  id: v.string(),
  question: v.string(),
  note: v.optional(v.string()),
  claims: v.array(cardClaimSchema),
  ...originEntries,
});
export type CardDisagreement = v.InferOutput<typeof cardDisagreementSchema>;

/** The page the reader is on, as one account among the corpus's. */
export const thisPageSchema = v.strictObject({
  /**
   * `document`: the page is a corpus document (here or syndicated elsewhere); `copy`: an edited
   * or trimmed copy of one; `outlet`: not a corpus document, but from an outlet the source
   * registry knows.
   */
  kind: v.picklist(['document', 'copy', 'outlet']),
  /** The corpus document it is or copies (not for `outlet`). */
  doc: v.optional(v.string()),
  title: v.optional(v.string()),
  outlet: v.string(),
  perspective: perspectiveLabel,
});
export type ThisPage = v.InferOutput<typeof thisPageSchema>;

/** Everything the hover card shows for one entity. */
export const cardDataSchema = v.strictObject({
  id: v.string(),
  name: v.string(),
  type: entityType,
  summary: v.string(),
  background: v.array(statementSchema),
  date: v.optional(eventDateSchema),
  accounts: v.array(cardAccountSchema),
  related: v.array(v.strictObject({ id: v.string(), name: v.string(), type: entityType, rel: v.string() })),
  /** How many corpus documents mention it. */
  documentCount: count,
  /** How many documents the corpus has ("Mentioned in 3 of 5 documents"). */
  documentTotal: v.optional(count),
  /** Curated topics on which the perspectives disagree, shown first under "Accounts differ". */
  contrasts: v.optional(v.array(cardContrastSchema)),
  /** Disagreements of fact between documents (dates, numbers, who said what). */
  disagreements: v.optional(v.array(cardDisagreementSchema)),
  /** Dates of the events it took part in, oldest first. */
  keyDates: v.optional(v.array(v.strictObject({ id: v.string(), name: v.string(), date: eventDateSchema }))),
  /** The page the card is on, when Backstory recognised it: its accounts contrast with it. */
  thisPage: v.optional(thisPageSchema),
  /**
   * A name learned from the reader's documents: its defining phrases, verbatim, each with the
   * document and paragraph it is from (shown before the accounts).
   */
  learned: v.optional(
    v.strictObject({
      definitions: v.array(v.strictObject({ text: v.string(), doc: v.string(), title: v.string(), outlet: v.string(), paragraph: count, readerUrl: v.string() })),
    }),
  ),
});
export type CardData = v.InferOutput<typeof cardDataSchema>;

// --- Recognising the page ---------------------------------------------------------------------

/**
 * A page's shingle hashes (unsigned 32-bit). The content script samples a big page down to
 * MAX_PAGE_SHINGLES (see lib/recognition/shingles.ts `sampleModulus`), so a longer list is junk.
 */
const shingleHash = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff));
export const pageShinglesSchema = v.strictObject({
  shingles: v.pipe(v.array(shingleHash), v.maxLength(MAX_PAGE_SHINGLES)),
  // A power of two, as sampleModulus makes it.
  modulus: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1 << 16), v.check((n) => (n & (n - 1)) === 0)),
});

const paragraphNumbers = v.array(v.pipe(v.number(), v.integer(), v.minValue(1)));

const quotedDocumentSchema = v.strictObject({
  doc: v.string(),
  title: v.string(),
  outlet: v.string(),
  /** The document's paragraphs (1-based) the page carries. */
  paragraphs: paragraphNumbers,
});
export type QuotedDocument = v.InferOutput<typeof quotedDocumentSchema>;

export const pageRecognitionSchema = v.strictObject({
  thisPage: v.nullable(thisPageSchema),
  /** Corpus documents the page quotes a paragraph or more of (besides the one it is). */
  quotes: v.array(quotedDocumentSchema),
  /** For `document`/`copy`: the document's paragraphs (1-based) the page carries. */
  paragraphs: paragraphNumbers,
  /**
   * For `document`/`copy`: the carried paragraphs that entities' accounts quote, those entities,
   * and the paragraph's shingles (so the content script can find it on the page and mark it).
   */
  cited: v.array(v.strictObject({ para: v.number(), entities: v.array(v.string()), shingles: v.array(v.number()) })),
});
export type PageRecognition = v.InferOutput<typeof pageRecognitionSchema>;

export const sourceRegistrySchema = v.strictObject({
  /** The registry in effect (shipped entries with the reader's edits applied). */
  sources: v.array(sourceSchema),
  edits: readerSourcesSchema,
  perspectives: v.array(perspectiveLabel),
});
export type SourceRegistry = v.InferOutput<typeof sourceRegistrySchema>;

// --- Highlights -------------------------------------------------------------------------------

/** What the content script knows of a selection it saves: a row without what the background adds. */
export const highlightDraftSchema = v.pipe(
  v.strictObject({
    url: pageUrl,
    canonicalUrl: pageUrl,
    title: v.pipe(v.string(), v.maxLength(2000)),
    quote: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
    prefix: v.pipe(v.string(), v.maxLength(200)),
    suffix: v.pipe(v.string(), v.maxLength(200)),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(1)),
    note: noteText,
  }),
  v.check((d) => d.end > d.start, 'end must be after start'),
);
export type HighlightDraft = v.InferOutput<typeof highlightDraftSchema>;

export { highlightRowSchema };

export const saveHighlightResultSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), highlight: highlightRowSchema }),
  /** `retry`: worth trying again (storage full); the content script keeps the draft. */
  v.strictObject({ ok: v.literal(false), error: v.string(), retry: v.boolean() }),
]);
export type SaveHighlightResult = v.InferOutput<typeof saveHighlightResultSchema>;

export const highlightIdList = v.pipe(v.array(highlightId), v.maxLength(10_000));
export const highlightTags = v.pipe(v.array(tag), v.maxLength(100));

/** The file is parsed and validated by the background (lib/highlights/json.ts), which says what is wrong with it. */
export const importFileSchema = v.strictObject({ text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)) });

export const importResultSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), added: count, updated: count, unchanged: count }),
  v.strictObject({ ok: v.literal(false), error: v.string() }),
]);
export type ImportResult = v.InferOutput<typeof importResultSchema>;

// --- Your documents: adding, importing, removing ------------------------------------------------

/**
 * An import in progress is named by the id the background gives it (`i-` and 16 hex digits).
 */
export const importId = v.pipe(v.string(), v.regex(/^i-[0-9a-f]{16}$/));
const fileLabel = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_LABEL_CHARS));
const lineNumber = v.pipe(v.number(), v.integer(), v.minValue(1));
const reasonText = v.pipe(v.string(), v.maxLength(2_000));

/** One document's outlet and perspective as shown: resolved when read, from the document or the source registry. */
export const documentLabelSchema = v.strictObject({
  /** The outlet's name: the registry's for a known domain, else the document's own, else its domain. */
  outlet: v.string(),
  domain: v.optional(v.string()),
  /** null: "perspective not labelled" (an outlet the registry does not know, and none chosen). */
  perspective: v.nullable(perspectiveLabel),
  /** Where the perspective came from: chosen for the document, the outlet's label, or nowhere. */
  perspectiveFrom: v.picklist(['document', 'outlet', 'none']),
});
export type DocumentLabel = v.InferOutput<typeof documentLabelSchema>;

/** A document as *Your documents* lists it (no text). */
export const documentSummarySchema = v.strictObject({
  id: v.string(),
  title: v.string(),
  ...documentLabelSchema.entries,
  url: v.optional(v.string()),
  byline: v.optional(v.string()),
  published: v.optional(v.string()),
  language: v.optional(v.string()),
  /** Distinct known names it mentions. */
  names: count,
  paragraphs: count,
  /** Epoch milliseconds. */
  addedAt: count,
  /** The corpus pack that brought it (`starter` for the starter corpus); absent for the reader's own. */
  pack: v.optional(v.string()),
});
export type DocumentSummary = v.InferOutput<typeof documentSummarySchema>;

/**
 * The corpus already has the document: `address` the same canonical URL, `text` the same text,
 * `document` the same article in another layout (≥ 85 % of its shingles), `copy` a trimmed or
 * edited copy (≥ 40 %) or an excerpt of it.
 */
export const duplicateSchema = v.strictObject({
  doc: v.string(),
  title: v.string(),
  reason: v.picklist(['address', 'text', 'document', 'copy']),
});
export type Duplicate = v.InferOutput<typeof duplicateSchema>;

/** The popup's preview of "Add this page": the article as read, how it would be labelled, and whether it is already in. */
export const articlePreviewSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), draft: documentDraftSchema, label: documentLabelSchema, duplicate: v.nullable(duplicateSchema) }),
  /** No article on the page (or not a web page, or a page Backstory may not read), in the reader's words. */
  v.strictObject({ ok: v.literal(false), reason: reasonText }),
]);
export type ArticlePreview = v.InferOutput<typeof articlePreviewSchema>;

export const addDocumentResultSchema = v.variant('ok', [
  /** Added, searchable and quoted on cards by the time this answer arrives. */
  v.strictObject({ ok: v.literal(true), document: documentSummarySchema }),
  /** Not added: already in the corpus (`duplicate`), the draft refused, or storage full (`retry`). */
  v.strictObject({ ok: v.literal(false), reason: reasonText, duplicate: v.optional(duplicateSchema), retry: v.optional(v.boolean()) }),
]);
export type AddDocumentResult = v.InferOutput<typeof addDocumentResultSchema>;


const packDerivedRowsSchema = v.strictObject({
  passages: v.pipe(v.array(packPassageSchema), v.maxLength(20_000)),
  mentions: v.pipe(v.array(packMentionSchema), v.maxLength(20_000)),
  fingerprint: packFingerprintSchema,
});

/**
 * One thing an import brings, in the order the reader gave the files: a parsed document (with
 * the file it came from, for the summary), a file or line the page already refused (so the
 * summary lists it), a corpus pack's header, or a document of that pack (with its id and, when
 * the pack has them, its derived rows).
 */
export const importItemSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('draft'), name: fileLabel, line: v.optional(lineNumber), draft: documentDraftSchema }),
  v.strictObject({ kind: v.literal('refused'), name: fileLabel, line: v.optional(lineNumber), reason: reasonText }),
  /** A corpus pack's header: installed before its documents, which follow as `pack-document` items. */
  v.strictObject({ kind: v.literal('pack'), name: fileLabel, header: packHeaderSchema }),
  v.strictObject({
    kind: v.literal('pack-document'),
    name: fileLabel,
    /** The pack's id, as its header item gave it. */
    pack: v.pipe(v.string(), v.maxLength(64)),
    document: packDocumentSchema,
    derived: v.optional(packDerivedRowsSchema),
  }),
]);
export type ImportItem = v.InferOutput<typeof importItemSchema>;

export const importBatchSchema = v.pipe(
  v.array(importItemSchema),
  v.minLength(1),
  v.maxLength(MAX_IMPORT_BATCH_ITEMS),
  v.check((items) => items.reduce((n, item) => n + itemChars(item), 0) <= MAX_IMPORT_BATCH_CHARS, 'the batch carries too much text for one message'),
);

/** Listed by name in an import's summary; lists are capped (the counts are not). */
const MAX_SUMMARY_LIST = 1_000;
const summaryList = /* @__NO_SIDE_EFFECTS__ */ <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_SUMMARY_LIST));

/**
 * Where an import is: `receiving` (the page is still sending batches), `building` (all sent,
 * documents still being read), `done`, `cancelled` (by the reader), `stopped` (storage full or a
 * failure: `error` says which; what was added before stays, whole), `interrupted` (the page
 * stopped sending before the end, e.g. it was closed: `notAdded` counts what never arrived).
 */
export const importStatusSchema = v.strictObject({
  id: importId,
  label: v.optional(v.string()),
  state: v.picklist(['receiving', 'building', 'done', 'cancelled', 'stopped', 'interrupted']),
  /** Items the page said it would send (documents and refused files). */
  expected: count,
  received: count,
  /** Items decided so far: added + duplicates + refused + notAdded. */
  processed: count,
  added: count,
  duplicates: count,
  refused: count,
  /** Received or expected but not added: cancelled, stopped or never arrived. */
  notAdded: count,
  error: v.optional(reasonText),
  startedAt: count,
  updatedAt: count,
  duplicateList: summaryList(v.strictObject({ name: v.string(), line: v.optional(lineNumber), doc: v.string(), title: v.string(), reason: duplicateSchema.entries.reason })),
  refusedList: summaryList(v.strictObject({ name: v.string(), line: v.optional(lineNumber), reason: v.string() })),
  notAddedList: summaryList(v.strictObject({ name: v.string(), line: v.optional(lineNumber) })),
});
export type ImportStatus = v.InferOutput<typeof importStatusSchema>;

/** A corpus pack installed on this device, and whether it can be restored from the package. */
export const packSummarySchema = v.strictObject({
  id: v.string(),
  title: v.string(),
  packVersion: count,
  documents: count,
  /** The starter corpus: removable, and restorable from the copy the extension ships. */
  starter: v.boolean(),
  installed: v.boolean(),
});
export type PackSummary = v.InferOutput<typeof packSummarySchema>;

/** What changed in the knowledge base, told to open tabs and extension pages after every change. */
export const kbChangeSchema = v.strictObject({
  /** Increases with every change; a page that saw a higher one has nothing to do. */
  generation: count,
  /** The names Backstory marks changed: content scripts fetch the matcher again and rescan. */
  matcherChanged: v.boolean(),
  added: v.pipe(v.array(v.string()), v.maxLength(MAX_IMPORT_BATCH_ITEMS)),
  removed: v.pipe(v.array(v.string()), v.maxLength(MAX_IMPORT_BATCH_ITEMS)),
});
export type KbChange = v.InferOutput<typeof kbChangeSchema>;

// --- What a content script answers the popup ------------------------------------------------------

/** More distinct names than the knowledge base could ever hold on one page is junk. */
const MAX_PAGE_ENTITIES = 5000;

export const pageMentionSchema = v.strictObject({
  entity: entityId,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  type: entityType,
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type PageMention = v.InferOutput<typeof pageMentionSchema>;

export const pageMentionsSchema = v.pipe(v.array(pageMentionSchema), v.maxLength(MAX_PAGE_ENTITIES));

// --- Compile-time: each schema has exactly the shape its owner declares --------------------------

/** Deeply the same type: same keys, same optional keys, same value types (not merely assignable). */
type Plain<T> = T extends readonly (infer E)[] ? Plain<E>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;
type SameShape<A, B> = (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type _SameEntityType = Assert<SameShape<v.InferOutput<typeof entityType>, EntityType>>;
export type _SameMatcherData = Assert<SameShape<v.InferOutput<typeof matcherDataSchema>, MatcherData>>;
export type _SameTokenGate = Assert<SameShape<v.InferOutput<typeof tokenGateSchema>, TokenGateData>>;
export type _SameStatement = Assert<SameShape<v.InferOutput<typeof statementSchema>, Statement>>;
export type _SameEventDate = Assert<SameShape<v.InferOutput<typeof eventDateSchema>, EventDate>>;
export type _SameSources = Assert<SameShape<v.InferOutput<typeof sourceSchema>, Source>>;
export type _SameReaderSources = Assert<SameShape<v.InferOutput<typeof readerSourcesSchema>, ReaderSources>>;
export type _SameHighlightRow = Assert<SameShape<v.InferOutput<typeof highlightRowSchema>, HighlightRow>>;
