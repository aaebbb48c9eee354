/**
 * The reads the background is answering now (a card's), so that the import's next batch can
 * wait for them instead of them waiting for its writes. A stream of reads that never pauses
 * holds the import up by at most `maxWaitMs` per batch.
 */
export interface ReadGate {
  /** Runs `read`, counted as in flight until it settles. */
  reading<T>(read: () => Promise<T>): Promise<T>;
  /** Resolves when no read is in flight, or after `maxWaitMs`. */
  idle(): Promise<void>;
}

export function createReadGate(maxWaitMs = 40): ReadGate {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const release = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  return {
    async reading(read) {
      inFlight++;
      try {
        return await read();
      } finally {
        if (--inFlight === 0) release();
      }
    },
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, maxWaitMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
