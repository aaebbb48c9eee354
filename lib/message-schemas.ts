/**
 * Valibot schemas for every message the background receives, one per message, so that
 * nothing a page or a content script sends is trusted before it has been parsed: strict
 * objects (no extra keys), bounded strings, the `{ backstory: 1, name, data }` envelope.
 *
 * The compile-time checks at the bottom keep these schemas and the typed maps in
 * `lib/messages.ts` from drifting apart.
 */
import * as v from 'valibot';
import type { ContentToBackground, Envelope, PageToBackground } from './messages';
import { readerSourcesSchema } from './recognition/sources';
import { MAX_PAGE_SHINGLES } from './recognition/shingles';
import { highlightRowSchema, MAX_IMPORT_CHARS } from './highlights/json';

/** Entity ids are short slugs; the bound and the character set keep junk out of storage. */
const entityId = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\p{L}\p{N}._:-]+$/u));

/** Long enough for any real page URL (browsers cap near 2 MB, but pages with 8 kB URLs are rare). */
const pageUrl = v.pipe(v.string(), v.maxLength(8192), v.url(), v.regex(/^https?:/i));

const envelope = <N extends string, D extends v.GenericSchema>(name: N, data: D) =>
  v.strictObject({ backstory: v.literal(1), name: v.literal(name), data });

export const matcherGetSchema = envelope('matcher/get', v.strictObject({ url: pageUrl }));
export const cardGetSchema = envelope('card/get', v.strictObject({ entity: entityId }));
export const suppressAddSchema = envelope('suppress/add', v.strictObject({ entity: entityId }));
// Hover card (issue 4): document ids are kebab-case, passages "<doc>:<para>:<sentence>".
const docId = v.pipe(v.string(), v.maxLength(128), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
const passageId = v.pipe(v.string(), v.maxLength(160), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*:[1-9]\d{0,4}:\d{1,4}$/));
export const readerOpenSchema = envelope('reader/open', v.strictObject({ doc: docId, passage: passageId }));
export const entityOpenSchema = envelope('entity/open', v.strictObject({ entity: entityId }));

// --- Popup settings (issue 5) ---
/** A host name as `URL.hostname` gives it: letters, digits, dots, dashes; IPv6 in brackets. */
const hostName = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^(?:[\p{L}\p{N}._-]+|\[[0-9a-f:.]+\])$/iu));
export const settingsGetSchema = envelope('settings/get', v.strictObject({}));
export const settingsSetPausedSchema = envelope('settings/set-paused', v.strictObject({ paused: v.boolean() }));
export const settingsSetSiteSchema = envelope(
  'settings/set-site',
  v.strictObject({ host: hostName, enabled: v.boolean() }),
);
export const settingsSetSuppressedSchema = envelope(
  'settings/set-suppressed',
  v.strictObject({ host: hostName, entity: entityId, suppressed: v.boolean() }),
);

// --- Recognising the page (issue 9) ---

/**
 * A page's shingle hashes (unsigned 32-bit). The content script samples a big page down to
 * MAX_PAGE_SHINGLES (see lib/recognition/shingles.ts `sampleModulus`), so a longer list is junk.
 */
const shingleHash = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff));
export const pageRecogniseSchema = envelope(
  'page/recognise',
  v.strictObject({
    shingles: v.pipe(v.array(shingleHash), v.maxLength(MAX_PAGE_SHINGLES)),
    // A power of two, as sampleModulus makes it.
    modulus: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1 << 16), v.check((n) => (n & (n - 1)) === 0)),
  }),
);
export const pageRecognitionSchema = envelope(
  'page/recognition',
  v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
);
export const sourcesGetSchema = envelope('sources/get', v.strictObject({}));
export const sourcesSetSchema = envelope('sources/set', readerSourcesSchema);

// --- highlights (issue 6) ---
const highlightId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const noteText = v.pipe(v.string(), v.maxLength(20_000));
const tag = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
export const highlightsSaveSchema = envelope(
  'highlights/save',
  v.pipe(
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
  ),
);
export const highlightsForPageSchema = envelope('highlights/for-page', v.strictObject({ url: pageUrl, canonicalUrl: pageUrl }));
export const highlightsNoteSchema = envelope('highlights/note', v.strictObject({ id: highlightId, note: noteText }));
export const highlightsRemoveSchema = envelope('highlights/remove', v.strictObject({ id: highlightId }));
const idList = v.pipe(v.array(highlightId), v.maxLength(10_000));
export const highlightsAnchoredSchema = envelope('highlights/anchored', v.strictObject({ anchored: idList, orphans: idList }));
// --- lazy page UI (issue 7): no data; the background injects into the sender's own frame ---
export const uiLoadSchema = envelope('ui/load', v.strictObject({}));
export const highlightsListSchema = envelope('highlights/list', v.strictObject({}));
export const highlightsUpdateSchema = envelope(
  'highlights/update',
  v.strictObject({ id: highlightId, note: noteText, tags: v.pipe(v.array(tag), v.maxLength(100)) }),
);
export const highlightsDeleteSchema = envelope('highlights/delete', v.strictObject({ id: highlightId }));
export const highlightsRestoreSchema = envelope('highlights/restore', v.strictObject({ highlight: highlightRowSchema }));
export const highlightsExportSchema = envelope('highlights/export', v.strictObject({ format: v.picklist(['json', 'markdown']) }));
// The file is parsed and validated by the background (lib/highlights/json.ts), which says what is wrong with it.
export const highlightsImportSchema = envelope('highlights/import', v.strictObject({ text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)) }));
export const highlightsOpenSchema = envelope('highlights/open', v.strictObject({ id: highlightId }));

/** Messages a content script may send. */
export const contentToBackgroundSchema = v.variant('name', [
  matcherGetSchema,
  cardGetSchema,
  suppressAddSchema,
  readerOpenSchema,
  entityOpenSchema,
  pageRecogniseSchema,
  highlightsSaveSchema,
  highlightsForPageSchema,
  highlightsNoteSchema,
  highlightsRemoveSchema,
  highlightsAnchoredSchema,
  // lazy page UI (issue 7)
  uiLoadSchema,
]);
/** Messages the popup or the reader page may send. */
export const pageToBackgroundSchema = v.variant('name', [
  cardGetSchema,
  // Popup settings (issue 5): only extension pages may change settings, never a content script.
  settingsGetSchema,
  settingsSetPausedSchema,
  settingsSetSiteSchema,
  settingsSetSuppressedSchema,
  pageRecognitionSchema,
  sourcesGetSchema,
  sourcesSetSchema,
  highlightsListSchema,
  highlightsUpdateSchema,
  highlightsDeleteSchema,
  highlightsRestoreSchema,
  highlightsExportSchema,
  highlightsImportSchema,
  highlightsOpenSchema,
]);

export type ContentMessage = v.InferOutput<typeof contentToBackgroundSchema>;
export type PageMessage = v.InferOutput<typeof pageToBackgroundSchema>;

export function parseContentMessage(message: unknown): ContentMessage | undefined {
  const result = v.safeParse(contentToBackgroundSchema, message);
  return result.success ? result.output : undefined;
}

export function parsePageMessage(message: unknown): PageMessage | undefined {
  const result = v.safeParse(pageToBackgroundSchema, message);
  return result.success ? result.output : undefined;
}

// Compile-time: every parsed message is an envelope of its map, and every name of a map has a
// schema (adding a message to lib/messages.ts without a schema fails the type check).
type EnvelopeOf<M> = { [K in keyof M]: Envelope<M, K> }[keyof M];
type Assert<T extends true> = T;
export type _ContentSchemasMatchMap = Assert<
  ContentMessage extends EnvelopeOf<ContentToBackground>
    ? keyof ContentToBackground extends ContentMessage['name']
      ? true
      : false
    : false
>;
export type _PageSchemasMatchMap = Assert<
  PageMessage extends EnvelopeOf<PageToBackground>
    ? keyof PageToBackground extends PageMessage['name']
      ? true
      : false
    : false
>;
