/**
 * What is at a text position: per text node, the stretches of it that belong to something drawn
 * on the page (a mention, a saved highlight), sorted by offset, found by binary search. The
 * pointer's hit-test asks this for the caret position under the pointer, instead of asking the
 * browser about every highlight range (PERFORMANCE.md). Keys are weak: text nodes the page
 * drops take their entries with them. DOM-free (any object can be a node).
 */
export interface Stretch<V> {
  /** UTF-16 offsets into the node's data, end exclusive. */
  from: number;
  to: number;
  value: V;
}

export class TextIndex<N extends object, V> {
  private byNode = new WeakMap<N, Stretch<V>[]>();

  add(node: N, from: number, to: number, value: V): void {
    const list = this.byNode.get(node);
    const stretch = { from, to, value };
    if (!list) {
      this.byNode.set(node, [stretch]);
      return;
    }
    // Stretches arrive mostly in order; insert in place to keep the list sorted.
    let i = list.length;
    while (i > 0 && list[i - 1]!.from > from) i--;
    list.splice(i, 0, stretch);
  }

  remove(node: N, value: V): void {
    const list = this.byNode.get(node);
    if (!list) return;
    const kept = list.filter((s) => s.value !== value);
    if (kept.length) this.byNode.set(node, kept);
    else this.byNode.delete(node);
  }

  /**
   * What covers `offset` in `node`. A caret sits *between* characters, so the offset just after
   * a stretch's last character still counts (the pointer is on its right half); the caller
   * confirms against the rectangles of what it found.
   */
  at(node: N, offset: number): V | undefined {
    const list = this.byNode.get(node);
    if (!list) return undefined;
    const i = lastAtOrBefore(list, offset);
    if (i < 0) return undefined;
    const stretch = list[i]!;
    return offset <= stretch.to ? stretch.value : undefined;
  }

  /** Forget everything (what is drawn is about to be indexed afresh). */
  clear(): void {
    this.byNode = new WeakMap();
  }

  stretches(node: N): readonly Stretch<V>[] {
    return this.byNode.get(node) ?? [];
  }
}

/** Index of the last stretch starting at or before `offset`, or -1. */
export function lastAtOrBefore<V>(list: readonly Stretch<V>[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.from <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
