/**
 * The reader's edits, applied to the clusters learning made, in the order the reader made
 * them: rename, change the type, merge two, split a form off, reject. Edits name entities by
 * their id and forms (`EntityRef`), so they find their entity again after any re-learning,
 * re-import or change of id; a rejected entity's forms never join an entity again (resolve.ts
 * drops them before clustering, and here its cluster is kept, marked rejected, for the list of
 * rejected names). DOM-free.
 */
import type { DocName, EntityRef, FormCount, LearnedType, NameEdit } from './types';

/** One form of one document's name, inside a cluster. */
export interface Occurrence {
  doc: string;
  form: FormCount;
  name: DocName;
}

export interface Cluster {
  id: string;
  occurrences: Occurrence[];
  name: string;
  known?: string;
  rename?: string;
  type?: LearnedType;
  edited?: boolean;
  rejected?: boolean;
  /** A bare surname that several people in the corpus carry. */
  ambiguousSurname?: boolean;
}

/** The cluster an edit means: the one with its id, else the one holding most of its forms. */
export function findCluster(clusters: readonly Cluster[], ref: EntityRef): Cluster | undefined {
  const byId = clusters.find((c) => c.id === ref.id && c.id !== '');
  if (byId) return byId;
  const keys = new Set(ref.keys);
  let best: Cluster | undefined;
  let bestCount = 0;
  for (const c of clusters) {
    const count = new Set(c.occurrences.filter((o) => keys.has(o.form.key)).map((o) => o.form.key)).size;
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return best;
}

/**
 * Apply edits in order. `nameOf` picks a cluster's name from its forms (after a split or a merge
 * the name is chosen again unless the reader gave one).
 */
export function applyEdits(input: readonly Cluster[], edits: readonly NameEdit[], nameOf: (occurrences: readonly Occurrence[]) => string): Cluster[] {
  let clusters = [...input];
  for (const edit of edits) {
    switch (edit.kind) {
      case 'rename': {
        const c = findCluster(clusters, edit.entity);
        if (c && edit.name.trim()) Object.assign(c, { rename: edit.name.trim(), edited: true });
        break;
      }
      case 'retype': {
        const c = findCluster(clusters, edit.entity);
        if (c) Object.assign(c, { type: edit.type, edited: true });
        break;
      }
      case 'merge': {
        const a = findCluster(clusters, edit.entities[0]);
        const b = findCluster(clusters, edit.entities[1]);
        if (!a || !b || a === b) break;
        // A curated entity absorbs a learned one; otherwise the first named keeps its id.
        const [keep, gone] = b.known && !a.known ? [b, a] : [a, b];
        keep.occurrences = [...keep.occurrences, ...gone.occurrences];
        keep.edited = true;
        keep.ambiguousSurname = false;
        if (!keep.rename && !keep.known) keep.name = nameOf(keep.occurrences);
        clusters = clusters.filter((c) => c !== gone);
        break;
      }
      case 'split': {
        const c = findCluster(clusters, edit.entity);
        if (!c) break;
        const moved = c.occurrences.filter((o) => o.form.key === edit.key);
        if (!moved.length || moved.length === c.occurrences.length) break;
        c.occurrences = c.occurrences.filter((o) => o.form.key !== edit.key);
        if (!c.rename && !c.known) c.name = nameOf(c.occurrences);
        clusters.push({ id: '', occurrences: moved, name: nameOf(moved), edited: true });
        break;
      }
      case 'reject': {
        const c = findCluster(clusters, edit.entity);
        if (c) c.rejected = true;
        break;
      }
    }
  }
  return clusters;
}
