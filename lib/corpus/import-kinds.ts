/**
 * Which files *Your documents* imports, by extension: the one table the parser
 * (`import-file.ts`) reads a file's kind from and the page builds its file picker's `accept` and
 * its folder filter from. Kept apart from the parser so the page can use it without loading the
 * parser (and Readability) before the reader picks anything.
 */

export type ImportKind = 'html' | 'txt' | 'md' | 'jsonl' | 'pack';

const KINDS: Record<string, ImportKind> = {
  html: 'html', htm: 'html', xhtml: 'html', txt: 'txt', text: 'txt', md: 'md', markdown: 'md', jsonl: 'jsonl',
  ndjson: 'jsonl', json: 'pack',
};

/** The file types the picker accepts (`<input accept>`). */
export const IMPORT_ACCEPT = Object.keys(KINDS).map((ext) => `.${ext}`).join(',');

/** The kind of file a name says it is; undefined when Backstory does not import it. */
export function importKindOf(name: string): ImportKind | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext ? KINDS[ext] : undefined;
}
