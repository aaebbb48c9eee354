// @vitest-environment happy-dom
/**
 * The content script's measures on the page's timeline stay bounded on a busy page (a live
 * ticker is rescanned many times a second): at most MAX_MEASURES_PER_NAME of each name, the
 * newest kept — except while `npm run bench` marks the page, when it reads every one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MEASURES_PER_NAME, measure } from '../../entrypoints/content/measures';

const entries = (name: string) => performance.getEntriesByName(name, 'measure') as PerformanceMeasure[];

afterEach(() => {
  delete document.documentElement.dataset.backstoryBench;
  performance.clearMeasures();
});

describe('measure', () => {
  it('keeps at most the limit of one name, the newest among them, and leaves other names alone', () => {
    measure('backstory:test-other', performance.now(), { n: -1 });
    for (let n = 0; n < MAX_MEASURES_PER_NAME * 2 + 5; n++) {
      measure('backstory:test-busy', performance.now(), { n });
      expect(entries('backstory:test-busy').length).toBeLessThanOrEqual(MAX_MEASURES_PER_NAME);
    }
    const kept = entries('backstory:test-busy');
    expect(kept.at(-1)!.detail).toEqual({ n: MAX_MEASURES_PER_NAME * 2 + 4 });
    expect(kept.length).toBeGreaterThan(0);
    expect(entries('backstory:test-other')).toHaveLength(1);
  });

  it('clears nothing while the bench reads every measure of a long run', () => {
    document.documentElement.dataset.backstoryBench = '';
    for (let n = 0; n < MAX_MEASURES_PER_NAME + 50; n++) measure('backstory:test-bench', performance.now());
    expect(entries('backstory:test-bench')).toHaveLength(MAX_MEASURES_PER_NAME + 50);
  });
});
