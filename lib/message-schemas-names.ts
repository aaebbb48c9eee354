/**
 * The messages' shapes for names learned from the reader's documents: what *Your documents*
 * lists of each (its forms with counts, the documents naming it, whether it is marked and why)
 * and the reader's edits (`nameEditSchema`, the learned state's own schema, so an edit that is
 * accepted here is one the state can store and a pack can carry).
 */
import * as v from 'valibot';
import { nameEditSchema } from './names/state';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** At most this many learned names in one list message (the most named first). */
export const MAX_LISTED_NAMES = 5_000;
/** The documents a listed name shows by title; the rest are counted. */
export const MAX_LISTED_DOCUMENTS = 20;

export const learnedNameSchema = v.strictObject({
  id: text(600),
  name: text(500),
  type: v.picklist(['person', 'organization', 'place', 'other']),
  /** The curated entity these forms are new spellings of, with its name. */
  known: v.optional(v.strictObject({ id: text(600), name: text(500) })),
  /** Marked on pages (counted, not rejected). */
  active: v.boolean(),
  reason: text(500),
  rejected: v.boolean(),
  edited: v.boolean(),
  forms: v.array(v.strictObject({ text: text(500), key: text(500), count, documents: count })),
  documents: v.pipe(v.array(v.strictObject({ id: text(600), title: text(2000) })), v.maxLength(MAX_LISTED_DOCUMENTS)),
  documentCount: count,
  mentions: count,
  /** The clearest defining phrase from the documents, when one was found. */
  definition: v.optional(text(2000)),
});
export type LearnedName = v.InferOutput<typeof learnedNameSchema>;

export const learnedNamesSchema = v.pipe(v.array(learnedNameSchema), v.maxLength(MAX_LISTED_NAMES));

export const nameEditRequestSchema = v.strictObject({ edit: nameEditSchema });

/** After an edit: the list as it is now, or why the edit was not made. */
export const nameEditReplySchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), names: learnedNamesSchema }),
  v.strictObject({ ok: v.literal(false), reason: text(500) }),
]);
export type NameEditReply = v.InferOutput<typeof nameEditReplySchema>;
