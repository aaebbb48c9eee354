/**
 * The words of a passage, a title or a query as IndexedDB indexes them for lookup: their search
 * keys (fold.ts: transliterations and case folded), each once, without the short words every
 * sentence has. The builder stores these with each passage (`passages.*terms`) and each
 * document's title (`documents.*titleTerms`); the popup folds the query the same way and reads
 * the index, never every passage.
 */
import { searchKey, searchWords } from './fold';

/**
 * Words too common to find anything by: an index entry for each would cost space in every
 * passage and answer nothing ("the" is already no key). English, as the corpora are.
 */
const PROSE_STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in into is it its ' +
    'not of on or our s said says she so than that the their them then there these they this ' +
    'those to was we were which who will with would you'
  ).split(' '),
);

/** Keys longer than this are not words anyone types (URLs, hashes): left out of the index. */
const MAX_TERM_LENGTH = 40;

/** A text's index keys in reading order, repeats kept: what ranking reads positions from. */
export function indexKeys(text: string): string[] {
  const keys: string[] = [];
  for (const word of searchWords(text)) {
    if (PROSE_STOP_WORDS.has(word)) continue;
    const key = searchKey(word);
    if (key && key.length <= MAX_TERM_LENGTH) keys.push(key);
  }
  return keys;
}

/** The text a document's title index is built from: lookup finds a document by its title, outlet and domain. */
export function titleIndexText(document: { title: string; outlet?: string | undefined; domain?: string | undefined }): string {
  return `${document.title} ${document.outlet ?? ''} ${document.domain ?? ''}`;
}

/** The distinct index terms of a text, in order of first appearance. */
export function indexTerms(text: string): string[] {
  return [...new Set(indexKeys(text))];
}

/** A query's terms as the index holds them: the same folding, the same words left out. */
export function queryTerms(query: string): string[] {
  return indexTerms(query);
}
