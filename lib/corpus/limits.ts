/**
 * How much one import may bring in. Every limit is a named constant so the refusal a reader sees
 * ("larger than 10 MB") and the check that produced it can never disagree, and each is sized
 * from what real inputs weigh, with room to spare, rather than from what would be convenient.
 */

const MB = 1024 * 1024;

/**
 * A saved web page. "Save page as… (complete)" writes 0.2–2 MB of markup for a news article,
 * scripts and inline styles included; single-file savers that inline images as base64 reach
 * 5–8 MB. Parsing 10 MB of markup takes well under a second; beyond it the file is a web archive
 * or a data dump, not an article.
 */
export const MAX_HTML_FILE_BYTES = 10 * MB;

/**
 * A `.txt` or `.md` article. 2 MB is ten times the longest document we take
 * (MAX_DOCUMENT_CHARS): room for front matter, markup and generous whitespace, not for a book.
 */
export const MAX_TEXT_FILE_BYTES = 2 * MB;

/**
 * A `.jsonl` file or a corpus pack: MAX_DOCUMENTS_PER_IMPORT articles of ~6 kB of text each
 * (a 1,000-word article) plus metadata and, in a pack, derived rows. Larger collections are
 * split into several files, which also keeps one file's parse (JSON.parse, ~1 s at 64 MB) short.
 */
export const MAX_COLLECTION_FILE_BYTES = 64 * MB;

/**
 * One document's text. The longest long-form journalism runs to 15–20k words (~120k
 * characters); 200k leaves room for it and refuses books, feeds and forum dumps, which would
 * flood cards and lookup with one source.
 */
export const MAX_DOCUMENT_CHARS = 200_000;

/** Paragraphs per document: 200k characters in 40-character paragraphs (lists, short quotes). */
export const MAX_PARAGRAPHS = 5_000;

/** A title longer than this is a paragraph the page put in its title, not a headline. */
export const MAX_TITLE_CHARS = 500;

/** Outlet names, bylines and the like: a line of metadata, never article text. */
export const MAX_LABEL_CHARS = 300;

/** Longer URLs exist, but no article's address needs one; tracking-laden URLs are cleaned first. */
export const MAX_URL_CHARS = 2_048;

/**
 * Documents in one import (every file of one drop or pick together): the largest corpus the
 * budgets are measured at (10,000 documents). An import beyond it is refused past that count, so
 * a reader is told what was not added instead of waiting on an import that exhausts the device.
 */
export const MAX_DOCUMENTS_PER_IMPORT = 10_000;

/**
 * Items in one `corpus/import-batch` message, and the text they may carry together: Chrome
 * refuses a message over 64 MiB of JSON, and 16M characters stay under it whatever the script
 * (Arabic takes two bytes a character) with the metadata around them.
 */
export const MAX_IMPORT_BATCH_ITEMS = 1_000;
export const MAX_IMPORT_BATCH_CHARS = 16 * 1024 * 1024;

/** Lines in a `.jsonl` file: one document each, so the same bound as documents per import. */
export const MAX_JSONL_LINES = MAX_DOCUMENTS_PER_IMPORT;

/**
 * Elements in a page the article reader takes on. A news article page has 2–8k elements with
 * its navigation and teasers, heavy ones 20k; an endless feed or a generated page has far more,
 * and Readability's scoring grows with the element count.
 */
export const MAX_PAGE_ELEMENTS = 100_000;

/**
 * Human wording of a size ("10 MB"). `roundUp` for a file's own size, so that a file just over
 * a limit never reads as the limit itself ("2.1 MB, larger than 2 MB").
 */
export function formatBytes(bytes: number, roundUp = false): string {
  const round = (n: number) => (roundUp ? Math.ceil(n * 10) : Math.round(n * 10)) / 10;
  if (bytes >= MB) return `${round(bytes / MB)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
