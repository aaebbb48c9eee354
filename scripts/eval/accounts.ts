/**
 * The part of `npm run eval` about accounts: automatic contrasts and disagreements of fact
 * against the curated ones (scripts/eval/contrasts.ts), and stance toward an entity on the
 * hand-labelled accounts (scripts/eval/stance.ts) for Backstory's rules and the packages it
 * was compared with.
 *
 *   npm run eval                   stance on the 528 accounts (τ chosen on all of them, and cross-validated by
 *                                  source), then on the three spent sets pooled, cross-validated by outlet
 *   npm run eval -- --stance-blind  also the second blind set alone, τ chosen on the 528 (reported once: spent, tuning data)
 *   npm run eval -- --stance-blind-3  also the third blind set, τ chosen on the 528, with accuracy per
 *                                  perspective (run it once, on the final rules)
 *   npm run eval -- --stance-fresh  also the fresh set alone, τ chosen on the 528 (reported once: spent, tuning data)
 */
import { resolve } from 'node:path';
import type { Matcher } from '../../lib/engine/matcher';
import type { EntityType } from '../../lib/kb/types';
import { PROJECT_ROOT, readCorpusInput } from '../build-corpus';
import { evaluateContrasts, formatContrastsEvaluation, withheldKnowledgeBase } from './contrasts';
import {
  afinnWindowClassifier,
  backstoryClassifier,
  BLIND_STANCE_SET,
  BLIND_3_STANCE_SET,
  crossValidateStance,
  CV_FOLDS,
  evaluateStance,
  FRESH_STANCE_SET,
  formatStanceFigures,
  outletGroup,
  readFreshStanceSet,
  readStanceSet,
  scored,
  sentimentPackageClassifier,
  STANCE_SET,
  StanceSetError,
  vaderClassifier,
  winkClassifier,
  type Classifier,
  type LabelledAccount,
} from './stance';

export async function accountsReport(matcher: Matcher, argv: readonly string[]): Promise<string> {
  const input = readCorpusInput();
  const sections = [formatContrastsEvaluation(evaluateContrasts(input, matcher))];
  const path = process.env.BACKSTORY_STANCE_SET ?? resolve(PROJECT_ROOT, STANCE_SET);
  let set: LabelledAccount[];
  try {
    set = await readStanceSet(path);
  } catch (error) {
    if (!(error instanceof StanceSetError)) throw error;
    sections.push(`Stance: skipped (${error.message})`);
    return sections.join('\n\n');
  }
  const kb = withheldKnowledgeBase(input);
  const types = new Map<string, EntityType>(kb.entities.map((e) => [e.id, e.type]));
  const classifiers = [backstoryClassifier(matcher, types), afinnWindowClassifier(), sentimentPackageClassifier(), vaderClassifier(), winkClassifier()].map(scored);
  sections.push(stanceReport(set, classifiers));
  sections.push(await pooledReport(set, classifiers));
  if (argv.includes('--stance-fresh')) sections.push(await freshReport(set, classifiers));
  if (argv.includes('--stance-blind')) sections.push(await blindReport(set, classifiers));
  if (argv.includes('--stance-blind-3')) sections.push(await blind3Report(set, classifiers));
  return sections.join('\n\n');
}

export function stanceReport(set: readonly LabelledAccount[], classifiers: readonly Classifier[]): string {
  const all = formatStanceFigures(
    `Stance toward the entity, tuning set (${set.length} accounts: dev and the first test split; τ chosen on all of them)`,
    classifiers.map((c) => evaluateStance(set, set, c, 'tuning set')),
  );
  const cv = classifiers.map((c) => crossValidateStance(set, c));
  const folds = `  ${cv[0]!.classifier}, per fold: ${cv[0]!.folds.map((a) => a.toFixed(3)).join(' ')}`;
  const honest = formatStanceFigures(`Stance, cross-validated over sources (5 folds; each scored with the τ of the other four): the estimate before a blind run`, cv);
  return `${all}\n\n${honest}\n${folds}`;
}

/** The fresh set, scored with the τ chosen on the whole tuning set (reported once: spent). */
export function freshReport(tuning: readonly LabelledAccount[], classifiers: readonly Classifier[]): Promise<string> {
  const path = process.env.BACKSTORY_STANCE_FRESH ?? resolve(PROJECT_ROOT, FRESH_STANCE_SET);
  return heldOutReport('FRESH BLIND SET', 'fresh blind set', path, tuning, classifiers);
}

/** The second blind set, scored with the τ chosen on the whole tuning set (reported once: spent). */
export function blindReport(tuning: readonly LabelledAccount[], classifiers: readonly Classifier[]): Promise<string> {
  const path = process.env.BACKSTORY_STANCE_BLIND ?? resolve(PROJECT_ROOT, BLIND_STANCE_SET);
  return heldOutReport('SECOND BLIND SET', 'blind set', path, tuning, classifiers);
}

/** The third blind set, scored like the second, and also per perspective: once, on the final rules. */
export function blind3Report(tuning: readonly LabelledAccount[], classifiers: readonly Classifier[]): Promise<string> {
  const path = process.env.BACKSTORY_STANCE_BLIND_3 ?? resolve(PROJECT_ROOT, BLIND_3_STANCE_SET);
  return heldOutReport('BLIND SET 3', 'blind set 3', path, tuning, classifiers, true);
}

/**
 * Every spent set together (the 528, the fresh set, the second blind set), all tuned on now: τ
 * chosen on all of them, then cross-validated with folds by outlet, so that each outlet is scored
 * with τ chosen without it — what the rules may do on outlets they have not seen. Per set, the
 * cross-validated predictions' accuracy.
 */
export async function pooledReport(tuning: readonly LabelledAccount[], classifiers: readonly Classifier[]): Promise<string> {
  const sets: [string, readonly LabelledAccount[]][] = [['tuning', tuning]];
  for (const [label, variable, file] of [
    ['fresh', 'BACKSTORY_STANCE_FRESH', FRESH_STANCE_SET],
    ['blind-2', 'BACKSTORY_STANCE_BLIND', BLIND_STANCE_SET],
  ] as const) {
    try {
      sets.push([label, await readFreshStanceSet(process.env[variable] ?? resolve(PROJECT_ROOT, file))]);
    } catch (error) {
      if (!(error instanceof StanceSetError)) throw error;
    }
  }
  const all = sets.flatMap(([, list]) => list);
  const named = sets.map(([label, list]) => `${label} ${list.length}`).join(' + ');
  const cv = classifiers.map((c) => crossValidateStance(all, c, CV_FOLDS, outletGroup));
  const mine = cv[0]!;
  let at = 0;
  const perSet = sets.map(([label, list]) => {
    const predictions = mine.predicted.slice(at, at + list.length);
    at += list.length;
    return `${label} ${(predictions.filter((p, i) => p === list[i]!.stance).length / Math.max(1, list.length)).toFixed(3)}`;
  });
  const pooled = formatStanceFigures(
    `Stance, the spent sets pooled (${named} = ${all.length} accounts), cross-validated over outlets (${CV_FOLDS} folds; each scored with the τ of the other four)`,
    cv,
  );
  return `${pooled}
  ${mine.classifier}, per fold: ${mine.folds.map((a) => a.toFixed(3)).join(' ')}; per set: ${perSet.join(', ')}`;
}

/**
 * Figures only, never a passage. A spent set is tuned on like the 528, but a report is for figures;
 * the set being reported (`reported`) also gets accuracy per perspective.
 */
async function heldOutReport(
  title: string,
  label: string,
  path: string,
  tuning: readonly LabelledAccount[],
  classifiers: readonly Classifier[],
  reported = false,
): Promise<string> {
  let held: LabelledAccount[];
  try {
    held = await readFreshStanceSet(path);
  } catch (error) {
    if (!(error instanceof StanceSetError)) throw error;
    return `Stance, ${label}: not scored (${error.message})`;
  }
  const status = reported ? 'run once, on the final rules' : 'spent: reported once, tuned on since';
  const figures = formatStanceFigures(
    `Stance toward the entity, ${title} (${held.length} accounts, ${path}; τ chosen on the ${tuning.length} tuning accounts) — ${status}`,
    classifiers.map((c) => evaluateStance(tuning, held, c, label)),
  );
  return reported ? `${figures}\n${formatPerspectiveAccuracy(tuning, held, classifiers)}` : figures;
}

/**
 * Accuracy per perspective for every classifier, each with the τ of the tuning set. A perspective
 * is a label of the set (who wrote the page), so printing it reveals no passage.
 */
function formatPerspectiveAccuracy(tuning: readonly LabelledAccount[], held: readonly LabelledAccount[], classifiers: readonly Classifier[]): string {
  const perspectives = [...new Set(held.map((a) => a.perspective || '(none)'))].sort();
  const lines = [`Accuracy per perspective (accounts, then one column per classifier: ${classifiers.map((c, i) => `${i + 1} ${c.name}`).join('; ')})`];
  for (const p of perspectives) {
    const subset = held.filter((a) => (a.perspective || '(none)') === p);
    const accuracies = classifiers.map((c) => evaluateStance(tuning, subset, c, p).accuracy.toFixed(3));
    lines.push(`  ${p.padEnd(24)} ${String(subset.length).padStart(4)}  ${accuracies.join('  ')}`);
  }
  return lines.join('\n');
}
