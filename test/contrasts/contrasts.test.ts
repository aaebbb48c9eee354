// Accounts differ, found automatically: what a reader sees on a card after adding documents that
// describe an entity in opposed terms — and what must never appear.
import { readDocument, type DocumentReading } from '../../lib/contrasts/document';
import { entitiesToRecompute, entityContrasts } from '../../lib/contrasts/entity';
import { applyDecisions, decisionFor, mergeDecisions, ReviewDecisionSchema } from '../../lib/contrasts/review';
import * as v from 'valibot';
import { findNames } from '../../lib/accounts/mentions';
import { documentOf, ENTITIES, locate } from './corpus-fixture';

const PMU = { id: 'pmu', name: 'the PMU' };
const read = (id: string, perspective: string | null, paragraphs: string[]): DocumentReading => {
  const { doc, passages } = documentOf(id, perspective, paragraphs);
  return readDocument(doc, passages, ENTITIES, locate);
};
const accountsOf = (...readings: DocumentReading[]) => readings.flatMap((r) => r.accounts);

const hostile = read('hostile', 'israeli', ['Although the PMU fought ISIS, they have become a violent force in Iraq.']);
const friendly = read('friendly', 'iranian-state', ['The PMU liberated Mosul from ISIS and played a decisive role in securing the country.']);
const alsoHostile = read('also-hostile', 'israeli', ['The PMU is a brutal militia.']);

test('opposed accounts from two perspectives become one automatic contrast with both outlets, the more negative first', () => {
  const { automatic } = entityContrasts(PMU, accountsOf(hostile, friendly));
  expect(automatic).toHaveLength(1);
  const [contrast] = automatic;
  expect(contrast!.origin).toBe('automatic');
  expect(contrast!.review).toBeUndefined(); // not reviewed
  expect(contrast!.topic).toBe('How outlets describe the PMU');
  expect(contrast!.positions.map((p) => [p.doc, p.perspective])).toEqual([
    ['hostile', 'israeli'],
    ['friendly', 'iranian-state'],
  ]);
  // Quotes are the documents' own passages, verbatim.
  expect(contrast!.positions[0].quote).toBe('Although the PMU fought ISIS, they have become a violent force in Iraq.');
  expect(contrast!.positions[0].stance).toBeLessThan(0);
  expect(contrast!.positions[1].stance).toBeGreaterThan(0);
});

test('a same-perspective pair is never a contrast, however opposed', () => {
  const praising = read('praising', 'israeli', ['The PMU played a decisive role in securing the country.']);
  expect(entityContrasts(PMU, accountsOf(hostile, alsoHostile, praising)).automatic).toEqual([]);
});

test('an outlet whose perspective is not labelled is on the stance strip but in no contrast', () => {
  const unlabelled = read('unlabelled', null, ['The PMU played a decisive role in securing the country.']);
  const view = entityContrasts(PMU, accountsOf(hostile, unlabelled));
  expect(view.automatic).toEqual([]);
  expect(view.strip.map((m) => [m.doc, m.perspective])).toEqual([
    ['hostile', 'israeli'],
    ['unlabelled', null],
  ]);
});

test('the stance strip has one mark per document, most negative first, each with its quote and passage', () => {
  const { strip } = entityContrasts(PMU, accountsOf(friendly, hostile));
  expect(strip.map((m) => m.doc)).toEqual(['hostile', 'friendly']);
  for (const m of strip) {
    expect(m.stance).toBeGreaterThanOrEqual(-1);
    expect(m.stance).toBeLessThanOrEqual(1);
    expect(m.passage).toBe(`${m.doc}:1:0`);
  }
  expect(strip[1]!.characterisation?.text).toContain('decisive role');
});

test('adding or removing a document recomputes only the entities it mentions, and the contrast id stays the same', () => {
  expect(entitiesToRecompute(undefined, friendly)).toEqual(['isis', 'mosul', 'pmu']);
  const before = entityContrasts(PMU, accountsOf(hostile, friendly)).automatic[0]!;
  // The same documents with another passage chosen: the id, and so the reader's decision, holds.
  const friendlier = read('friendly', 'iranian-state', ['The heroic PMU protected Iraq.', 'The PMU liberated Mosul from ISIS.']);
  const after = entityContrasts(PMU, accountsOf(hostile, friendlier)).automatic[0]!;
  expect(after.id).toBe(before.id);
  expect(before.id).toBe('auto-contrast:pmu:friendly+hostile');
  expect(entityContrasts(PMU, accountsOf(hostile)).automatic).toEqual([]);
});

test('curated contrasts come first: an automatic one between the same documents is left out', () => {
  const curated = [
    {
      id: 'what-is-the-pmu',
      topic: 'What is the PMU?',
      entities: ['pmu'],
      positions: [
        { doc: 'hostile', perspective: 'israeli', passage: 'hostile:1:0', quote: 'a violent force', stance: 'Violent' },
        { doc: 'friendly', perspective: 'iranian-state', passage: 'friendly:1:0', quote: 'a decisive role', stance: 'Decisive' },
      ],
    },
  ];
  const view = entityContrasts(PMU, accountsOf(hostile, friendly), { curated });
  expect(view.curated).toBe(curated);
  expect(view.automatic).toEqual([]);
});

test('the reader dismisses or keeps a contrast; the decision is validated, travels by id, and the newer one wins', () => {
  const [contrast] = entityContrasts(PMU, accountsOf(hostile, friendly)).automatic;
  const dismissed = decisionFor(contrast!, 'dismissed', new Date('2026-12-01T10:00:00Z'));
  expect(v.safeParse(ReviewDecisionSchema, dismissed).success).toBe(true);
  expect(dismissed).toEqual({ id: contrast!.id, decision: 'dismissed', decidedAt: '2026-12-01T10:00:00.000Z', entities: ['pmu'], docs: ['friendly', 'hostile'] });
  expect(entityContrasts(PMU, accountsOf(hostile, friendly), { decisions: [dismissed] }).automatic).toEqual([]);

  const kept = decisionFor(contrast!, 'kept', new Date('2026-12-02T10:00:00Z'));
  const merged = mergeDecisions([dismissed], [kept]);
  expect(merged).toEqual([kept]);
  expect(applyDecisions([contrast!], merged)[0]!.review).toBe('kept');

  for (const bad of [{ ...kept, id: 'what-is-the-pmu' }, { ...kept, decision: 'maybe' }, { ...kept, decidedAt: 'yesterday' }, { ...kept, docs: [] }]) {
    expect(v.safeParse(ReviewDecisionSchema, bad).success).toBe(false);
  }
});

test('two outlets that each say what the entity wants are set against each other, even when neither judges it', () => {
  // regime-fears-talks (paragraphs 14 and 16) as two outlets: what Iraq needs against what its people will.
  const iraq = { id: 'iraq', name: 'Iraq' };
  const entities = new Map([['iraq', { id: 'iraq', type: 'place' as const, name: 'Iraq', names: ['Iraq', 'Iraqi people'] }]]);
  const readAs = (id: string, perspective: string, paragraph: string) => {
    const { doc, passages } = documentOf(id, perspective, [paragraph]);
    return readDocument(doc, passages.map((p) => ({ ...p, entities: ['iraq'] })), entities, (text, entity) => ({ targets: findNames(text, entity.names), others: [] }));
  };
  const needs = readAs('needs', 'israeli', 'Iraq needs international assistance to survive.');
  const will = readAs(
    'will',
    'iranian-opposition',
    'The will of the Iraqi people, however, is for a government elected by the people with early and free elections, under the auspices of the United Nations.',
  );
  const [contrast] = entityContrasts(iraq, accountsOf(needs, will)).automatic;
  expect(contrast?.positions.map((p) => p.characterisation?.kind)).toEqual(['wants', 'wants']);
  expect(contrast?.positions.map((p) => p.characterisation?.text).sort()).toEqual([
    'The will of the Iraqi people, however, is for a government elected by the people with early and free elections',
    'needs international assistance to survive',
  ]);
});

test('two outlets that blame different groups for the violence are set against each other, each position saying whom it blames', () => {
  // isis-revival and iran-meddles in miniature: one blames ISIS, the other (which names ISIS too) the PMU.
  const blamesIsis = read('blames-isis', 'iranian-state', ['The new terrorist acts that are directed by ISIS are here to justify the US presence.']);
  const blamesPmu = read('blames-pmu', 'israeli', ['Although ISIS is weaker now, similar attacks have previously been carried out by the PMU.']);
  const isis = { id: 'isis', name: 'Islamic State' };
  const names = new Map([...ENTITIES].map(([id, e]) => [id, e.name]));
  const [contrast] = entityContrasts(isis, accountsOf(blamesIsis, blamesPmu), { nameOf: (id) => names.get(id) }).automatic;
  expect(contrast?.topic).toBe('Who is behind the violence: Islamic State or Popular Mobilization Units?');
  expect(contrast?.positions.map((p) => [p.doc, p.blames?.name])).toEqual([
    ['blames-isis', 'Islamic State'],
    ['blames-pmu', 'Popular Mobilization Units'],
  ]);
  // Without the other entities' names the chooser cannot say whom the second blames: no such contrast.
  expect(entityContrasts(isis, accountsOf(blamesIsis, blamesPmu)).automatic.every((c) => !c.positions.some((p) => p.blames))).toBe(true);
});

test('a document that blames both groups, or names the other where it blames the first, disagrees with no one on whom to blame', () => {
  const both = read('both', 'iranian-state', ['Attacks carried out by ISIS killed soldiers.', 'The PMU attacked protesters.']);
  const inOneBreath = read('one-breath', 'gulf', ['Attacks carried out by ISIS and feared by the PMU killed soldiers.']);
  const blamesPmu = read('blames-pmu', 'israeli', ['Although ISIS is weaker now, similar attacks have previously been carried out by the PMU.']);
  const names = new Map([...ENTITIES].map(([id, e]) => [id, e.name]));
  const found = entityContrasts({ id: 'isis', name: 'Islamic State' }, accountsOf(both, inOneBreath, blamesPmu), { nameOf: (id) => names.get(id) }).automatic;
  expect(found.filter((c) => c.positions.some((p) => p.blames))).toEqual([]);
});

test('two outlets that each say what the talks are for are set against each other under that question, though neither judges them', () => {
  const talks = { id: 'talks', name: 'the strategic dialogue' };
  const entities = new Map([['talks', { id: 'talks', type: 'event' as const, name: 'the strategic dialogue', names: ['the strategic dialogue'] }]]);
  const readAs = (id: string, perspective: string, paragraph: string) => {
    const { doc, passages } = documentOf(id, perspective, [paragraph]);
    return readDocument(doc, passages.map((p) => ({ ...p, entities: ['talks'] })), entities, (text, entity) => ({ targets: findNames(text, entity.names), others: [] }));
  };
  const presence = readAs('presence', 'iranian-state', 'Officials will meet for the strategic dialogue that the Americans expect to establish and strengthen their presence in Iraq.');
  const intervention = readAs('intervention', 'iranian-opposition', 'In the strategic dialogue, the United States has made it clear to the Iraqi delegation that the intervention is no longer acceptable.');
  const [contrast] = entityContrasts(talks, accountsOf(presence, intervention)).automatic;
  expect(contrast?.topic).toBe('What the strategic dialogue is for');
  expect(contrast?.positions.map((p) => p.characterisation?.kind)).toEqual(['purpose', 'purpose']);
  // An aim is not a judgement: "strengthen" in the Americans' aim does not make the talks good.
  expect(contrast?.positions.every((p) => Math.abs(p.stance) < 0.15)).toBe(true);
});
