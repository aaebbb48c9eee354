/**
 * What crosses between the background and the builder's thread: calls either way (the
 * background calls the builder's methods; the builder asks the background for what only it can
 * read, `browser.storage`), their replies, and the builder's events. The builder's arguments were
 * parsed by the router before the background called it; these schemas check the envelope, and
 * the events' data where the background broadcasts it to pages and tabs.
 */
import * as v from 'valibot';
import type { ReviewDecision } from '../contrasts/review';
import type { Labels } from '../kb/labels';
import { importStatusSchema, kbChangeSchema, type ImportStatus, type KbChange } from '../message-schemas';
import type { CorpusBuilder } from '../storage/corpus-builder';

/** The builder's methods the background calls, each answered once its work (or its queueing) is done. */
export const BUILDER_METHODS = [
  'ready',
  'upgrade',
  'kick',
  'checkDraft',
  'addDraft',
  'startImport',
  'receive',
  'endImport',
  'cancelImport',
  'importStatus',
  'dismissImport',
  'remove',
  'setStarter',
  'relabelled',
  'editName',
  'undoRejection',
  'learned',
] as const satisfies readonly (keyof CorpusBuilder)[];

export type BuilderMethod = (typeof BUILDER_METHODS)[number];

/** The builder as the background sees it: every method asynchronous, its values plain data. */
export type BuilderApi = Pick<CorpusBuilder, BuilderMethod>;

/** What the builder asks of the background: the live source registry, and the reader's reviews to merge an imported pack's into. */
export interface HostAsks {
  labels(): Promise<Labels>;
  importedReviews(decisions: ReviewDecision[]): Promise<unknown>;
}

/** What the builder tells the background as it works. */
export interface BuilderEvents {
  /** Told everyone (tabs, pages) once what it returns settles. */
  onChange(change: KbChange): unknown;
  onImportProgress(status: ImportStatus): unknown;
}

/** The builder and the background as each other's peers: calls, their replies, events. */
export const threadMessageSchema = v.variant('kind', [
  // Chrome's runtime messages are JSON, which has no undefined: the arguments that were undefined are listed.
  v.strictObject({
    kind: v.literal('call'),
    id: v.string(),
    method: v.string(),
    args: v.array(v.unknown()),
    undefinedArgs: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(16)))),
  }),
  v.variant('ok', [
    // No value: undefined.
    v.strictObject({ kind: v.literal('reply'), id: v.string(), ok: v.literal(true), value: v.optional(v.unknown()) }),
    v.strictObject({ kind: v.literal('reply'), id: v.string(), ok: v.literal(false), error: v.strictObject({ name: v.string(), message: v.string() }) }),
  ]),
  v.strictObject({ kind: v.literal('event'), name: v.picklist(['change', 'progress', 'idle', 'stopped']), data: v.optional(v.unknown()) }),
]);

export type ThreadMessage = v.InferOutput<typeof threadMessageSchema>;

/** The builder's events with the data each must have. */
export const eventSchemas = {
  change: kbChangeSchema,
  progress: importStatusSchema,
  idle: v.null(),
  stopped: v.strictObject({ reason: v.string() }),
} as const;
