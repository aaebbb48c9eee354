/**
 * Sets of names joined as one entity (union-find with path halving), and a bounded memo for the
 * word-level computations name learning repeats many times per document. DOM-free.
 */
export class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  /** Join the sets of `a` and `b`; returns the root of the joined set (the smaller index). */
  union(a: number, b: number): number {
    const [x, y] = [this.find(a), this.find(b)];
    const [root, child] = x < y ? [x, y] : [y, x];
    this.parent[child] = root;
    return root;
  }
}

/** `fn` with its results kept, forgotten all at once past `limit` entries (a corpus has a bounded vocabulary). */
export function memo<T>(fn: (key: string) => T, limit = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
