/**
 * The one entry point of *Your documents*' import: a file's name and content in, the documents
 * and corpus packs it holds out, and every file or line that was not taken with the reason, in
 * the reader's words. Nothing here writes anything: the builder takes what comes out.
 *
 * By extension: `.html`/`.htm` (a saved page: its article through Readability), `.txt`, `.md`,
 * `.jsonl` (one document per line) and `.json` (a Backstory corpus pack). Saved pages need a
 * DOM: the caller passes `parseHtml` (the corpus page's `DOMParser`, the CLI's happy-dom).
 * This file touches no DOM itself, but it brings the article extractor (Readability) with it:
 * it belongs in the corpus page and the CLI, never in the background or a content script.
 */
import { extractArticle } from './dom-article';
import { checkText, decodeText } from './decode';
import { checkDraft, type DocumentDraft, type Refusal } from './draft';
import { readJsonl } from './jsonl';
import {
  formatBytes,
  MAX_COLLECTION_FILE_BYTES,
  MAX_DOCUMENTS_PER_IMPORT,
  MAX_HTML_FILE_BYTES,
  MAX_TEXT_FILE_BYTES,
} from './limits';
import { importKindOf, type ImportKind } from './import-kinds';
import { readMarkdown } from './markdown';
import { normaliseDate } from './dates';
import { normaliseLanguage } from './metadata';
import { checkPack, isPackValue, type CorpusPack } from './pack';
import { readPlainText, titleFromFileName } from './plain-text';
import { documentUrl, urlDomain } from './url';

export { IMPORT_ACCEPT } from './import-kinds';

export interface ImportResult {
  documents: DocumentDraft[];
  /** Corpus packs, whole: the builder installs a pack with its entities, contrasts and rows. */
  packs: CorpusPack[];
  refused: Refusal[];
}

export interface ImportOptions {
  /** A DOM document from a saved page's markup (`new DOMParser().parseFromString(html, 'text/html')`). */
  parseHtml: (markup: string) => Document;
}

const LIMITS: Record<ImportKind, number> = {
  html: MAX_HTML_FILE_BYTES,
  txt: MAX_TEXT_FILE_BYTES,
  md: MAX_TEXT_FILE_BYTES,
  jsonl: MAX_COLLECTION_FILE_BYTES,
  pack: MAX_COLLECTION_FILE_BYTES,
};

const KIND_WORDS: Record<ImportKind, string> = {
  html: 'for a saved page',
  txt: 'for a text file',
  md: 'for a Markdown file',
  jsonl: 'for a .jsonl file (split it into several)',
  pack: 'for a corpus pack (export it in parts)',
};

const ACCEPTED = '.html, .htm, .txt, .md, .jsonl or a Backstory corpus pack (.json)';

/** The content's size in bytes when it is over `limit`, else undefined. */
function oversize(content: Uint8Array | string, limit: number): number | undefined {
  if (typeof content !== 'string') return content.length > limit ? content.length : undefined;
  // Text is 1–3 UTF-8 bytes per UTF-16 unit: encoded only when the bounds cannot tell.
  if (content.length > limit) return new TextEncoder().encode(content).length;
  if (content.length * 3 <= limit) return undefined;
  const bytes = new TextEncoder().encode(content).length;
  return bytes > limit ? bytes : undefined;
}

/** One file's documents (or pack), or why it has none. */
export function parseImportFile(name: string, content: Uint8Array | string, options: ImportOptions): ImportResult {
  const result: ImportResult = { documents: [], packs: [], refused: [] };
  const refuse = (reason: string) => {
    result.refused.push({ name, reason });
    return result;
  };
  const kind = importKindOf(name);
  if (!kind) {
    const ext = /\.([^./\\]+)$/.exec(name)?.[1];
    return refuse(`${ext ? `a .${ext} file` : 'a file without an extension'} is not something Backstory imports (it takes ${ACCEPTED})`);
  }
  const size = oversize(content, LIMITS[kind]);
  if (size !== undefined) {
    return refuse(`the file is ${formatBytes(size, true)}, larger than the ${formatBytes(LIMITS[kind])} Backstory imports ${KIND_WORDS[kind]}`);
  }
  const decoded = typeof content === 'string' ? checkText(content) : decodeText(content, { html: kind === 'html' });
  if (!decoded.ok) return refuse(decoded.reason);
  const text = decoded.text;

  switch (kind) {
    case 'html': {
      let doc: Document;
      try {
        doc = options.parseHtml(text);
      } catch (error) {
        return refuse(`the page could not be parsed (${(error as Error).message})`);
      }
      const draft = extractArticle(doc, { origin: { kind: 'file', name, format: 'html' }, fallbackTitle: titleFromFileName(name) });
      if (!draft.ok) return refuse(draft.reason);
      result.documents.push(draft.value);
      return result;
    }
    case 'txt': {
      const article = readPlainText(text, { fileName: name });
      return add(result, name, { title: article.title, paragraphs: article.paragraphs, byline: article.author, origin: { kind: 'file', name, format: 'txt' } });
    }
    case 'md': {
      const article = readMarkdown(text, name);
      const { front } = article;
      const url = front.source ? documentUrl(front.source) : undefined;
      const domain = url ? urlDomain(url) : undefined;
      return add(result, name, {
        title: article.title,
        paragraphs: article.paragraphs,
        url,
        domain,
        outlet: front.outlet ?? domain,
        byline: front.author ?? article.author,
        published: normaliseDate(front.date),
        language: normaliseLanguage(front.language),
        origin: { kind: 'file', name, format: 'md' },
      });
    }
    case 'jsonl': {
      const lines = readJsonl(text, name);
      result.documents.push(...lines.documents);
      result.refused.push(...lines.refused);
      if (lines.documents.length === 0 && lines.refused.length === 0) return refuse('the file has no lines with documents');
      return result;
    }
    case 'pack': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return refuse(`not valid JSON (${(error as Error).message})`);
      }
      if (!isPackValue(value)) return refuse(`the file is JSON but not a Backstory corpus pack (Backstory takes ${ACCEPTED})`);
      const pack = checkPack(value);
      if (!pack.ok) return refuse(pack.reason);
      result.packs.push(pack.pack);
      return result;
    }
  }
}

/** A draft from a text format, without the fields it does not have, checked. */
function add(result: ImportResult, name: string, fields: Partial<DocumentDraft> & Pick<DocumentDraft, 'origin'>): ImportResult {
  if (!fields.paragraphs?.length) {
    result.refused.push({ name, reason: 'the file has no article text' });
    return result;
  }
  const draft = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
  const checked = checkDraft(draft);
  if (checked.ok) result.documents.push(checked.value);
  else result.refused.push({ name, reason: checked.reason });
  return result;
}

export interface ImportFile {
  name: string;
  content: Uint8Array | string;
}

export interface ImportProgress {
  /** Files read so far, of `total`. */
  done: number;
  total: number;
}

/**
 * Several files at once (one drop or one pick): each parsed by `parseImportFile`, yielding to
 * the page between files so the progress bar moves, stopping when `signal` aborts. Documents
 * past MAX_DOCUMENTS_PER_IMPORT (a pack's count as a whole) are refused by name, not dropped.
 */
export async function parseImport(
  files: readonly ImportFile[],
  options: ImportOptions & {
    signal?: AbortSignal;
    onProgress?: (progress: ImportProgress) => void;
    /**
     * Documents earlier calls of the same import already took: a page that reads a large drop a
     * few files at a time (so it never holds every file's bytes at once) keeps one limit.
     */
    alreadyTaken?: number;
  },
): Promise<ImportResult> {
  const total: ImportResult = { documents: [], packs: [], refused: [] };
  let count = options.alreadyTaken ?? 0;
  for (const [index, file] of files.entries()) {
    if (options.signal?.aborted) {
      for (const rest of files.slice(index)) total.refused.push({ name: rest.name, reason: 'the import was cancelled before this file was read' });
      break;
    }
    const one = parseImportFile(file.name, file.content, options);
    total.refused.push(...one.refused);
    for (const pack of one.packs) {
      if (count + pack.documents.length > MAX_DOCUMENTS_PER_IMPORT) total.refused.push({ name: file.name, reason: tooMany() });
      else {
        total.packs.push(pack);
        count += pack.documents.length;
      }
    }
    for (const doc of one.documents) {
      if (count >= MAX_DOCUMENTS_PER_IMPORT) {
        total.refused.push({ name: file.name, ...(doc.origin.kind === 'file' && doc.origin.line ? { line: doc.origin.line } : {}), reason: tooMany() });
      } else {
        total.documents.push(doc);
        count++;
      }
    }
    options.onProgress?.({ done: index + 1, total: files.length });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return total;
}

function tooMany(): string {
  return `one import takes at most ${MAX_DOCUMENTS_PER_IMPORT.toLocaleString('en-US')} documents; import this one separately`;
}
