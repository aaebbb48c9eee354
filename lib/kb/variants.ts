/**
 * Transliteration variants of Arabic and Persian names, generated at build time.
 *
 * The same name reaches English-language pages in many Latin spellings: كاظمي is Kadhimi,
 * Kazemi, Kazimi, Kadhemi; قاآني is Qaani, Ghaani, Gha'ani. Listing them all by hand does not
 * scale and always misses one, so an entry marked `"transliterated": true` in the gazetteer has
 * its Latin names expanded by the rules below, each a spelling choice transliterators really
 * make. Expansion is bounded: at most MAX_EDITS rule applications per word, MAX_WORD_VARIANTS
 * per word and MAX_ALIAS_VARIANTS per name, fewest edits first, so the matcher grows by a
 * predictable amount (`npm run corpus` reports the counts; `--variants <id>` lists them).
 *
 * Rules that the matcher's alphabet already folds are not generated here, only documented and
 * tested: case, apostrophes and ayn/hamza marks (Gha'ani = Ghaani, ʿAbd = Abd), hyphen = space
 * (Abdul-Mahdi = Abdul Mahdi), diacritics (Kāẓimī = Kazimi).
 *
 * DOM-free and browser-free: runs in the corpus builder and the tests.
 */

export interface VariantRule {
  id: string;
  /** What the rule does, for the curator reading `--variants`. */
  doc: string;
  /** Edits one application counts for (default 1): rarer spellings cost more and come later. */
  cost?: number;
  /** One-step rewrites of a lower-case word: every word one application of the rule makes. */
  apply(word: string): string[];
}

/** Edits per word: Kadhimi → Kazemi is two (dh→z, i→e), Qasem → Qassim three (ss costs two). */
export const MAX_EDITS = 3;
/** Spellings kept per word, fewest edits first. */
export const MAX_WORD_VARIANTS = 24;
/** Spellings kept per name, fewest edits first. */
export const MAX_ALIAS_VARIANTS = 48;

const VOWEL = /[aeiou]/;
const CONSONANT = /[bdfgjklmnqrstvwxz]/;

/** Every way to replace one occurrence of `from` in `word` by one of `to`. */
function replaceEach(word: string, from: string, to: readonly string[], ok?: (at: number) => boolean): string[] {
  const out: string[] = [];
  for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
    if (ok && !ok(at)) continue;
    for (const t of to) out.push(word.slice(0, at) + t + word.slice(at + from.length));
  }
  return out;
}

/** Is the letter at `at` part of a two-letter digraph (dh, gh, kh, sh, th, zh) ? */
function inDigraph(word: string, at: number): boolean {
  return word[at + 1] === 'h' || (word[at] === 'h' && /[dgkstz]/.test(word[at - 1] ?? ''));
}

export const RULES: readonly VariantRule[] = [
  {
    id: 'dh-z-d-th',
    doc: 'ذ/ض/ظ are written dh, z, d or th; z in Persian spellings is dh in Arabic ones (Kadhimi, Kazimi, Kadimi; Kazemi → Kadhemi)',
    apply: (w) => [...replaceEach(w, 'dh', ['z', 'd', 'th']), ...replaceEach(w, 'z', ['dh'], (at) => !inDigraph(w, at))],
  },
  {
    id: 'q-gh-k-g',
    doc: 'ق is q in Arabic spellings, gh or g in Persian ones, sometimes k (Qaani, Ghaani, Gaani; Qalibaf, Ghalibaf)',
    apply: (w) => [...replaceEach(w, 'q', ['gh', 'k', 'g']), ...replaceEach(w, 'gh', ['q', 'g'])],
  },
  {
    id: 'ou-u-o',
    doc: 'the long and short u: ou, u, o or ow (Nouri, Nuri; Rouhani, Ruhani, Rohani, Rowhani; Soleimani, Suleimani)',
    apply: (w) => [
      ...replaceEach(w, 'ou', ['u', 'o', 'ow']),
      ...replaceEach(w, 'u', ['ou', 'o'], (at) => w[at - 1] !== 'o' && w[at - 1] !== 'q'),
      ...replaceEach(w, 'o', ['u'], (at) => w[at + 1] !== 'u'),
    ],
  },
  {
    id: 'e-i',
    doc: 'the short i: e or i (Kazemi, Kazimi; Esmail, Ismail; Qasem, Qasim); a final -i (the nisba) stays',
    apply: (w) => [
      ...replaceEach(w, 'e', ['i'], (at) => !/[aiy]/.test(w[at - 1] ?? '') && w[at + 1] !== 'i' && w[at + 1] !== 'y'),
      ...replaceEach(w, 'i', ['e'], (at) => at < w.length - 1 && !/[aeo]/.test(w[at - 1] ?? '')),
    ],
  },
  {
    id: 'ei-ai-ey',
    doc: 'the diphthong ay: ei, ai, ey or ay (Soleimani, Solaimani, Soleymani; Kayhan, Keyhan)',
    apply: (w) => {
      const forms = ['ei', 'ai', 'ey', 'ay'];
      return forms.flatMap((f) => replaceEach(w, f, forms.filter((g) => g !== f)));
    },
  },
  {
    id: 'aa-a',
    doc: 'long a: aa or a, and the hiatus ae reduced to a (Ghaani, Ghani; Esmaeil, Esmail; Khazaali, Khazali)',
    apply: (w) => [...replaceEach(w, 'aa', ['a']), ...replaceEach(w, 'ae', ['a'])],
  },
  {
    id: 'f-ph',
    doc: 'ف between vowels is ph in French-influenced spellings (Mustafa, Mustapha; Mostafa, Mostapha)',
    apply: (w) => replaceEach(w, 'f', ['ph'], (at) => VOWEL.test(w[at - 1] ?? '') && VOWEL.test(w[at + 1] ?? '')),
  },
  {
    id: 'final-cluster-vowel',
    doc: 'a word ending in two consonants (CaCC, as حشد) is often written with a vowel between them (Hashd, Hashad, Hashid; Badr, Badar); not e, which makes English past tenses (hashed); it costs all three edits, so no other rule respells the vowel it adds (Hashid → hashed)',
    cost: 3,
    apply: (w) => {
      const last = w.length - 1;
      if (last < 3 || !CONSONANT.test(w[last]!)) return [];
      // The consonant before it, a digraph counted as one (the sh of Hashd).
      const first = w[last - 1] === 'h' && /[dgkstz]/.test(w[last - 2]!) ? last - 2 : CONSONANT.test(w[last - 1]!) ? last - 1 : -1;
      if (first < 1 || !VOWEL.test(w[first - 1]!)) return [];
      return ['a', 'i'].map((v) => w.slice(0, last) + v + w.slice(last));
    },
  },
  {
    id: 'shadda-single',
    doc: 'shadda: a doubled consonant may be written single (Qassem, Qasem; Hassan, Hasan; Seyyed, Seyed)',
    apply: (w) => {
      const out: string[] = [];
      for (let i = 1; i < w.length; i++) {
        if (w[i] === w[i - 1] && (CONSONANT.test(w[i]!) || w[i] === 'y')) out.push(w.slice(0, i) + w.slice(i + 1));
      }
      return out;
    },
  },
  {
    id: 'shadda-double',
    doc: 'shadda the other way: a single consonant between vowels written double (Qasem, Qassem; Khazali, Khazzali); rarer, so it costs two edits',
    cost: 2,
    apply: (w) => {
      const out: string[] = [];
      for (let i = 1; i < w.length - 1; i++) {
        const c = w[i]!;
        if (!CONSONANT.test(c) || inDigraph(w, i) || !VOWEL.test(w[i - 1]!) || !VOWEL.test(w[i + 1]!)) continue;
        out.push(w.slice(0, i) + c + w.slice(i));
      }
      return out;
    },
  },
];

/** The Arabic article before a word: al-, el-, ul- (and the assimilated forms are left alone). */
const ARTICLE = /^(al|el)$/i;
/** The sun letters as transliterated (t th d dh r z s sh n): the article assimilates to them. */
const SUN_LETTER = /^(sh|th|dh|[tdrzsn])/;
/** How the article is written: al-X, el-X, X alone, or joined alX. */
const ARTICLE_FORMS = ['al-', 'el-', '', 'al'];

/**
 * English words that sit in transliterated names ("Supreme Leader of Iran", "Quds Force") and
 * must not be respelt: a rule applied to them only makes names no page contains.
 */
const KEEP_WORDS = new Set(
  (
    'of the and in to for on iran iran\'s iraq iraq\'s supreme leader grand force forces units unit organization ' +
    'organisation people\'s popular mobilization mobilisation commission authority newspaper daily agency news ' +
    'revolutionary guard guards corps islamic republic army visit baghdad tehran'
  ).split(' '),
);

const LATIN_NAME = /^[A-Za-z' .,’-]+$/;

interface Weighted {
  text: string;
  edits: number;
}

/** A word's spellings, itself first, then by number of edits (breadth first), capped. */
export function wordVariants(word: string): Weighted[] {
  const lower = word.toLowerCase();
  const acronym = word === word.toUpperCase();
  if (lower.length < 3 || acronym || KEEP_WORDS.has(lower) || !/^[a-z]+$/.test(lower)) return [{ text: word, edits: 0 }];
  // Uniform-cost search: every spelling within MAX_EDITS, cheapest first, capped.
  const seen = new Map<string, number>([[lower, 0]]);
  const byCost: string[][] = [[lower]];
  for (let cost = 0; cost < MAX_EDITS; cost++) {
    for (const w of byCost[cost] ?? []) {
      for (const rule of RULES) {
        const total = cost + (rule.cost ?? 1);
        if (total > MAX_EDITS) continue;
        for (const v of rule.apply(w)) {
          const known = seen.get(v);
          if (known !== undefined && known <= total) continue;
          seen.set(v, total);
          (byCost[total] ??= []).push(v);
        }
      }
    }
  }
  const ranked = [...seen].sort((a, b) => a[1] - b[1]).slice(0, MAX_WORD_VARIANTS);
  return ranked.map(([text, edits]) => ({ text: edits === 0 ? word : text, edits }));
}

/** A Latin name as words and the separators between them (article tokens marked). */
function tokenize(name: string): { word: string; sep: string }[] {
  const tokens: { word: string; sep: string }[] = [];
  const re = /([A-Za-z']+|[.,’]+)([\s-]*)/g;
  for (let m = re.exec(name); m; m = re.exec(name)) tokens.push({ word: m[1]!, sep: m[2]! });
  return tokens;
}

/**
 * The generated spellings of one Latin name, the name itself excluded, fewest edits first.
 * Names in Arabic or Persian script, acronyms and very short names get none: script spellings
 * have their own rules (script-variants.ts), and a respelt acronym is noise.
 */
export function nameVariants(name: string): string[] {
  if (!LATIN_NAME.test(name)) return [];
  const letters = name.replace(/[^A-Za-z]/g, '');
  if (letters.length < 4 || letters === letters.toUpperCase()) return [];
  let combos: Weighted[] = [{ text: '', edits: 0 }];
  const tokens = tokenize(name);
  tokens.forEach((token, i) => {
    const last = i === tokens.length - 1;
    let options: Weighted[];
    if (ARTICLE.test(token.word) && token.sep !== '' && !last) {
      // The article's own separator is part of its form ("al-", "al", "").
      options = ARTICLE_FORMS.map((form, k) => ({ text: form === 'al-' ? token.word + token.sep : form, edits: k === 0 ? 0 : 1 }));
      // Before a sun letter the article is said, and often written, assimilated: al-Shaabi is
      // ash-Shaabi, or joined as Ashaabi.
      const sun = SUN_LETTER.exec(tokens[i + 1]!.word.toLowerCase())?.[1];
      if (sun) options.push({ text: `a${sun}-`, edits: 1 }, { text: 'a', edits: 1 });
    } else {
      options = wordVariants(token.word).map((v) => ({ text: v.text + token.sep, edits: v.edits }));
      // A hyphen joining two parts of one name may be dropped: Abdul-Mahdi, Abdulmahdi.
      if (token.sep === '-' && !last) options.push({ text: token.word, edits: 1 });
    }
    const next: Weighted[] = [];
    for (const c of combos) for (const o of options) next.push({ text: c.text + o.text, edits: c.edits + o.edits });
    next.sort((a, b) => a.edits - b.edits);
    combos = next.slice(0, MAX_ALIAS_VARIANTS + 1);
  });
  const own = name.toLowerCase();
  const out: string[] = [];
  const seen = new Set<string>([own]);
  for (const c of combos) {
    const key = c.text.toLowerCase();
    if (seen.has(key) || out.length >= MAX_ALIAS_VARIANTS) continue;
    seen.add(key);
    out.push(c.text);
  }
  return out;
}
