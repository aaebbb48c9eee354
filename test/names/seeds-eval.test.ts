import { describe, expect, it } from 'vitest';
import { readSeedInput, scoreSeeds, THRESHOLDS } from '../../scripts/eval/names';

describe('names learned from the seeds with the gazetteer withheld', () => {
  it('recovers its people and organisations, each as one entity', () => {
    const score = scoreSeeds(readSeedInput());
    expect(score.expected.length).toBeGreaterThan(30);
    expect(score.recall).toBeGreaterThanOrEqual(THRESHOLDS.recall);
    expect(score.precision).toBeGreaterThanOrEqual(THRESHOLDS.precision);
    expect(score.pairwise.f1).toBeGreaterThanOrEqual(THRESHOLDS.pairwiseF1);
    // Al-Kazemi, Mostafa al-Kadhimi, Mustafa al-Khadimi... are one person.
    const kadhimi = score.clusters.filter((c) => c.entry === 'mustafa-al-kadhimi' && c.active);
    expect(kadhimi).toHaveLength(1);
    expect(kadhimi[0]!.forms).toEqual(expect.arrayContaining(['Al-Kazemi', 'Mostafa al-Kadhimi', 'Mustafa al-Khadimi', 'Kadhimi']));
  });
});
