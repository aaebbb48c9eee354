/**
 * For `npm run bench` (scripts/bench/extras.bench.ts): what the worker itself spends, from
 * its start, before it can hand a page the matcher; recorded once per worker start as
 * `backstory:kb-load`: the time to evaluate the background's script (`backstory:worker-eval`,
 * from the worker's time origin) plus, for the first event that needs the corpus, the time from
 * that event's arrival to its answer being ready (a page's first question, `gate/get` or
 * `matcher/get`, or on install, reading the matcher ahead of the first page). The wait in between is left out: the browser starts the
 * worker for any of its listeners (a tab starting to load, say) and the page's question comes
 * only once its content script runs; that wait is the page's, not the worker's.
 */
export const KB_LOAD_MEASURE = 'backstory:kb-load';
export const WORKER_EVAL_MEASURE = 'backstory:worker-eval';
/** Worker start → that first answer, the wait included (wall time, for comparison). */
export const FIRST_ANSWER_MEASURE = 'backstory:first-answer';

export interface StartupProbe {
  /** Call at the end of the background's start-up code. */
  evaluated(): void;
  /** The first event needing the corpus, which arrived at `since` (performance.now()), is answered. */
  answered(since: number): void;
  /** `answer`, timed by `answered` from each call's arrival. */
  timed<A extends unknown[], R>(answer: (...args: A) => R | Promise<R>): (...args: A) => Promise<R>;
}

export function startupProbe(): StartupProbe {
  let evaluatedAt = 0;
  let recorded = false;
  return {
    evaluated() {
      evaluatedAt = performance.now();
      performance.measure?.(WORKER_EVAL_MEASURE, { start: 0, end: evaluatedAt });
    },
    answered(since) {
      if (recorded) return;
      recorded = true;
      const now = performance.now();
      performance.measure?.(KB_LOAD_MEASURE, { start: 0, duration: evaluatedAt + (now - since) });
      performance.measure?.(FIRST_ANSWER_MEASURE, { start: 0, end: now });
    },
    timed(answer) {
      return async (...args) => {
        const arrived = performance.now();
        const result = await answer(...args);
        this.answered(arrived);
        return result;
      };
    },
  };
}
