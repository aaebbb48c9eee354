/**
 * The search key of a word: one spelling for the many ways English-language outlets
 * transliterate Arabic and Persian names, so that "Kazimi", "al-Kadhimi", "Kadhemi" and
 * "al-Khadimi" meet, as do "Suleimani" / "Soleimani", "Qassem" / "Qasem" / "Ghassem".
 * Used for both the index and the query; what folding misses, fuzzy matching catches.
 *
 * The rules are deliberately lossy: they may merge two different words (Iran/Iraq stay apart
 * only because q→k and n differ), which ranking by exact match then sorts out.
 */

/** Arabic articles ("al-Kadhimi", "el-Sisi") and English filler carry no meaning in a name. */
const STOP_WORDS = new Set(['al', 'el', 'the', 'of', 'and']);

/**
 * kh→k, gh→g, dh→d, th→t, q→k, z→d, ou/oo→u, o→u, ey/ei/ee→i, e→i, y→i, w→u, doubled letters
 * → one. A single pass over the word: the popup folds every name when it opens, and a chain of
 * a dozen regex replacements made that the slowest part of building the index.
 */
function transliterate(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    const next = word[i + 1];
    let folded: string;
    switch (c) {
      case 'k':
      case 'g':
      case 'd':
      case 't':
        if (next === 'h') i++;
        folded = c;
        break;
      case 'q':
        folded = 'k';
        break;
      case 'z':
        folded = 'd';
        break;
      case 'o':
        if (next === 'u' || next === 'o') i++;
        folded = 'u';
        break;
      case 'e':
        if (next === 'y' || next === 'i' || next === 'e') i++;
        folded = 'i';
        break;
      case 'y':
        folded = 'i';
        break;
      case 'w':
        folded = 'u';
        break;
      default:
        folded = c;
    }
    if (folded !== last) out += folded;
    last = folded;
  }
  return out;
}

const APOSTROPHES = /['‘’ʼʻʿʾ`´]/gu;
const COMBINING_MARKS = /\p{M}/gu;
/** Arabic tatweel (kashida) stretches a word without changing it. */
const TATWEEL = /\u0640/gu;

/** Case, diacritics, apostrophes: the fold every script gets. */
function plain(word: string): string {
  // Most names are ASCII: skip Unicode normalisation for them.
  const folded = /[^ -~]/.test(word)
    ? word.normalize('NFKD').replace(COMBINING_MARKS, '').replace(TATWEEL, '')
    : word;
  return folded.replace(APOSTROPHES, '').toLowerCase();
}

/** The search key of one word, or null for a word that carries no meaning in a name. */
export function searchKey(word: string): string | null {
  const key = plain(word);
  if (!key || STOP_WORDS.has(key)) return null;
  // Transliteration rules are for Latin letters only; Arabic and Persian script keep their form.
  return /^[a-z0-9]+$/.test(key) ? transliterate(key) : key;
}

/**
 * The words of a text, as searched: split on spaces, punctuation and dashes; a hyphenated word
 * is also kept whole ("Abdul-Mahdi" is found by "abdul mahdi" and by "abdulmahdi"), without its
 * article ("al-Kadhimi" → "kadhimi").
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  // Hyphens join a name's parts; every other dash, space or punctuation mark separates words
  // ("US–Iraq" is two words, "Abdul-Mahdi" one name).
  for (const chunk of plain(text).split(/[^\p{L}\p{N}\-\u2010\u2011]+/u)) {
    const parts = chunk.split(/[-\u2010\u2011]+/u).filter(Boolean);
    words.push(...parts);
    const meaningful = parts.filter((p) => !STOP_WORDS.has(p));
    if (meaningful.length > 1) words.push(meaningful.join(''));
  }
  return words.filter(Boolean);
}

/** The search keys of a text, in order, without duplicates. */
export function searchKeys(text: string): string[] {
  const keys = searchWords(text)
    .map(searchKey)
    .filter((k): k is string => k !== null);
  return [...new Set(keys)];
}
