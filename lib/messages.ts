/**
 * Every message between Backstory's parts, declared once: one table per direction, each
 * message with the schema of its request and of its reply and what it is for. The types the
 * code sees are inferred from these schemas; the background's router and the content script's
 * inbox are driven by these tables (`lib/messaging.ts`), and the message fuzz test walks them.
 *
 * Content scripts run inside pages we do not trust: a message from one can only ask for public
 * knowledge-base data or act on that tab's own state, and its answers to the popup are parsed
 * like anything a page sends. Each receiver also checks who sent the message
 * (`entrypoints/background/senders.ts`): a message not in the table of the sender's kind is
 * refused.
 */
import * as v from 'valibot';
import { message, type MessageTypes } from './messaging';
import { REVIEW_ID, ReviewDecisionSchema } from './contrasts/review';
import { draftEditsSchema, documentDraftSchema } from './corpus/draft';
import { learnedNamesSchema, nameEditReplySchema, nameEditRequestSchema } from './message-schemas-names';
import {
  addDocumentResultSchema,
  articlePreviewSchema,
  cardDataSchema,
  docId,
  doneReply,
  entityId,
  highlightDraftSchema,
  highlightId,
  highlightIdList,
  highlightRowSchema,
  highlightTags,
  hostName,
  importBatchSchema,
  importFileSchema,
  importId,
  importResultSchema,
  importStatusSchema,
  kbChangeSchema,
  packSummarySchema,
  matcherDataSchema,
  noData,
  noteText,
  okReply,
  pageMentionsSchema,
  pageRecognitionSchema,
  pageShinglesSchema,
  pageUrl,
  passageId,
  readerSettingsSchema,
  saveHighlightResultSchema,
  siteSettingsSchema,
  sourceRegistrySchema,
  tokenGateSchema,
} from './message-schemas';
import { domainSchema, readerSourcesSchema, sourceSchema } from './recognition/sources';
import { MAX_DOCUMENTS_PER_IMPORT, MAX_LABEL_CHARS } from './corpus/limits';

/** A browser tab, by the id the browser gives it. */
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Everything the hover card shows for one entity (null: Backstory does not know it). */
const cardGet = message(v.strictObject({ entity: entityId }), v.nullable(cardDataSchema));

/** Content script → background. */
export const contentToBackground = {
  /**
   * The prebuilt matcher and the reader's settings for this page's site. The url is validated
   * but not trusted: the site is the one the browser says the sender's tab shows.
   */
  'matcher/get': message(
    v.strictObject({ url: pageUrl }),
    v.strictObject({ matcher: matcherDataSchema, settings: siteSettingsSchema }),
  ),
  /**
   * The matcher's token gate (a few kB: may this page name anyone?) and the reader's settings
   * for this page's site; asked first, so a page that names nobody never gets the matcher.
   */
  'gate/get': message(
    v.strictObject({ url: pageUrl }),
    v.strictObject({ gate: tokenGateSchema, settings: siteSettingsSchema }),
  ),
  /** The card, set against the page when Backstory recognised it. */
  'card/get': cardGet,
  /** "Not this": suppress a name Backstory marks, on the sender's site. */
  'suppress/add': message(v.strictObject({ entity: entityId }), doneReply),
  /** "Read in context": open the document reader at a passage in a new tab (a page may not). */
  'reader/open': message(v.strictObject({ doc: docId, passage: passageId }), okReply),
  /** "Open in Backstory": open the entity view in a new tab. */
  'entity/open': message(v.strictObject({ entity: entityId }), okReply),
  /**
   * The page's text fingerprint (shingle hashes, see lib/recognition/shingles.ts), kept when
   * `hash % modulus === 0`: which corpus document, copy or outlet is this page?
   */
  'page/recognise': message(pageShinglesSchema, pageRecognitionSchema),
  /** Save a passage of the sender's page; the background adds id, entities and timestamps. */
  'highlights/save': message(highlightDraftSchema, saveHighlightResultSchema),
  /** The sender's page's highlights, to re-anchor and draw; `reveal`: scroll to this one (the popup's "open"). */
  'highlights/for-page': message(
    v.strictObject({ url: pageUrl, canonicalUrl: pageUrl }),
    v.strictObject({ highlights: v.array(highlightRowSchema), reveal: v.optional(v.string()) }),
  ),
  /** Set the note of a highlight on the sender's site (the toast's "add note"). */
  'highlights/note': message(v.strictObject({ id: highlightId, note: noteText }), okReply),
  /** Remove a highlight on the sender's site (hover a highlight → Remove). */
  'highlights/remove': message(v.strictObject({ id: highlightId }), okReply),
  /** How re-anchoring went on the sender's page: the popup lists orphans. */
  'highlights/anchored': message(v.strictObject({ anchored: highlightIdList, orphans: highlightIdList }), doneReply),
  /**
   * Inject the page UI (`/page-ui.js`: Preact, card, toast, markers) into the sender's own
   * frame. No data: the tab and frame are the ones the browser attests.
   */
  'ui/load': message(noData, okReply),
  /**
   * Inject the spotting pipeline (`/spotting-pipeline.js`: the rules run after the matcher)
   * into the sender's own frame, once its page has something to spot. No data, as for `ui/load`.
   */
  'pipeline/load': message(noData, okReply),
};

/** Popup or reader page → background. */
export const pageToBackground = {
  'card/get': cardGet,
  /** The reader's settings, as stored. */
  'settings/get': message(noData, readerSettingsSchema),
  /** Pause or resume spotting everywhere; every open tab is told at once. */
  'settings/set-paused': message(v.strictObject({ paused: v.boolean() }), readerSettingsSchema),
  /** Turn spotting on or off on one site (a host name). */
  'settings/set-site': message(v.strictObject({ host: hostName, enabled: v.boolean() }), readerSettingsSchema),
  /** Suppress a name on a site ("not this"), or show it again (the settings' list, with undo). */
  'settings/set-suppressed': message(
    v.strictObject({ host: hostName, entity: entityId, suppressed: v.boolean() }),
    readerSettingsSchema,
  ),
  /** What the content script of a tab recognised (null: it has not said, or spotting is off). */
  'page/recognition': message(
    v.strictObject({ tabId }),
    v.nullable(pageRecognitionSchema),
  ),
  /** The reader's keep/dismiss on automatic contrasts and disagreements. */
  'contrasts/reviews': message(noData, v.array(ReviewDecisionSchema)),
  /** Keep or dismiss an automatic contrast or disagreement of an entity (null: take it back); the list after. */
  'contrasts/review': message(
    v.strictObject({ entity: entityId, id: v.pipe(v.string(), v.regex(REVIEW_ID)), decision: v.nullable(v.picklist(['kept', 'dismissed'])) }),
    v.array(ReviewDecisionSchema),
  ),
  /** The source registry in effect, and the reader's edits to it. */
  'sources/get': message(noData, sourceRegistrySchema),
  /** Replace the reader's edits to the source registry. */
  'sources/set': message(readerSourcesSchema, sourceRegistrySchema),
  /** Every highlight, most recent first. */
  'highlights/list': message(noData, v.array(highlightRowSchema)),
  /** Edit a highlight's note and tags (null: no such highlight). */
  'highlights/update': message(
    v.strictObject({ id: highlightId, note: noteText, tags: highlightTags }),
    v.nullable(highlightRowSchema),
  ),
  /** Deletes and returns the highlight, for undo (null: no such highlight). */
  'highlights/delete': message(v.strictObject({ id: highlightId }), v.nullable(highlightRowSchema)),
  /** Undo a delete: put the highlight back as it was. */
  'highlights/restore': message(
    v.strictObject({ highlight: highlightRowSchema }),
    v.strictObject({ ok: v.boolean(), error: v.optional(v.string()) }),
  ),
  /** Every highlight as a file to download. */
  'highlights/export': message(
    v.strictObject({ format: v.picklist(['json', 'markdown']) }),
    v.strictObject({ filename: v.string(), text: v.string() }),
  ),
  /** Import an exported file: merged without duplicates, or refused whole with the reason. */
  'highlights/import': message(importFileSchema, importResultSchema),
  /** Go to the highlight's page (a tab already showing it, else a new one) and scroll to it. */
  'highlights/open': message(v.strictObject({ id: highlightId }), okReply),

  // --- Your documents. Only extension pages send these: a web page can never add, remove or
  // read documents. Reading the corpus (lists, a document's text, export) is not a message:
  // extension pages read IndexedDB through lib/storage/corpus-reader.ts; every write goes
  // through the one builder behind these messages.

  /**
   * "Add this page", step one: the article reader is injected into the tab's top frame, reads
   * the article from a copy of the page, and its draft is checked like anything a page sends.
   * Answers the draft, how it would be labelled, and whether the corpus already has it.
   */
  'corpus/preview': message(v.strictObject({ tabId }), articlePreviewSchema),
  /** Step two: add the previewed draft with the reader's edits (title, outlet, date, perspective). */
  'corpus/add': message(v.strictObject({ draft: documentDraftSchema, edits: draftEditsSchema }), addDocumentResultSchema),
  /** Read and add a tab's article in one step, no preview (the context menu and keyboard command do this). */
  'corpus/add-tab': message(v.strictObject({ tabId }), addDocumentResultSchema),
  /**
   * Begin an import of `expected` items (documents, refused files, packs and their documents,
   * as `corpus/import-batch` will send them). The items are journalled as they arrive, so an
   * import cut short by a killed worker or browser resumes, or says what was not added.
   */
  'corpus/import-start': message(
    v.strictObject({
      expected: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DOCUMENTS_PER_IMPORT * 2)),
      label: v.optional(v.pipe(v.string(), v.maxLength(300))),
      /** The files of the drop, so that an import cut short can name the ones that never arrived. */
      files: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_LABEL_CHARS))), v.maxLength(MAX_DOCUMENTS_PER_IMPORT * 2))),
    }),
    importStatusSchema,
  ),
  /**
   * The next items, in the reader's order (MAX_IMPORT_BATCH_ITEMS and MAX_IMPORT_BATCH_CHARS at
   * most; `splitPack` and `importBatches` in lib/kb/import-items.ts cut them). Answers once they
   * are journalled; they are built in the background, progress comes as `import/progress`.
   */
  'corpus/import-batch': message(v.strictObject({ importId, items: importBatchSchema }), importStatusSchema),
  /** Every item has been sent: the import is done once they are built. */
  'corpus/import-end': message(v.strictObject({ importId }), importStatusSchema),
  /** Stop: nothing more is added; what was added stays, whole; the summary lists what was not. */
  'corpus/import-cancel': message(v.strictObject({ importId }), importStatusSchema),
  /** One import's status, or (no id) the unfinished ones and the last finished one: what *Your documents* reports on opening. */
  'corpus/import-status': message(v.strictObject({ importId: v.optional(importId) }), v.array(importStatusSchema)),
  /** Forget a finished or interrupted import once the reader has seen its summary (what it added stays; an unfinished one is cancelled first). */
  'corpus/import-dismiss': message(v.strictObject({ importId }), v.strictObject({ ok: v.boolean() })),
  /** Remove documents: their passages, mentions, fingerprints and accounts go everywhere; highlights stay. */
  'corpus/remove': message(
    v.strictObject({ docs: v.pipe(v.array(docId), v.minLength(1), v.maxLength(MAX_DOCUMENTS_PER_IMPORT)) }),
    v.strictObject({ removed: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  ),
  /** Remove the starter corpus's documents, or restore them from the copy the extension ships. */
  'corpus/starter': message(v.strictObject({ installed: v.boolean() }), packSummarySchema),
  /** The corpus packs installed, and the starter pack even when removed. */
  'corpus/packs': message(noData, v.array(packSummarySchema)),
  /** The names learned from the reader's documents, the most named first, the rejected ones too. */
  'names/list': message(noData, learnedNamesSchema),
  /** The reader's edit of a learned name: rename, change the type, merge two, split a form off, reject. */
  'names/edit': message(nameEditRequestSchema, nameEditReplySchema),
  /** Take back the rejection of a learned name (by its forms' keys): it is learned and marked again. */
  'names/restore': message(
    v.strictObject({ keys: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(500))), v.minLength(1), v.maxLength(1000)) }),
    nameEditReplySchema,
  ),
  /**
   * Label an outlet once for all its documents: the domain's outlet and perspective in the
   * reader's source registry (null perspective: take the label off again).
   */
  'sources/label': message(
    v.strictObject({ domain: domainSchema, outlet: sourceSchema.entries.outlet, perspective: v.nullable(sourceSchema.entries.perspective) }),
    sourceRegistrySchema,
  ),
};

/**
 * Background (or the builder behind it) → every extension page, broadcast: no reply is awaited
 * and a page that is not open misses nothing it would not read fresh on opening.
 */
export const toPages = {
  /** The knowledge base changed (documents added or removed, a pack installed, outlets labelled): read again. */
  'kb/changed': message(kbChangeSchema, doneReply),
  /** An import moved on (every few documents, and when it ends). */
  'import/progress': message(importStatusSchema, doneReply),
};

/** Background or popup → the content script of one tab. */
export const toContent = {
  /** The entities spotted in the page with their counts ("On this page"). */
  'page/mentions': message(noData, pageMentionsSchema),
  /** Scroll to and flash the n-th mention (0-based, document order) of an entity. */
  'page/reveal': message(v.strictObject({ entity: entityId, index: v.pipe(v.number(), v.integer(), v.minValue(0)) }), okReply),
  /** Settings changed: re-apply (pause, disabled site, suppressed names). */
  'settings/changed': message(v.strictObject({ settings: siteSettingsSchema }), doneReply),
  /** Keyboard command: open the card at or after the caret. */
  'card/open-at-caret': message(noData, okReply),
  /**
   * The site the page is on. Without the `tabs` permission the browser hides a tab's URL from
   * the popup and the background; the content script knows its own page's host.
   */
  'page/site': message(noData, v.strictObject({ host: hostName })),
  /** Context menu or keyboard command: save the page's current selection. */
  'highlights/save-selection': message(noData, okReply),
  /** Scroll to a saved highlight (the popup's "open" on a tab already showing the page). */
  'highlights/reveal': message(v.strictObject({ id: highlightId }), okReply),
  /** Highlights were edited, deleted or imported elsewhere: fetch and draw them again. */
  'highlights/refresh': message(noData, doneReply),
  /**
   * The knowledge base changed: forget cached cards; when the names Backstory marks changed,
   * fetch the matcher again and rescan the page.
   */
  'kb/changed': message(v.strictObject({ generation: v.pipe(v.number(), v.integer(), v.minValue(0)), matcherChanged: v.boolean() }), doneReply),
};

export type ContentToBackground = MessageTypes<typeof contentToBackground>;
export type PageToBackground = MessageTypes<typeof pageToBackground>;
export type ToContent = MessageTypes<typeof toContent>;
export type ToPages = MessageTypes<typeof toPages>;

export type { Envelope, MessageName, Request, Response } from './messaging';
export type {
  AddDocumentResult,
  ArticlePreview,
  DocumentLabel,
  DocumentSummary,
  Duplicate,
  ImportItem,
  ImportStatus,
  KbChange,
  PackSummary,
  CardAccount,
  CardClaim,
  CardContrast,
  CardData,
  CardDisagreement,
  CardPosition,
  HighlightDraft,
  ImportResult,
  PageMention,
  PageRecognition,
  QuotedDocument,
  ReaderSettings,
  SaveHighlightResult,
  SiteSettings,
  SourceRegistry,
  ThisPage,
} from './message-schemas';
