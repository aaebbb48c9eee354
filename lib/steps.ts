/**
 * Long work written once, as a generator that pauses (`yield`) wherever the page could be given
 * its main thread back, and run one of two ways: straight through where nothing waits on it
 * (the CLI, the knowledge-base builder, tests), or a slice at a time in the content script,
 * where no task may become a long task (> 50 ms). Both ways give the same result, because they
 * run the same code. DOM-free.
 */

export type Steps<T> = Generator<void, T, void>;

/** When to pause and how: the content script's slice clock (entrypoints/content/yield.ts). */
export interface SliceBudget {
  /** The slice's budget is spent. */
  due(): boolean;
  /** Give the page its thread back; resolves when the work may go on. */
  yield(): Promise<void>;
}

/** Run to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Run a slice at a time; null when `isCancelled` says so after a pause. */
export async function runSliced<T>(steps: Steps<T>, budget: SliceBudget, isCancelled: () => boolean): Promise<T | null> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (budget.due()) {
      await budget.yield();
      if (isCancelled()) return null;
    }
  }
}
