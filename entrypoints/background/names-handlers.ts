/**
 * The background's answers to *Your documents*' learned names (`names/*` in lib/messages.ts):
 * the list, and the reader's edits, each run through the builder's learning step (the one
 * writer of the learned state), which rebuilds the matcher and tells open tabs to rescan when
 * the names it marks changed. Only extension pages can send these (the router checks the
 * sender); an edit naming no learned entity is refused with a reason and changes nothing.
 */
import { foldedKey } from '../../lib/kb/build';
import type { LearnedName, NameEditReply } from '../../lib/message-schemas-names';
import { MAX_LISTED_DOCUMENTS, MAX_LISTED_NAMES } from '../../lib/message-schemas-names';
import type { EntityRef, LearnedEntity, NameEdit } from '../../lib/names/types';
import type { BackstoryDb } from '../../lib/storage/db';
import { readNames, readNameState } from '../../lib/storage/name-learning';
import type { PageHandlers } from './handlers';
import type { Knowledge } from './knowledge';

export type NamesHandlers = Pick<PageHandlers, 'names/list' | 'names/edit' | 'names/restore'>;

/** The learned entities as *Your documents* lists them, with their documents' titles. */
export async function listLearnedNames(db: BackstoryDb): Promise<LearnedName[]> {
  // New spellings of a curated entity are listed only when the curated names lack one of them.
  const curated = new Set(((await readNames(db, 'curated'))?.input.patterns ?? []).map((p) => foldedKey(p.text)));
  const entities = ((await readNames(db, 'entities')) ?? []).filter((e) => !e.known || e.forms.some((f) => !curated.has(f.key))).slice(0, MAX_LISTED_NAMES);
  const docIds = [...new Set(entities.flatMap((e) => e.docs.slice(0, MAX_LISTED_DOCUMENTS)))];
  const knownIds = [...new Set(entities.flatMap((e) => (e.known ? [e.known] : [])))];
  const [docs, known] = await Promise.all([db.documents.bulkGet(docIds), db.entities.bulkGet(knownIds)]);
  const titles = new Map(docs.flatMap((d) => (d ? [[d.id, d.title] as const] : [])));
  const names = new Map(known.flatMap((e) => (e ? [[e.id, e.name] as const] : [])));
  const listed = entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    ...(e.known ? { known: { id: e.known, name: names.get(e.known) ?? e.known } } : {}),
    active: e.active && !e.rejected,
    reason: e.reason.slice(0, 500),
    rejected: e.rejected === true,
    edited: e.edited === true,
    forms: e.forms.map((f) => ({ text: f.text, key: f.key, count: f.count, documents: f.docs.length })),
    documents: e.docs.slice(0, MAX_LISTED_DOCUMENTS).flatMap((id) => (titles.has(id) ? [{ id, title: titles.get(id)!.slice(0, 2000) }] : [])),
    documentCount: e.docs.length,
    mentions: e.mentions,
    ...(e.background[0] ? { definition: e.background[0].text.slice(0, 2000) } : {}),
  }));
  return [...listed, ...(await rejectedNames(db, titles))].slice(0, MAX_LISTED_NAMES);
}

/**
 * The names the reader rejected: learning drops their forms before anything else, so they are
 * read back from the documents' names (the forms' spellings and counts) by the rejection's keys.
 */
async function rejectedNames(db: BackstoryDb, titles: Map<string, string>): Promise<LearnedName[]> {
  const state = await readNameState(db);
  if (!state) return [];
  const rejections = state.edits.flatMap((e) => (e.kind === 'reject' ? [e.entity] : []));
  const missing = new Set<string>();
  const names = rejections.map((ref) => {
    const keys = new Set(ref.keys);
    const forms = new Map<string, { text: string; key: string; count: number; documents: number }>();
    const docs: string[] = [];
    for (const d of state.docs) {
      let named = false;
      for (const name of d.names) {
        for (const f of name.forms) {
          if (!keys.has(f.key)) continue;
          named = true;
          const form = forms.get(f.key) ?? { text: f.text, key: f.key, count: 0, documents: 0 };
          form.count += f.count;
          form.documents++;
          forms.set(f.key, form);
        }
      }
      if (named) docs.push(d.doc);
    }
    // A form no document names any more is still listed, by its key, so it can be restored.
    for (const key of ref.keys) if (!forms.has(key)) forms.set(key, { text: key, key, count: 0, documents: 0 });
    for (const doc of docs.slice(0, MAX_LISTED_DOCUMENTS)) if (!titles.has(doc)) missing.add(doc);
    const sorted = [...forms.values()].sort((a, b) => b.count - a.count);
    return { ref, forms: sorted, docs };
  });
  for (const row of await db.documents.bulkGet([...missing])) if (row) titles.set(row.id, row.title);
  // Named by its fullest form (most words, then most written): "Mohammad al-Halboosi", not "Al-Halboosi".
  const words = (text: string) => text.split(/\s+/).length;
  const fullest = (forms: readonly { text: string; count: number }[]) => [...forms].sort((a, b) => words(b.text) - words(a.text) || b.count - a.count)[0]!.text;
  return names.map(({ ref, forms, docs }) => ({
    id: ref.id,
    name: fullest(forms),
    type: 'other' as const,
    active: false,
    reason: 'rejected by you',
    rejected: true,
    edited: true,
    forms,
    documents: docs.slice(0, MAX_LISTED_DOCUMENTS).flatMap((id) => (titles.has(id) ? [{ id, title: titles.get(id)!.slice(0, 2000) }] : [])),
    documentCount: docs.length,
    mentions: forms.reduce((n, f) => n + f.count, 0),
  }));
}

/** Whether `ref` names an entity learning made (by id, or by a form it has). */
function findEntity(entities: readonly LearnedEntity[], ref: EntityRef): LearnedEntity | undefined {
  const keys = new Set(ref.keys);
  return entities.find((e) => e.id === ref.id) ?? entities.find((e) => e.forms.some((f) => keys.has(f.key)));
}

/** Why the edit cannot be made, or undefined when it can. */
function refusal(entities: readonly LearnedEntity[], edit: NameEdit): string | undefined {
  const refs = edit.kind === 'merge' ? edit.entities : [edit.entity];
  const found = refs.map((r) => findEntity(entities, r));
  if (found.some((e) => !e)) return 'Backstory has not learned that name (the list may be out of date: reload it).';
  if (edit.kind === 'merge' && found[0] === found[1]) return 'Those are already one name.';
  if (edit.kind === 'rename' && !edit.name.trim()) return 'A name cannot be empty.';
  if (edit.kind === 'split') {
    const entity = found[0]!;
    if (!entity.forms.some((f) => f.key === edit.key)) return `“${entity.name}” has no such form.`;
    if (entity.forms.length < 2) return `“${entity.name}” has only that form.`;
  }
  return undefined;
}

export function createNamesHandlers(knowledge: Knowledge): NamesHandlers {
  const { db, builder } = knowledge;
  const after = async (): Promise<NameEditReply> => {
    // A matcher with other names made documents stale: read again in the background.
    void builder.kick();
    return { ok: true, names: await listLearnedNames(db) };
  };
  return {
    'names/list': async () => {
      await knowledge.ready();
      await builder.learned();
      return listLearnedNames(db);
    },
    'names/edit': async ({ edit }) => {
      await knowledge.ready();
      await builder.learned();
      const reason = refusal((await readNames(db, 'entities')) ?? [], edit as NameEdit);
      if (reason) return { ok: false, reason };
      await builder.editName(edit as NameEdit);
      return after();
    },
    'names/restore': async ({ keys }) => {
      await knowledge.ready();
      await builder.undoRejection(keys);
      return after();
    },
  };
}
