/**
 * What the bench modules share on the Node side: timing runs, and the one seeded random generator
 * that makes generated inputs the same on every run (tests that generate inputs use it too).
 */
import { performance } from 'node:perf_hooks';

/** Runs `fn` `times` times and returns each run's duration in ms. */
export function timeRuns(times: number, fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `promise`, or `fallback` once `ms` have passed: one stuck step must not hang the whole bench. */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** Deterministic pseudo-random numbers (mulberry32): the same inputs on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
