/**
 * Before the matcher: could this page name anyone Backstory knows? The token gate
 * (lib/engine/token-gate.ts) answers from the page's words; until it says yes, the page is not
 * sent the matcher, which it could not use. The page is read the way the spotter reads it (its
 * chunks, its open shadow roots), a slice at a time, stopping at the first chunk that may hold a
 * name; a page that cannot waits for a change of its own that brings one.
 */
import type { TokenGate } from '../../lib/engine/token-gate';
import { readPageText } from '../../lib/page/dom-page-text';
import { chunksOf } from './chunks';
import type { Teardown } from './page-parts';
import type { PageWatcher } from './page-watcher';
import { measure } from './measures';
import { SliceClock } from './yield';

/** Characters read between checks of the slice's clock. */
const WINDOW = 1 << 16;

/** Each read of the page by the gate: `detail.names` says whether it may name someone. */
export const GATE_MEASURE = 'backstory:gate';

/** Whether some chunk of `roots` may hold a name; false too once `stopped` says so. */
export async function mayName(gate: TokenGate, roots: readonly Element[], stopped: () => boolean, onShadowRoot?: (root: ShadowRoot) => void): Promise<boolean> {
  const clock = new SliceClock();
  for (const root of roots) {
    if (!root.isConnected) continue;
    // The chunks as the page is now: walked as they are read until the first pause, and listed
    // whole just before it (the page may change while we wait), so a page that names someone in
    // its first slice is not walked to its end.
    const walk = chunksOf(root);
    let listed: Element[] | null = null;
    const pause = async () => {
      listed ??= [...walk];
      await clock.yield();
    };
    for (let at = 0; ; ) {
      const chunk = listed ? listed[at++] : walk.next().value;
      if (!chunk) break;
      if (clock.due()) await pause();
      if (stopped()) return false;
      if (!chunk.isConnected) continue;
      const text = readPageText(chunk, { onShadowRoot }).text;
      // A huge text (a 5 MB <pre>) a window at a time, each window ending where a word does.
      for (let from = 0; from < text.length; ) {
        const to = gate.wordEnd(text, Math.min(text.length, from + WINDOW));
        if (gate.mayName(text, from, to)) return true;
        from = to;
        if (from < text.length && clock.due()) await pause();
        if (stopped()) return false;
        if (!chunk.isConnected) break;
      }
    }
  }
  return false;
}

/**
 * Calls `then` once the page may name someone: at once, or after the page changes. Returns the
 * teardown that stops waiting.
 */
export function whenPageMayName(gate: TokenGate, watcher: PageWatcher, then: () => void): Teardown {
  let stopped = false;
  let unwatch: Teardown = () => {};
  const stop = () => {
    stopped = true;
    unwatch();
  };
  const isStopped = () => stopped;
  const check = async (roots: readonly Element[]) => {
    const start = performance.now();
    const names = await mayName(gate, roots, isStopped, watcher.observeShadowRoot);
    if (stopped) return;
    measure(GATE_MEASURE, start, { names });
    if (!names) return;
    stop();
    then();
  };
  // Watching first, so a change made while the page is read is not missed.
  unwatch = watcher.subscribe((plan) => void check(plan.roots));
  void check(document.body ? [document.body] : []);
  return stop;
}
