/**
 * The consonants of a name's word as a Latin transliteration would write them, the same key for
 * its Arabic or Persian spelling and its Latin ones: هشام, Hisham and Husham are "hSm"; الهاشمي,
 * al-Hashimi and Hashemi "hSm"; قاسم مصلح and Qassem Muslih "ksm mslh". Vowels and the letters
 * that are vowels as often as consonants (alef, waw, yaa; a, e, i, o, u, w, y) are left out, the
 * article is taken off, and the sounds transliterators write several ways are folded as the
 * gazetteer's rules fold them (q, k, g, kh, gh; d, dh, th, z; Kadhimi, Kazemi, كاظمي), and ch
 * is j, as Arabic writes a Persian چ (Araghchi, عراقجي). It is a
 * key to find the one Latin name a script name may be, never proof alone: resolve.ts asks for
 * every word of a full name to agree and for a single such person. DOM-free.
 */
import { memo } from './union-find';

/** Arabic and Persian letters in the key's alphabet ('' for vowels, hamza, ain). */
const LETTERS: Record<string, string> = {
  ب: 'b', ت: 't', ث: 'd', ج: 'j', ح: 'h', خ: 'k', د: 'd', ذ: 'd', ر: 'r', ز: 'd', س: 's', ش: 'S', ص: 's',
  ض: 'd', ط: 't', ظ: 'd', غ: 'k', ف: 'f', ق: 'k', ك: 'k', ک: 'k', گ: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  پ: 'p', چ: 'j', ژ: 'dh',
};

const SCRIPT_ARTICLE = /^(?:ال|لل)(?=\S{3,})/u;
const LATIN_ARTICLE = /^(?:al|el)[-‐ ]?(?=\p{L}{3,})/iu;

/** The key of one word in Arabic or Persian script. */
export const scriptWordSound: (word: string) => string = memo((word) =>
  [...word.replace(/[\u064B-\u065F\u0670\u0640\u200C]/gu, '').replace(SCRIPT_ARTICLE, '')]
    .map((ch) => LETTERS[ch] ?? '')
    .join('')
    .replace(/(.)\1+/g, '$1'),
);

/** The key of one word in Latin letters. */
export const latinWordSound: (word: string) => string = memo((word) =>
  word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(LATIN_ARTICLE, '')
    .replace(/sh/g, 'S')
    // Arabic writes Persian ch as j (عراقجي, Araghchi).
    .replace(/ch/g, 'j')
    .replace(/kh|gh|q|g|c/g, 'k')
    .replace(/dh|th|z/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/[^a-zS]/g, '')
    .replace(/[aeiouwy]/g, '')
    .replace(/(.)\1+/g, '$1'),
);
