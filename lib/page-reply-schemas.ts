/**
 * Valibot schemas for what a content script answers the popup (issue 5). A content script runs
 * inside a page we do not trust, so its answers are parsed like any message: bounded lists,
 * bounded strings, known entity types.
 */
import * as v from 'valibot';
import type { PageMention } from './messages';

/** More distinct names than the knowledge base could ever hold on one page is junk. */
const MAX_PAGE_ENTITIES = 5000;

const pageMentionSchema = v.strictObject({
  entity: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  type: v.picklist(['person', 'organization', 'place', 'event']),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

export const pageMentionsReplySchema = v.pipe(v.array(pageMentionSchema), v.maxLength(MAX_PAGE_ENTITIES));
export const pageRevealReplySchema = v.strictObject({ ok: v.boolean() });

/** A host name as `URL.hostname` gives it (the same rule as the background's settings messages). */
export const pageSiteReplySchema = v.strictObject({
  host: v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^(?:[\p{L}\p{N}._-]+|\[[0-9a-f:.]+\])$/iu)),
});

export function parsePageSiteReply(reply: unknown): string | undefined {
  const result = v.safeParse(pageSiteReplySchema, reply);
  return result.success ? result.output.host : undefined;
}

export function parsePageMentionsReply(reply: unknown): PageMention[] | undefined {
  const result = v.safeParse(pageMentionsReplySchema, reply);
  return result.success ? result.output : undefined;
}

export function parsePageRevealReply(reply: unknown): boolean {
  const result = v.safeParse(pageRevealReplySchema, reply);
  return result.success && result.output.ok;
}
