/**
 * The background's answers to *Your documents*, "Add this page" and the import messages
 * (`corpus/*`, `sources/label` in lib/messages.ts). Every write goes to the one builder.
 */
import type { PageHandlers } from './handlers';

export type CorpusHandlers = Pick<
  PageHandlers,
  | 'corpus/preview'
  | 'corpus/add'
  | 'corpus/add-tab'
  | 'corpus/import-start'
  | 'corpus/import-batch'
  | 'corpus/import-end'
  | 'corpus/import-cancel'
  | 'corpus/import-status'
  | 'corpus/remove'
  | 'corpus/starter'
  | 'corpus/packs'
  | 'sources/label'
>;

/** Messages declared for the UI to build against whose builder side is still being written: refused (no answer). */
export const NOT_BUILT_YET = [
  'corpus/preview',
  'corpus/add',
  'corpus/add-tab',
  'corpus/import-start',
  'corpus/import-batch',
  'corpus/import-end',
  'corpus/import-cancel',
  'corpus/import-status',
  'corpus/remove',
  'corpus/starter',
  'corpus/packs',
  'sources/label',
] as const satisfies readonly (keyof CorpusHandlers)[];

export function createCorpusHandlers(): CorpusHandlers {
  const refuse = (name: string) => () => {
    throw new Error(`${name}: not built yet`);
  };
  return Object.fromEntries(NOT_BUILT_YET.map((name) => [name, refuse(name)])) as unknown as CorpusHandlers;
}
