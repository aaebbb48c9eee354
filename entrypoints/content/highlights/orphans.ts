/**
 * Telling the background which of the page's highlights are anchored (at once) and which are
 * orphans (only after a grace period: content may still be arriving), each once, so the popup
 * lists orphans with their text instead of losing them.
 */
import type { Timers } from '../../../lib/page/hover-intent';
import { ask } from '../background-client';

/** An unanchored highlight is reported as an orphan only if still unanchored this long after a pass. */
const ORPHAN_GRACE_MS = 2500;

export class OrphanReport {
  private reported = new Map<string, 'anchored' | 'orphan'>();
  private timer = 0;

  constructor(
    private readonly timers: Timers,
    /** The page's highlights now, and which of them are anchored. */
    private readonly current: () => { ids: readonly string[]; anchored: ReadonlyMap<string, unknown> },
  ) {}

  /** After an anchoring pass. */
  update(): void {
    const { anchored } = this.current();
    const newlyAnchored = [...anchored.keys()].filter((id) => this.reported.get(id) !== 'anchored');
    for (const id of newlyAnchored) this.reported.set(id, 'anchored');
    if (newlyAnchored.length > 0) void ask('highlights/anchored', { anchored: newlyAnchored, orphans: [] }).catch(() => undefined);
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      const { ids, anchored } = this.current();
      const orphans = ids.filter((id) => !anchored.has(id) && this.reported.get(id) !== 'orphan');
      for (const id of orphans) this.reported.set(id, 'orphan');
      if (orphans.length > 0) void ask('highlights/anchored', { anchored: [], orphans }).catch(() => undefined);
    }, ORPHAN_GRACE_MS);
  }

  /** A removed highlight: if it is saved again, it is reported again. */
  forget(id: string): void {
    this.reported.delete(id);
  }

  stop(): void {
    this.timers.clearTimeout(this.timer);
  }
}
