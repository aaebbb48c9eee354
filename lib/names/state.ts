/**
 * The learned-names state, one document at a time: add a document (read once, kept as the
 * names it gives), remove one (its names go, nothing else is read again), record the reader's
 * edits; and the state as plain JSON, validated when read back so that a damaged store or a
 * foreign file is refused with a reason instead of half-loaded. DOM-free.
 */
import * as v from 'valibot';
import { readDocument } from './discover';
import type { DocNames, EntityRef, NameDocument, NameEdit, NameState } from './types';

export const NAME_STATE_FORMAT = 1;

export function emptyNameState(): NameState {
  return { format: NAME_STATE_FORMAT, docs: [], edits: [], ids: {} };
}

/** Add (or replace) a document: only this document is read. */
export function addDocument(state: NameState, doc: NameDocument): NameState {
  const names = readDocument(doc);
  return addDocumentNames(state, names);
}

/** Add names already read (`readDocument`), e.g. by a worker. */
export function addDocumentNames(state: NameState, names: DocNames): NameState {
  const docs = state.docs.filter((d) => d.doc !== names.doc);
  return { ...state, docs: [...docs, names] };
}

export function removeDocument(state: NameState, docId: string): NameState {
  return { ...state, docs: state.docs.filter((d) => d.doc !== docId) };
}

/** Record an edit; it is applied at every resolution from now on, in order. */
export function addEdit(state: NameState, edit: NameEdit): NameState {
  return { ...state, edits: [...state.edits, edit] };
}

/** Undo an edit (say, a rejection) by its index in `state.edits`. */
export function removeEdit(state: NameState, index: number): NameState {
  return { ...state, edits: state.edits.filter((_, i) => i !== index) };
}

/**
 * Take in edits made elsewhere (an imported pack's learned-name decisions): each one not already
 * in the state is added after the state's own, so the reader's edits here keep their order and a
 * pack imported twice adds nothing the second time.
 */
export function importEdits(state: NameState, edits: readonly NameEdit[]): NameState {
  const have = new Set(state.edits.map(editKey));
  const added = edits.filter((e) => {
    const k = editKey(e);
    if (have.has(k)) return false;
    have.add(k);
    return true;
  });
  return added.length ? { ...state, edits: [...state.edits, ...added] } : state;
}

/** An edit's identity: what it does to which forms (the id a device gave the entity is its own). */
function editKey(edit: NameEdit): string {
  const keys = (ref: EntityRef) => [...ref.keys].sort().join('|');
  switch (edit.kind) {
    case 'rename':
      return `rename ${keys(edit.entity)} ${edit.name}`;
    case 'retype':
      return `retype ${keys(edit.entity)} ${edit.type}`;
    case 'merge':
      return `merge ${keys(edit.entities[0])} ${keys(edit.entities[1])}`;
    case 'split':
      return `split ${keys(edit.entity)} ${edit.key}`;
    case 'reject':
      return `reject ${keys(edit.entity)}`;
  }
}

/** The names the reader rejected, with the index of the edit that would undo each. */
export function rejectedNames(state: NameState): { index: number; entity: EntityRef }[] {
  return state.edits.flatMap((e, index) => (e.kind === 'reject' ? [{ index, entity: e.entity }] : []));
}

// --- JSON ---------------------------------------------------------------------------------

const text = /* @__NO_SIDE_EFFECTS__ */ (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const key = text(500);
const ref = v.strictObject({ id: text(600), keys: v.pipe(v.array(key), v.maxLength(10_000)) });
const type = v.picklist(['person', 'organization', 'place', 'other']);
const strong = v.picklist(['title', 'acronym', 'script', 'definition', 'head', 'initial', 'listed']);
const votes = v.strictObject({ person: v.number(), organization: v.number(), place: v.number(), other: v.number() });

const formSchema = v.strictObject({
  text: text(500),
  key,
  count,
  paras: v.array(count),
  tentative: v.optional(v.literal(true)),
  short: v.optional(v.literal(true)),
  lowercaseSeen: v.optional(v.literal(true)),
});

const docNameSchema = v.strictObject({
  forms: v.pipe(v.array(formSchema), v.minLength(1)),
  votes,
  strong: v.array(strong),
  person: v.optional(v.strictObject({ given: v.array(text(200)), initials: v.array(text(10)), surname: text(300) })),
  initials: v.optional(text(50)),
  headless: v.optional(key),
  definitions: v.array(v.strictObject({ text: text(2000), cite: text(600), score: v.number() })),
  tentative: v.optional(v.literal(true)),
});

/** One reader's edit as the store and an exported corpus pack carry it. */
export const nameEditSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('rename'), entity: ref, name: v.pipe(text(300), v.minLength(1)) }),
  v.strictObject({ kind: v.literal('retype'), entity: ref, type }),
  v.strictObject({ kind: v.literal('merge'), entities: v.tuple([ref, ref]) }),
  v.strictObject({ kind: v.literal('split'), entity: ref, key }),
  v.strictObject({ kind: v.literal('reject'), entity: ref }),
]);

const stateSchema = v.strictObject({
  format: v.literal(NAME_STATE_FORMAT),
  docs: v.array(v.strictObject({ doc: text(600), names: v.array(docNameSchema) })),
  edits: v.array(nameEditSchema),
  ids: v.record(key, text(600)),
});

export class NameStateError extends Error {}

/** Read a stored or exported state back; throws a `NameStateError` that says what is wrong. */
export function parseNameState(json: string | unknown): NameState {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new NameStateError(`learned names: not JSON (${(error as Error).message})`);
    }
  }
  const result = v.safeParse(stateSchema, data);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new NameStateError(`learned names: ${path ? `${path}: ` : ''}${issue.message}`);
  }
  return result.output as NameState;
}

export function serializeNameState(state: NameState): string {
  return JSON.stringify(state);
}
