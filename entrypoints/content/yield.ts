/**
 * Giving the page its main thread back between slices of work, so no task Backstory runs
 * becomes a long task (> 50 ms). `scheduler.yield()` (Chrome 129+, Firefox 142+) resumes us
 * ahead of other queued tasks; elsewhere a MessageChannel message is the fastest macrotask
 * that is not clamped like nested `setTimeout(0)`.
 */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Budget of one slice: well under the 50 ms long-task line, leaving the page room in the frame. */
export const SLICE_MS = 8;

/** Tracks one slice's budget; `due()` says when to yield. */
export class SliceClock {
  private sliceStart = performance.now();
  /** Time spent working (excluding yields), for the scan measure's detail. */
  busy = 0;

  due(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  async yield(): Promise<void> {
    this.busy += performance.now() - this.sliceStart;
    await yieldToPage();
    this.sliceStart = performance.now();
  }

  finish(): number {
    this.busy += performance.now() - this.sliceStart;
    this.sliceStart = performance.now();
    return this.busy;
  }
}
