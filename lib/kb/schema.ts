/**
 * Schemas of the hand-curated inputs (`data/documents.json`, `data/gazetteer/*.json`) and the
 * issues the corpus builder reports against them. Every issue names the file, the entry and the
 * path inside it, so a curator can go straight to the line to fix.
 *
 * Objects are strict: a misspelt field ("alias", "cite") is an error rather than silently
 * ignored data.
 */
import * as v from 'valibot';
import type { GazetteerEntry, KbDocument, Perspective } from './types';

export type IssueSeverity = 'error' | 'warning';

export interface BuildIssue {
  severity: IssueSeverity;
  /** The input file, relative to the project root (`data/gazetteer/people.json`). */
  file: string;
  /** The entry's id (gazetteer entry, document or perspective), when known. */
  entry?: string;
  /** Where in the entry: `background[1].cites[0]`. */
  path?: string;
  message: string;
}

/** `data/gazetteer/people.json: entry "qasem-soleimani": background[1].cites[0]: "x:99" — ...` */
export function formatIssue(issue: BuildIssue): string {
  const parts = [issue.file];
  if (issue.entry !== undefined) parts.push(`entry "${issue.entry}"`);
  if (issue.path) parts.push(issue.path);
  parts.push(issue.message);
  return parts.join(': ');
}

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `"<document id>:<1-based paragraph>"`. */
export const CITE = /^([a-z0-9]+(?:-[a-z0-9]+)*):([1-9][0-9]*)$/;
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day. */
const ISO_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

const text = /* @__NO_SIDE_EFFECTS__ */ (what: string) =>
  v.pipe(v.string(`${what} must be a string`), v.trim(), v.nonEmpty(`${what} must not be empty`));
const id = /* @__NO_SIDE_EFFECTS__ */ (what: string) =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.regex(KEBAB_ID, (issue) => `${what} ${JSON.stringify(issue.input)} is not kebab-case (e.g. "qasem-soleimani")`),
  );
const isoDate = /* @__NO_SIDE_EFFECTS__ */ (what: string) =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.regex(ISO_DATE, (issue) => `${what} ${JSON.stringify(issue.input)} is not a date like 2020, 2020-06 or 2020-06-11`),
  );
const cite = v.pipe(
  v.string('a cite must be a string "<document id>:<paragraph>"'),
  v.regex(CITE, (issue) => `${JSON.stringify(issue.input)} is not a cite of the form "<document id>:<paragraph>" (e.g. "iran-meddles:6")`),
);
const textList = /* @__NO_SIDE_EFFECTS__ */ (what: string) => v.array(text(what), `${what}s must be a list of strings`);

export const StatementSchema = v.strictObject({
  text: text('the statement'),
  cites: v.pipe(
    v.array(cite, 'cites must be a list'),
    v.minLength(1, 'every statement needs at least one cite "<document id>:<paragraph>"'),
  ),
});

export const EventDateSchema = v.strictObject({
  start: isoDate('start'),
  end: v.optional(isoDate('end')),
  note: v.optional(text('the note')),
});

export const GazetteerEntrySchema = v.strictObject({
  id: id('the id'),
  type: v.picklist(['person', 'organization', 'place', 'event'], (issue) =>
    `type ${JSON.stringify(issue.input)} is not one of person, organization, place, event`),
  name: text('the name'),
  aliases: textList('alias'),
  contextual: v.optional(textList('contextual alias')),
  specificity: v.optional(
    v.picklist(['unique', 'common'], (issue) =>
      `specificity ${JSON.stringify(issue.input)} is not "unique" or "common" (ambiguous names go in "contextual")`),
  ),
  // Generate Latin spellings of this entry's names.
  transliterated: v.optional(v.boolean('transliterated must be true or false')),
  summary: text('the summary'),
  background: v.array(StatementSchema, 'background must be a list of statements'),
  date: v.optional(EventDateSchema),
  links: v.optional(
    v.array(v.strictObject({ to: id('the link target'), rel: text('the relation') }), 'links must be a list'),
  ),
});

export const PerspectiveSchema = v.strictObject({
  id: id('the id'),
  label: text('the label'),
  description: text('the description'),
});

export const DocumentMetaSchema = v.strictObject({
  id: id('the id'),
  file: text('the file'),
  title: text('the title'),
  outlet: text('the outlet'),
  author: v.optional(text('the author')),
  date: isoDate('date'),
  dateNote: text('the date note'),
  perspective: id('the perspective'),
  evidence: textList('evidence item'),
});

/** A document as described in `documents.json`, before its text is cleaned. */
export type DocumentMeta = Omit<KbDocument, 'paragraphs'>;

export interface DocumentsFile {
  perspectives: Perspective[];
  documents: DocumentMeta[];
}

/** The schemas must describe exactly the shared contract types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _entryMatchesContract: Same<v.InferOutput<typeof GazetteerEntrySchema>, GazetteerEntry> = true;
const _documentMatchesContract: Same<v.InferOutput<typeof DocumentMetaSchema>, DocumentMeta> = true;

export interface Validated<T> {
  value: T[];
  issues: BuildIssue[];
}

/**
 * Validates a gazetteer file `{ "entries": [...] }`. Each entry is checked on its own so one
 * broken entry neither hides the errors of the others nor drops them from the build.
 */
export function validateGazetteerFile(file: string, data: unknown): Validated<GazetteerEntry> {
  const entries = topLevelList(file, data, 'entries');
  if (!Array.isArray(entries)) return { value: [], issues: [entries] };
  return validateEach(file, entries, 'entries', GazetteerEntrySchema);
}

/** Validates `documents.json` `{ "perspectives": [...], "documents": [...] }`. */
export function validateDocumentsFile(file: string, data: unknown): { value: DocumentsFile; issues: BuildIssue[] } {
  const issues: BuildIssue[] = [];
  const part = <T>(key: string, schema: v.GenericSchema<unknown, T>): T[] => {
    const list = topLevelList(file, data, key);
    if (!Array.isArray(list)) {
      issues.push(list);
      return [];
    }
    const result = validateEach(file, list, key, schema);
    issues.push(...result.issues);
    return result.value;
  };
  const perspectives = part('perspectives', PerspectiveSchema);
  const documents = part('documents', DocumentMetaSchema);
  return { value: { perspectives, documents }, issues };
}

function topLevelList(file: string, data: unknown, key: string): unknown[] | BuildIssue {
  const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(list)) return list;
  return { severity: 'error', file, message: `expected an object with a "${key}" list` };
}

function validateEach<T>(file: string, list: unknown[], key: string, schema: v.GenericSchema<unknown, T>): Validated<T> {
  const value: T[] = [];
  const issues: BuildIssue[] = [];
  list.forEach((item, index) => {
    const result = v.safeParse(schema, item);
    if (result.success) {
      value.push(result.output);
      return;
    }
    const itemId = (item as { id?: unknown } | null)?.id;
    const entry = typeof itemId === 'string' && itemId ? itemId : `#${index + 1} of "${key}"`;
    for (const issue of result.issues) {
      issues.push({ severity: 'error', file, entry, path: issuePath(issue), message: issueMessage(issue) });
    }
  });
  return { value, issues };
}

function issuePath(issue: v.GenericIssue): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  return path;
}

function issueMessage(issue: v.GenericIssue): string {
  if (issue.type === 'strict_object') {
    // Valibot reports both a missing required field and an unknown one as an invalid key.
    if (issue.input === undefined) return 'missing (required)';
    return `unknown field (misspelt? allowed fields are listed in lib/kb/types.ts)`;
  }
  return issue.message;
}
