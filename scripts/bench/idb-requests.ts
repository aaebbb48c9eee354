/**
 * Counts IndexedDB requests and transactions (fake-indexeddb's, or any `IDB*` globals): every
 * call that makes an `IDBRequest` (get, put, a cursor's step, ...) and every `transaction()`.
 * What an import costs the browser grows with these, not with the milliseconds fake-indexeddb
 * takes; `reset` zeroes, `stop` restores the originals.
 */
export interface IdbCounts {
  requests: number;
  transactions: number;
  /** Requests by `Store.method`. */
  byMethod: Map<string, number>;
}

const METHODS: Record<string, readonly string[]> = {
  IDBObjectStore: ['add', 'put', 'get', 'getKey', 'getAll', 'getAllKeys', 'delete', 'clear', 'count', 'openCursor', 'openKeyCursor'],
  IDBIndex: ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'],
  IDBCursor: ['continue', 'continuePrimaryKey', 'advance', 'update', 'delete'],
};

export function countIdbRequests(): { counts: IdbCounts; reset(): void; stop(): void } {
  const counts: IdbCounts = { requests: 0, transactions: 0, byMethod: new Map() };
  const restore: (() => void)[] = [];
  const g = globalThis as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>;
  for (const [cls, methods] of Object.entries(METHODS)) {
    const proto = g[cls]?.prototype;
    if (!proto) continue;
    for (const method of methods) {
      const original = proto[method] as ((...args: unknown[]) => unknown) | undefined;
      if (typeof original !== 'function') continue;
      const key = `${cls}.${method}`;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        counts.requests++;
        counts.byMethod.set(key, (counts.byMethod.get(key) ?? 0) + 1);
        return original.apply(this, args);
      };
      restore.push(() => (proto[method] = original));
    }
  }
  const dbProto = g.IDBDatabase?.prototype;
  const transaction = dbProto?.transaction as ((...args: unknown[]) => unknown) | undefined;
  if (dbProto && transaction) {
    dbProto.transaction = function (this: unknown, ...args: unknown[]) {
      counts.transactions++;
      return transaction.apply(this, args);
    };
    restore.push(() => (dbProto.transaction = transaction));
  }
  return {
    counts,
    reset() {
      counts.requests = 0;
      counts.transactions = 0;
      counts.byMethod.clear();
    },
    stop() {
      for (const r of restore) r();
    },
  };
}
