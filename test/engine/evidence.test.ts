import { describe, expect, it } from 'vitest';
import { PageEvidence, spotText } from '../../lib/engine/evidence';
import { makeMatcher, marked } from './helpers';

const matcher = makeMatcher([
  { id: 'pmu', type: 'organization', names: ['Popular Mobilization Units', 'Hashd al-Shaabi'], contextual: ['PMU'] },
  { id: 'hale', names: ['David Hale'], specificity: 'common', contextual: ['Hale'] },
  { id: 'soleimani', names: ['Qasem Soleimani', 'Soleimani'] },
  { id: 'kadhimi', names: ['Mustafa al-Kadhimi', 'Kadhimi'] },
  { id: 'us', type: 'place', names: ['United States'], specificity: 'common' },
]);

const spotted = (text: string, suppressed?: string[]) =>
  marked(matcher, text, spotText(matcher, text, { suppressed: suppressed && new Set(suppressed) }));

describe('the context rule', () => {
  it('does not mark an ambiguous name alone on an unrelated page', () => {
    expect(spotted('The PMU (power management unit) regulates the voltage of the board.')).toEqual([]);
  });

  it('marks an ambiguous name when the page also names its entity unambiguously', () => {
    expect(spotted('The Popular Mobilization Units said the PMU would stay.')).toEqual([
      ['Popular Mobilization Units', 'pmu'],
      ['PMU', 'pmu'],
    ]);
  });

  it('marks an ambiguous name on a page that names two other entities uniquely', () => {
    expect(spotted('Soleimani and Kadhimi; the PMU')).toContainEqual(['PMU', 'pmu']);
    expect(spotted('Soleimani alone; the PMU')).not.toContainEqual(['PMU', 'pmu']);
  });

  it('marks an ambiguous name on a page that names one entity uniquely and another by a common name that counts', () => {
    // "Mike Pompeo" and "Iraq": the United States counts beside Kadhimi, so the PMU does too.
    expect(spotted('Kadhimi flew to the United States; the PMU stayed.')).toContainEqual(['PMU', 'pmu']);
    // A common name that does not count itself vouches for nothing.
    expect(spotted('David Hale visited the United States; the PMU stayed.')).not.toContainEqual(['PMU', 'pmu']);
  });

  it('does not mark a common name alone, but does with other corpus entities on the page', () => {
    expect(spotted('David Hale, the novelist, signed books.')).toEqual([]);
    expect(spotted('David Hale met Kadhimi after Soleimani was killed.')).toEqual([
      ['David Hale', 'hale'],
      ['Kadhimi', 'kadhimi'],
      ['Soleimani', 'soleimani'],
    ]);
  });

  it('does not let a common name count as evidence for another common name', () => {
    expect(spotted('David Hale visited the United States.')).toEqual([]);
  });

  it('lets a common name vouch for its own ambiguous alias once it is accepted context', () => {
    expect(spotted('David Hale arrived. Hale said Kadhimi agreed.')).toEqual([
      ['David Hale', 'hale'],
      ['Hale', 'hale'],
      ['Kadhimi', 'kadhimi'],
    ]);
  });

  it('does not mark an ambiguous alias through a common name that does not count itself', () => {
    expect(spotted('David Hale, the novelist, signed books. Hale smiled.')).toEqual([]);
  });

  it('never marks a suppressed entity, nor counts it as evidence', () => {
    expect(spotted('Soleimani and Kadhimi; the PMU', ['soleimani'])).toEqual([['Kadhimi', 'kadhimi']]);
  });

  it('takes evidence from every chunk of the page added so far', () => {
    const evidence = new PageEvidence(matcher);
    const first = matcher.findAll('The PMU announced it.');
    evidence.add(first);
    expect(evidence.accepts(first[0]!)).toBe(false);
    evidence.add(matcher.findAll('Popular Mobilization Units'));
    expect(evidence.accepts(first[0]!)).toBe(true);
  });
});
