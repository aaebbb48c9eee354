/** A value the background has at hand, or a way to get it (tests pass values, the worker loaders). */
export type Lazy<T> = T | (() => Promise<T>);

/** `value` as a loader either way. */
export function lazy<T>(value: Lazy<T>): () => Promise<T> {
  return typeof value === 'function' ? (value as () => Promise<T>) : () => Promise.resolve(value);
}
