/**
 * A document draft: one article as read from a page or a file, before it has an id and before
 * the builder has looked at it. It is what the popup's preview shows, what the reader edits
 * (title, outlet, date, perspective), and what crosses from a page's isolated world to the
 * background, so `documentDraftSchema` bounds every field: a page's reply is data to check,
 * never to trust.
 */
import * as v from 'valibot';
import { KEBAB_ID } from '../kb/schema';
import {
  MAX_DOCUMENT_CHARS,
  MAX_LABEL_CHARS,
  MAX_PARAGRAPHS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
} from './limits';

/** Formats a draft can come from, as the import summary names them. */
export type DraftFormat = 'page' | 'html' | 'txt' | 'md' | 'jsonl';

/**
 * Where a document was read: the visited page, a file (and, for `.jsonl`, its line), or a
 * corpus pack (by the pack's id) that carried it.
 */
export type DraftOrigin =
  | { kind: 'page'; url: string }
  | { kind: 'file'; name: string; format: Exclude<DraftFormat, 'page'>; line?: number }
  | { kind: 'pack'; pack: string };

export interface DocumentDraft {
  title: string;
  /** The article's text; passages cite paragraph n as `paragraphs[n - 1]`. */
  paragraphs: string[];
  /** The article's own address: its canonical link, `og:url`, or the visited URL; tracking removed. */
  url?: string;
  /** Host of `url` without `www.`: what the source registry labels outlets by. */
  domain?: string;
  /** The outlet as the document names itself (`og:site_name`, JSON-LD publisher), else its domain. */
  outlet?: string;
  byline?: string;
  /** As precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in the publisher's own calendar day. */
  published?: string;
  /** BCP 47 language tag (`en`, `ar`, `en-GB`): the reader page sets direction and fonts from it. */
  language?: string;
  /** A perspective id, only when someone chose it (the reader in the preview); otherwise by domain. */
  perspective?: string;
  origin: DraftOrigin;
}

/** A file, or one line of it, that was not imported, and why (shown by name in the summary). */
export interface Refusal {
  /** The file's name as the reader picked it. */
  name: string;
  /** The line of a `.jsonl` file, 1-based; absent when the whole file is refused. */
  line?: number;
  reason: string;
}

/** What the reader may change in the preview before saving. */
export interface DraftEdits {
  title?: string;
  outlet?: string;
  published?: string;
  perspective?: string;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day (the knowledge base's date form). */
export const PUBLISHED_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** A language tag as browsers report `lang`: a 2–3 letter language and optional subtags. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const line = /* @__NO_SIDE_EFFECTS__ */ (max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.trim(),
    v.nonEmpty(`${what} is empty`),
    v.maxLength(max, () => `${what} is longer than ${max.toLocaleString('en-US')} characters`),
  );

const httpUrl = v.pipe(
  v.string('the address must be text'),
  v.maxLength(MAX_URL_CHARS, `the address is longer than ${MAX_URL_CHARS} characters`),
  v.check((url) => isHttpUrl(url), 'the address is not an http(s) URL'),
);

export const draftOriginSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('page'), url: httpUrl }),
  v.strictObject({
    kind: v.literal('file'),
    name: line(MAX_LABEL_CHARS, 'the file name'),
    format: v.picklist(['html', 'txt', 'md', 'jsonl']),
    line: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  v.strictObject({ kind: v.literal('pack'), pack: v.pipe(v.string(), v.maxLength(64), v.regex(KEBAB_ID)) }),
]);

export const publishedSchema = v.pipe(
  v.string('the date must be text'),
  v.regex(PUBLISHED_DATE, 'the date is not like 2020, 2020-06 or 2020-06-11'),
);

export const perspectiveIdSchema = v.pipe(
  v.string('the perspective must be text'),
  v.maxLength(64, 'the perspective id is too long'),
  v.regex(KEBAB_ID, 'the perspective is not an id like "iranian-state"'),
);

/** A draft's fields; a corpus pack's documents share them (lib/corpus/pack.ts). */
export const draftEntries = {
  title: line(MAX_TITLE_CHARS, 'the title'),
  paragraphs: v.pipe(
    // Each paragraph is bounded by the whole text's limit (`textWithinLimit`).
    v.array(v.pipe(v.string('a paragraph must be text'), v.trim(), v.nonEmpty('a paragraph is empty')), 'is not a list of paragraphs'),
    v.minLength(1, 'has no article text'),
    v.maxLength(MAX_PARAGRAPHS, () => `has more than ${MAX_PARAGRAPHS.toLocaleString('en-US')} paragraphs`),
  ),
  url: v.optional(httpUrl),
  domain: v.optional(v.pipe(v.string('the domain must be text'), v.regex(DOMAIN, 'the domain is not a host name'))),
  outlet: v.optional(line(MAX_LABEL_CHARS, 'the outlet')),
  byline: v.optional(line(MAX_LABEL_CHARS, 'the byline')),
  published: v.optional(publishedSchema),
  language: v.optional(
    v.pipe(v.string('the language must be text'), v.maxLength(35), v.regex(LANGUAGE_TAG, 'the language is not a tag like "en"')),
  ),
  perspective: v.optional(perspectiveIdSchema),
};

/** At most MAX_DOCUMENT_CHARS of text, whatever the paragraphs. */
export const textWithinLimit = <T extends { paragraphs: string[] }>() =>
  v.check<T, v.ErrorMessage<v.CheckIssue<T>>>(
    (doc) => textLength(doc.paragraphs) <= MAX_DOCUMENT_CHARS,
    () => `the text is longer than ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')} characters (about ${Math.round(MAX_DOCUMENT_CHARS / 6_000)},000 words): Backstory takes articles, not books or feeds`,
  );

export const documentDraftSchema = v.pipe(v.strictObject({ ...draftEntries, origin: draftOriginSchema }), textWithinLimit());

export const draftEditsSchema = v.strictObject({
  title: v.optional(line(MAX_TITLE_CHARS, 'the title')),
  outlet: v.optional(line(MAX_LABEL_CHARS, 'the outlet')),
  published: v.optional(publishedSchema),
  perspective: v.optional(perspectiveIdSchema),
});

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A draft from anywhere (a page's reply, a message from the corpus page, a parser's output),
 * checked. The reason names the first problem in the reader's words.
 */
export function checkDraft(value: unknown): Checked<DocumentDraft> {
  const result = v.safeParse(documentDraftSchema, value);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, reason: describeIssue(result.issues[0]!) };
}

/** The draft with the reader's edits from the preview; both already checked. */
export function applyEdits(draft: DocumentDraft, edits: DraftEdits): DocumentDraft {
  return { ...draft, ...edits };
}

export function textLength(paragraphs: readonly string[]): number {
  let total = 0;
  for (const p of paragraphs) total += p.length;
  return total;
}

/** A host name the source registry can label (an IP address or `localhost` is not one). */
export function isDomain(host: string): boolean {
  return DOMAIN.test(host);
}

export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A validation issue in a reader's words, with where it is: `documents[12].paragraphs is not a
 * list of paragraphs`. Messages that start with a verb read on from the path; others follow a
 * colon.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  if (!path) return issue.message;
  return /^(is|has|must|needs|names|cites)\b/.test(issue.message) ? `${path} ${issue.message}` : `${path}: ${issue.message}`;
}
