/**
 * Issue 7 (`npm run bench`, scripts/bench/extras.bench.ts): how long after the worker started it
 * could first hand a page its matcher, recorded once per worker start as `backstory:kb-load`.
 * Two events get there first: a page's `matcher/get` that woke the worker (the answer is ready:
 * what a reader's page waits for after Chrome stopped the idle worker), or, on install, reading
 * the shipped files ahead of the first page. Time 0 is the worker's start (its time origin).
 */
export const KB_LOAD_MEASURE = 'backstory:kb-load';

export function startupProbe(): { ready(): void } {
  let recorded = false;
  return {
    ready() {
      if (recorded) return;
      recorded = true;
      performance.measure?.(KB_LOAD_MEASURE, { start: 0, end: performance.now() });
    },
  };
}
