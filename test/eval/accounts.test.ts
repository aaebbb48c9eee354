// The accounts figures of `npm run eval` hold at the levels reached, and what the corpus gets
// from the automatic contrasts is honest: verbatim quotes, two perspectives, marked automatic.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { knowledgeBaseContrasts } from '../../lib/contrasts/from-kb';
import { findQuote } from '../../lib/kb/contrasts';
import { PROJECT_ROOT, readCorpusInput } from '../../scripts/build-corpus';
import { evaluateContrasts, formatContrastsEvaluation, withheldKnowledgeBase } from '../../scripts/eval/contrasts';
import { backstoryClassifier, crossValidateStance, readStanceSet, STANCE_SET } from '../../scripts/eval/stance';
import { readMatcher } from '../../scripts/spot';

// Reached once a contrast could set whom documents blame against each other, and two answers to what talks are for: 5 of the 6 curated contrasts, both disagreements.
const MIN_CONTRASTS_RECOVERED = 5;
// Cross-validated over sources on the 528 tuning accounts when the stance rules were last tuned.
const MIN_STANCE_CV_ACCURACY = 0.65;

test('with contrasts.json withheld, both curated disagreements are found and the contrasts recovered stay at the level reached', async () => {
  const result = evaluateContrasts(readCorpusInput(), await readMatcher());
  const report = formatContrastsEvaluation(result);
  expect(result.disagreements.map((d) => [d.id, d.found]), report).toEqual([
    ['parliament-vote-month', true],
    ['dialogue-start', true],
  ]);
  expect(result.contrasts.filter((c) => c.recovered).length, report).toBeGreaterThanOrEqual(MIN_CONTRASTS_RECOVERED);
});

test('every automatic contrast and claim quotes its document verbatim, and every contrast spans two perspectives', async () => {
  const kb = withheldKnowledgeBase(readCorpusInput());
  const docs = new Map(kb.documents.map((d) => [d.id, d]));
  const { byEntity, disagreements } = knowledgeBaseContrasts(kb, await readMatcher());
  const all = [...byEntity.values()].flatMap((c) => c.automatic);
  expect(all.length).toBeGreaterThan(5);
  for (const c of all) {
    expect(c.origin).toBe('automatic');
    expect(c.positions[0].perspective).not.toBe(c.positions[1].perspective);
    for (const p of c.positions) expect(findQuote(docs.get(p.doc)!.paragraphs, p.quote), p.passage).not.toBeNull();
  }
  for (const d of disagreements) for (const c of d.claims) expect(findQuote(docs.get(c.doc)!.paragraphs, c.quote), c.passages.join()).not.toBeNull();
});

const stanceSet = process.env.BACKSTORY_STANCE_SET ?? resolve(PROJECT_ROOT, STANCE_SET);

test.skipIf(!existsSync(stanceSet))('stance toward the entity stays at the cross-validated accuracy reached on the tuning accounts', async () => {
  const kb = withheldKnowledgeBase(readCorpusInput());
  const types = new Map(kb.entities.map((e) => [e.id, e.type]));
  const figures = crossValidateStance(await readStanceSet(stanceSet), backstoryClassifier(await readMatcher(), types));
  expect(figures.accuracy).toBeGreaterThanOrEqual(MIN_STANCE_CV_ACCURACY);
});
