/**
 * Which mention is at a text position: per text node, the stretches of it that belong to
 * mentions, sorted by offset, found by binary search. The hit-test asks this for the caret
 * position under the pointer, instead of asking the browser about every highlight range.
 * Keys are weak: text nodes the page drops take their entries with them.
 */
export interface Stretch<M> {
  /** UTF-16 offsets into the node's data, end exclusive. */
  from: number;
  to: number;
  mention: M;
}

export class MentionIndex<N extends object, M> {
  private byNode = new WeakMap<N, Stretch<M>[]>();

  add(node: N, from: number, to: number, mention: M): void {
    const list = this.byNode.get(node);
    const stretch = { from, to, mention };
    if (!list) {
      this.byNode.set(node, [stretch]);
      return;
    }
    // Mentions arrive mostly in order; insert in place to keep the list sorted.
    let i = list.length;
    while (i > 0 && list[i - 1]!.from > from) i--;
    list.splice(i, 0, stretch);
  }

  remove(node: N, mention: M): void {
    const list = this.byNode.get(node);
    if (!list) return;
    const kept = list.filter((s) => s.mention !== mention);
    if (kept.length) this.byNode.set(node, kept);
    else this.byNode.delete(node);
  }

  /**
   * The mention covering `offset` in `node`. A caret sits *between* characters, so the offset
   * just after a mention's last character still counts (the pointer is on its right half);
   * the caller confirms against the mention's rectangles.
   */
  at(node: N, offset: number): M | undefined {
    const list = this.byNode.get(node);
    if (!list) return undefined;
    const i = lastAtOrBefore(list, offset);
    if (i < 0) return undefined;
    const stretch = list[i]!;
    return offset <= stretch.to ? stretch.mention : undefined;
  }

  stretches(node: N): readonly Stretch<M>[] {
    return this.byNode.get(node) ?? [];
  }
}

/** Index of the last stretch starting at or before `offset`, or -1. */
export function lastAtOrBefore<M>(list: readonly Stretch<M>[], offset: number): number {
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
