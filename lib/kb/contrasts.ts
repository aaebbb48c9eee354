/**
 * Curated contrasts and disagreements of fact (`data/gazetteer/contrasts.json`): a curator
 * writes, per topic, each perspective's position as a quote; the builder checks every quote
 * against the cleaned corpus text and resolves it to the passage "Read in context" opens.
 * A quote the corpus does not contain is an error, so the card never puts words in an outlet's
 * mouth. DOM-free and browser-free.
 */
import * as v from 'valibot';
import { KEBAB_ID, type BuildIssue } from './schema';
import { documentPassages, documentText } from './passages';
import type { Contrast, FactDisagreement, KbDocument, VerifiedQuote } from './types';

export const CONTRASTS_FILE = 'data/gazetteer/contrasts.json';

const text = (what: string) =>
  v.pipe(v.string(`${what} must be a string`), v.trim(), v.nonEmpty(`${what} must not be empty`));
const id = (what: string) =>
  v.pipe(v.string(`${what} must be a string`), v.regex(KEBAB_ID, (i) => `${what} ${JSON.stringify(i.input)} is not kebab-case`));
const entities = v.pipe(v.array(id('an entity id')), v.minLength(1, 'name at least one entity'));

const PositionSchema = v.strictObject({ doc: id('doc'), stance: text('stance'), quote: text('quote') });
const ClaimSchema = v.strictObject({ doc: id('doc'), claim: text('claim'), quote: text('quote') });
const ContrastSchema = v.strictObject({
  id: id('id'),
  topic: text('topic'),
  entities,
  positions: v.pipe(v.array(PositionSchema), v.minLength(2, 'a contrast needs at least two positions')),
});
const DisagreementSchema = v.strictObject({
  id: id('id'),
  question: text('question'),
  entities,
  note: v.optional(text('note')),
  claims: v.pipe(v.array(ClaimSchema), v.minLength(2, 'a disagreement needs at least two claims')),
});
export const ContrastsFileSchema = v.strictObject({
  contrasts: v.array(ContrastSchema),
  disagreements: v.array(DisagreementSchema),
});
export type ContrastsFile = v.InferOutput<typeof ContrastsFileSchema>;

/**
 * Folds what a curator cannot be expected to type exactly: curly quotes and apostrophes, dashes,
 * runs of whitespace. Returns the folded text and, per folded character, its offset in `raw`.
 */
export function foldForQuote(raw: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let lastSpace = true; // drops leading whitespace
  for (let i = 0; i < raw.length; i++) {
    let ch = raw[i]!;
    if (/\s/u.test(ch)) {
      if (lastSpace) continue;
      ch = ' ';
      lastSpace = true;
    } else {
      lastSpace = false;
      if (/[‘’‛′`´]/u.test(ch)) ch = "'";
      else if (/[“”„‟″«»]/u.test(ch)) ch = '"';
      else if (/[‐‑‒–—―−]/u.test(ch)) ch = '-';
    }
    folded += ch;
    offsets.push(i);
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    offsets.pop();
  }
  return { folded, offsets };
}

export interface QuoteLocation {
  /** 1-based paragraph. */
  para: number;
  /** Offsets in that paragraph of the quote as the document has it. */
  start: number;
  end: number;
  text: string;
}

/** Where the quote lies in the document, whitespace- and quote-mark-tolerant; null if nowhere. */
export function findQuote(paragraphs: readonly string[], quote: string): QuoteLocation | null {
  const needle = foldForQuote(quote).folded;
  if (!needle) return null;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    const { folded, offsets } = foldForQuote(paragraph);
    const at = folded.indexOf(needle);
    if (at < 0) continue;
    const start = offsets[at]!;
    const end = offsets[at + needle.length - 1]! + 1;
    return { para: p + 1, start, end, text: paragraph.slice(start, end) };
  }
  return null;
}

/** The passage whose own sentence holds the quote's start: the one the reader scrolls to. */
export function passageAt(doc: { id: string; paragraphs: readonly string[] }, location: QuoteLocation): string | undefined {
  const { paragraphStarts } = documentText(doc.paragraphs);
  const offset = paragraphStarts[location.para - 1]! + location.start;
  const spans = documentPassages(doc.id, doc.paragraphs).filter((s) => s.para === location.para);
  return (spans.find((s) => offset >= s.start && offset < s.end) ?? spans[0])?.id;
}

export interface ContrastsResult {
  contrasts: Contrast[];
  disagreements: FactDisagreement[];
  issues: BuildIssue[];
}

/**
 * Validates the contrasts file and verifies every quote against the documents. Anything wrong
 * (schema, unknown document or entity, a quote the document does not contain, a contrast whose
 * positions all come from one perspective) is an error naming the file, entry and path.
 */
export function buildContrasts(
  input: { file: string; data: unknown },
  documents: readonly KbDocument[],
  entityIds: ReadonlySet<string>,
): ContrastsResult {
  const { file } = input;
  const parsed = v.safeParse(ContrastsFileSchema, input.data);
  if (!parsed.success) {
    return {
      contrasts: [],
      disagreements: [],
      issues: parsed.issues.map((issue) => ({
        severity: 'error' as const,
        file,
        path: v.getDotPath(issue) ?? undefined,
        message: issue.message,
      })),
    };
  }
  const issues: BuildIssue[] = [];
  const docs = new Map(documents.map((d) => [d.id, d]));
  const seen = new Set<string>();

  const verify = (entry: string, path: string, doc: string, quote: string): VerifiedQuote | undefined => {
    const error = (message: string) => issues.push({ severity: 'error', file, entry, path, message });
    const document = docs.get(doc);
    if (!document) {
      error(`no document "${doc}" (documents: ${[...docs.keys()].join(', ')})`);
      return undefined;
    }
    const location = findQuote(document.paragraphs, quote);
    if (!location) {
      error(`the quote ${JSON.stringify(quote.slice(0, 80))} is not in ${doc}'s text (cleaned, whitespace and quote marks aside)`);
      return undefined;
    }
    const passage = passageAt(document, location);
    if (!passage) {
      error(`no passage of ${doc} holds the quote`);
      return undefined;
    }
    return { doc, perspective: document.perspective, passage, quote: location.text };
  };
  const checkEntry = (entry: { id: string; entities: string[] }) => {
    if (seen.has(entry.id)) issues.push({ severity: 'error', file, entry: entry.id, path: 'id', message: `duplicate id "${entry.id}"` });
    seen.add(entry.id);
    entry.entities.forEach((e, i) => {
      if (!entityIds.has(e)) issues.push({ severity: 'error', file, entry: entry.id, path: `entities[${i}]`, message: `no gazetteer entity "${e}"` });
    });
  };

  const contrasts: Contrast[] = [];
  for (const c of parsed.output.contrasts) {
    checkEntry(c);
    const positions = c.positions.flatMap((p, i) => {
      const quote = verify(c.id, `positions[${i}].quote`, p.doc, p.quote);
      return quote ? [{ ...quote, stance: p.stance }] : [];
    });
    if (positions.length === c.positions.length && new Set(positions.map((p) => p.perspective)).size < 2) {
      issues.push({ severity: 'error', file, entry: c.id, path: 'positions', message: 'a contrast needs positions from at least two perspectives' });
    }
    contrasts.push({ id: c.id, topic: c.topic, entities: c.entities, positions });
  }

  const disagreements: FactDisagreement[] = [];
  for (const d of parsed.output.disagreements) {
    checkEntry(d);
    const claims = d.claims.flatMap((c, i) => {
      const quote = verify(d.id, `claims[${i}].quote`, c.doc, c.quote);
      return quote ? [{ ...quote, claim: c.claim }] : [];
    });
    disagreements.push({ id: d.id, question: d.question, entities: d.entities, ...(d.note ? { note: d.note } : {}), claims });
  }
  return { contrasts, disagreements, issues };
}
