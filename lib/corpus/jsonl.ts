/**
 * `.jsonl` collections: one article per line, `{"url", "title", "outlet", "published", "text"}`
 * (the shape scrapers and newsroom exports write). DOM-free.
 *
 * Each line is its own document: a bad line is refused by its number with the reason and the
 * others are kept. `title` and `text` are required; `url`, `outlet`, `published` may be absent
 * or null; `author`/`byline` and `language`/`lang` are read when present; other fields are
 * ignored (exports carry ids, tags, scores).
 */
import * as v from 'valibot';
import { normaliseDate } from './dates';
import { checkDraft, type DocumentDraft, type Refusal } from './draft';
import { MAX_DOCUMENT_CHARS, MAX_JSONL_LINES } from './limits';
import { normaliseLanguage } from './metadata';
import { readPlainText } from './plain-text';
import { documentUrl, urlDomain } from './url';

/** JSON text of one line: its document's text plus a few kilobytes of metadata and escapes. */
const MAX_LINE_CHARS = MAX_DOCUMENT_CHARS * 2;

const optionalText = (what: string) => v.nullish(v.string(`${what} must be text`));
// Presence is checked by hand: valibot words a missing key as "Invalid key", which no reader
// would understand.
const required = (what: string) => v.nullish(v.string(`${what} must be text`), '');
const lineSchema = v.looseObject({
  url: optionalText('"url"'),
  title: required('"title"'),
  outlet: optionalText('"outlet"'),
  published: v.nullish(v.union([v.string(), v.number()], '"published" must be a date as text')),
  text: required('"text"'),
  author: optionalText('"author"'),
  byline: optionalText('"byline"'),
  language: optionalText('"language"'),
  lang: optionalText('"lang"'),
});

function lineDraft(value: unknown, name: string, line: number): DocumentDraft | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the line is not a JSON object';
  const parsed = v.safeParse(lineSchema, value);
  if (!parsed.success) return parsed.issues[0]!.message;
  const row = parsed.output;
  if (!row.title.trim()) return '"title" is missing or empty';
  if (!row.text.trim()) return '"text" is missing or empty';
  const draft: Partial<DocumentDraft> = { origin: { kind: 'file', name, format: 'jsonl', line } };
  if (row.url?.trim()) {
    const url = documentUrl(row.url);
    if (!url) return `"url" ${JSON.stringify(row.url.slice(0, 80))} is not a web address`;
    draft.url = url;
    const domain = urlDomain(url);
    if (domain) draft.domain = domain;
  }
  if (row.published !== null && row.published !== undefined && String(row.published).trim()) {
    const published = normaliseDate(String(row.published));
    if (!published) return `"published" ${JSON.stringify(String(row.published).slice(0, 40))} is not a date like 2020-06-11`;
    draft.published = published;
  }
  const article = readPlainText(row.text, { title: row.title, fileName: name });
  draft.title = article.title;
  draft.paragraphs = article.paragraphs;
  const outlet = row.outlet?.trim() || draft.domain;
  if (outlet) draft.outlet = outlet;
  const byline = (row.author ?? row.byline)?.trim() || article.author;
  if (byline) draft.byline = byline;
  const language = normaliseLanguage(row.language ?? row.lang);
  if (language) draft.language = language;
  if (draft.paragraphs.length === 0) return '"text" has no article text';
  const checked = checkDraft(draft);
  return checked.ok ? checked.value : checked.reason;
}

export function readJsonl(text: string, name: string): { documents: DocumentDraft[]; refused: Refusal[] } {
  const documents: DocumentDraft[] = [];
  const refused: Refusal[] = [];
  const lines = text.split(/\r?\n/);
  let counted = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const line = i + 1;
    if (++counted > MAX_JSONL_LINES) {
      const rest = lines.slice(i).filter((l) => l.trim()).length;
      refused.push({
        name,
        line,
        reason: `only the first ${MAX_JSONL_LINES.toLocaleString('en-US')} lines of a file are read; the ${rest.toLocaleString('en-US')} from here on were not (split the file)`,
      });
      break;
    }
    if (raw.length > MAX_LINE_CHARS) {
      refused.push({ name, line, reason: `the line is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters` });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      refused.push({ name, line, reason: `not valid JSON (${(error as Error).message})` });
      continue;
    }
    const draft = lineDraft(value, name, line);
    if (typeof draft === 'string') refused.push({ name, line, reason: draft });
    else documents.push(draft);
  }
  return { documents, refused };
}
