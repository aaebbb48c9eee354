/**
 * A lazy part of the content script that the background injects into this very frame
 * (`scripting.executeScript`, see entrypoints/background/page-ui.ts) and that registers its API
 * on a global of the isolated world: the page UI (`ui/load`) and the spotting pipeline
 * (`pipeline/load`). One request however many parts of the page ask at once; a failure is not
 * remembered (the background may have been restarting), so the next need asks again.
 */
import { ask } from './background-client';

export function injectedScript<T>(
  load: 'ui/load' | 'pipeline/load',
  registered: () => T | undefined,
  failure: string,
): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    const ready = registered();
    if (ready) return Promise.resolve(ready);
    loading ??= ask(load, {})
      .then((answer) => {
        const api = registered();
        if (!answer?.ok || !api) throw new Error(failure);
        return api;
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };
}
