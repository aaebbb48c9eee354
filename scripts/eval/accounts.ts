/**
 * The part of `npm run eval` about accounts: automatic contrasts and disagreements of fact
 * against the curated ones (scripts/eval/contrasts.ts), and stance toward an entity on the
 * hand-labelled accounts (scripts/eval/stance.ts) for Backstory's rules and the packages it
 * was compared with.
 *
 *   npm run eval                  stance on the dev split
 *   npm run eval -- --stance-blind  stance on the blind test split (run it once per final choice)
 */
import { resolve } from 'node:path';
import type { Matcher } from '../../lib/engine/matcher';
import type { EntityType } from '../../lib/kb/types';
import { PROJECT_ROOT, readCorpusInput } from '../build-corpus';
import { evaluateContrasts, formatContrastsEvaluation, withheldKnowledgeBase } from './contrasts';
import {
  afinnWindowClassifier,
  backstoryClassifier,
  evaluateStance,
  formatStanceFigures,
  readStanceSet,
  sentimentPackageClassifier,
  STANCE_SET,
  StanceSetError,
  vaderClassifier,
  winkClassifier,
  type Split,
} from './stance';

export async function accountsReport(matcher: Matcher, argv: readonly string[]): Promise<string> {
  const input = readCorpusInput();
  const sections = [formatContrastsEvaluation(evaluateContrasts(input, matcher))];
  const path = process.env.BACKSTORY_STANCE_SET ?? resolve(PROJECT_ROOT, STANCE_SET);
  try {
    const set = await readStanceSet(path);
    const kb = withheldKnowledgeBase(input);
    const types = new Map<string, EntityType>(kb.entities.map((e) => [e.id, e.type]));
    const split: Split = argv.includes('--stance-blind') ? 'test' : 'dev';
    const classifiers = [backstoryClassifier(matcher, types), afinnWindowClassifier(), sentimentPackageClassifier(), vaderClassifier(), winkClassifier()];
    sections.push(formatStanceFigures(classifiers.map((c) => evaluateStance(set, c, split))));
  } catch (error) {
    if (!(error instanceof StanceSetError)) throw error;
    sections.push(`Stance: skipped (${error.message})`);
  }
  return sections.join('\n\n');
}
