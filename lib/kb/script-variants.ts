/**
 * Arabic and Persian script spellings of a name, generated at build time for every entry with a
 * name in that script — people, organisations, places and events alike.
 *
 * Letter forms are folded by the matcher's alphabet (alef and hamza carriers, yaa and alef
 * maqsura, taa marbuta, Persian ی and ک, harakat, tatweel, ZWNJ), and the matcher skips the
 * one-letter proclitics و ف ب ك ل in front of a name. What is left are spellings that change
 * the letters a name is written with:
 * - the article: Persian usually writes an Arabic name without ال (الكاظمي → کاظمی, الحشد
 *   الشعبي → حشد شعبی or حشد الشعبی), so each word of a name may lose it — except a person's
 *   given name, which never carries it;
 * - Arabic writes the surnames of Iranian people with the article (خامنئي → الخامنئي, علي
 *   خامنئي → علي الخامنئي), so a person's last word may gain it;
 * - ل + ال contracts to لل (للكاظمي, للحشد الشعبي, للعراق): a name that starts with the article
 *   is also written so, as one word with the preposition;
 * - ʿAbd al-X names are written as one word (عبد المهدي → عبدالمهدي);
 * - America: أمريكا and أميركا (الأمريكية, الأميركية) are both standard;
 * - Persian writes an Arabic compound as one word, the article joined to the word before it
 *   (حشد الشعبی → حشدالشعبی), or without the article and with a ZWNJ the copy may lose (حشد‌شعبی,
 *   read as حشدشعبی): a word of an organisation's, place's or event's name that carries the
 *   article may join the word before it so.
 *
 * DOM-free and browser-free: runs in the corpus builder and the tests.
 */
import type { EntityType } from './types';

/** A name written in Arabic script (Persian letters and ZWNJ included), nothing else. */
export const ARABIC_SCRIPT = /^[\u0600-\u06FF\u200C\s]+$/;

/** Spellings kept per name: the rules combine, and a long name must not multiply them. */
export const MAX_SCRIPT_VARIANTS = 16;

const ARTICLE = '\u0627\u0644'; // ال
const CONTRACTED = '\u0644\u0644'; // لل
const ZWNJ = '\u200C';
const ABD = '\u0639\u0628\u062F'; // عبد
/** Letters only Persian (and Kurdish) writes: a name spelt with them is not written the Arabic way. */
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06CC\u06A9\u200C]/;
const AMERICA = [/\u0645\u0631\u064A\u0643/g, /\u0645\u064A\u0631\u0643/g]; // مريك, ميرك
const AMERICA_FORMS = ['\u0645\u0631\u064A\u0643', '\u0645\u064A\u0631\u0643'];

const hasArticle = (word: string) => word.startsWith(ARTICLE) && word.length >= 5;

/** Every choice of words that lose their article, each word at most once (the name itself excluded). */
function withoutArticles(words: readonly string[], may: (i: number) => boolean): string[][] {
  let forms: string[][] = [[...words]];
  words.forEach((word, i) => {
    if (!hasArticle(word) || !may(i)) return;
    forms = forms.flatMap((f) => [f, [...f.slice(0, i), word.slice(2), ...f.slice(i + 1)]]);
  });
  return forms.slice(1);
}

/** The generated script spellings of one name, the name itself excluded. */
export function scriptVariants(name: string, type: EntityType): string[] {
  if (!ARABIC_SCRIPT.test(name)) return [];
  const words = name.trim().split(/\s+/);
  const person = type === 'person';
  const forms: string[][] = [];
  // A person's given name never carries the article, so only the surname loses it; a one-word
  // name is a surname.
  forms.push(...withoutArticles(words, (i) => !person || i > 0 || words.length === 1));
  const last = words[words.length - 1]!;
  if (person && !hasArticle(last) && last.length >= 4 && !PERSIAN_LETTERS.test(name)) {
    forms.push([...words.slice(0, -1), ARTICLE + last]);
  }
  if (hasArticle(words[0]!)) forms.push([CONTRACTED + words[0]!.slice(2), ...words.slice(1)]);
  if (!person) {
    words.forEach((word, i) => {
      if (i === 0 || !hasArticle(word)) return;
      const joined = (w: string) => [...words.slice(0, i - 1), words[i - 1]! + w, ...words.slice(i + 1)];
      forms.push(joined(word), joined(ZWNJ + word.slice(2)));
    });
  }
  // A name of the form ʿAbd al-X (servant of X) is one word to Persian and often to Arabic copy
  // too: عبد المهدي → عبدالمهدي.
  words.forEach((word, i) => {
    if (i === 0 || words[i - 1] !== ABD || !hasArticle(word)) return;
    forms.push([...words.slice(0, i - 1), ABD + word, ...words.slice(i + 1)]);
  });
  for (const [k, form] of AMERICA.entries()) {
    if (form.test(name)) forms.push(name.replace(form, AMERICA_FORMS[1 - k]!).split(/\s+/));
    form.lastIndex = 0;
  }
  const own = words.join(' ');
  const out: string[] = [];
  for (const f of forms) {
    const text = f.join(' ');
    // A bare word of three letters or fewer is too likely to be an ordinary word.
    if (text === own || out.includes(text) || (f.length === 1 && f[0]!.length <= 3)) continue;
    out.push(text);
    if (out.length >= MAX_SCRIPT_VARIANTS) break;
  }
  return out;
}
