/**
 * Names in Arabic and Persian script. Script has no capitals, so a run of Arabic-script words is
 * taken as a name only with a cue: beside a Latin name in brackets ("Haidar al-Abadi (حيدر
 * العبادي)", or the other way round), or after a title (السيد، الشيخ، آية الله، سردار…) or
 * behind an organisation's head word, which in Arabic and Persian comes first (حزب الله، كتائب
 * حزب الله، سپاه پاسداران). DOM-free.
 */
import { isArabicScript, tokenize } from './tokens';

/** Titles before a person's name, Arabic and Persian (letters as commonly typed; the matcher folds variants). */
const SCRIPT_TITLES = [
  'السيد', 'سيد', 'سید', 'الشيخ', 'شيخ', 'شیخ', 'آية الله', 'آیت الله', 'آیت‌الله', 'اية الله', 'حجة الإسلام',
  'حجت الاسلام', 'الرئيس', 'رئيس الوزراء', 'رئیس جمهور', 'الجنرال', 'اللواء', 'الفريق', 'العميد', 'سردار',
  'سرلشکر', 'سرتیپ', 'الدكتور', 'دکتر', 'الحاج', 'حاج', 'الإمام', 'امام', 'الملا', 'الوزير', 'وزير',
  // An office is a title with its portfolio ("وزير الخارجية عباس عراقجي"), so the portfolio is no name.
  'وزير الخارجية', 'وزيرة الخارجية', 'وزير الدفاع', 'وزير الداخلية', 'وزير المالية', 'وزير النفط',
  'نائب وزير الخارجية', 'مساعد وزير الخارجية', 'المبعوث', 'مبعوث', 'السفير', 'سفير',
  'المتحدث باسم وزارة الخارجية', 'الناطق باسم وزارة الخارجية', 'المتحدث باسم الخارجية',
].sort((a, b) => b.length - a.length);

/** Clitics a title is written with ("ووزير" and the minister, "لوزير" for the minister, "والمبعوث"). */
const TITLE_CLITICS = ['و', 'ل', 'ب', 'ف'];

/**
 * Adjectives of an office after its title ("المبعوث الرئاسي الأميركي ستيف ويتكوف"; "رئيس الوزراء
 * الأسبق", the former; "المكلف", the designate; "المستقيل", who resigned; "المؤقت", interim): not
 * part of the name.
 */
const SCRIPT_OFFICE_ADJECTIVES = new Set(['الرئاسي', 'الخاص', 'الأعلى', 'السابق', 'الأسبق', 'الجديد', 'الحالي', 'المكلف', 'المستقيل', 'المؤقت', 'المقبل']);

/** Arabic short vowels and marks ("العُماني"), left out when a word is compared with a list. */
function bare(word: string): string {
  return word.replace(/[\u064B-\u065F\u0670\u0640]/gu, '');
}

/** The title a run of words opens with, a clitic before it allowed ("ووزير الخارجية الإيراني"). */
function titleAt(rest: string): string | undefined {
  const plain = bare(rest);
  for (const t of SCRIPT_TITLES) {
    if (plain.startsWith(`${t} `)) return t;
    // A clitic is taken only before a title that is a word of its own, not a name's first letters.
    if (TITLE_CLITICS.some((c) => plain.startsWith(`${c}${t} `))) return t;
  }
  return undefined;
}

/** Heads that open an organisation's name. */
const SCRIPT_ORG_HEADS = new Set(['حزب', 'حركة', 'كتائب', 'عصائب', 'منظمة', 'جبهة', 'تحالف', 'تيار', 'فيلق', 'سپاه', 'سازمان', 'جنبش', 'ائتلاف']);

/** Adjectives of nationality after a title ("رئيس الوزراء العراقي مصطفى الكاظمي"): not part of the name. */
const SCRIPT_DEMONYMS = new Set([
  'العراقي', 'الإيراني', 'الايراني', 'الأمريكي', 'الأميركي', 'الامريكي', 'الاميركي', 'السوري', 'اللبناني', 'السعودي',
  'التركي', 'البريطاني', 'العماني', 'القطري', 'الروسي', 'الصيني', 'المصري', 'الأردني', 'الإسرائيلي', 'الفرنسي',
  'الألماني', 'الإماراتي', 'الكويتي', 'اليمني', 'عراقی', 'ایرانی', 'آمریکایی',
]);

/** Words that end a name: prepositions, conjunctions, relatives, verbs of saying. */
const SCRIPT_STOPS = new Set([
  'في', 'من', 'على', 'إلى', 'الى', 'عن', 'مع', 'أن', 'ان', 'إن', 'التي', 'الذي', 'هذا', 'هذه', 'و', 'أو', 'ثم',
  'قال', 'قالت', 'يقول', 'كان', 'كانت', 'بعد', 'قبل', 'خلال', 'بين', 'حول', 'ضد', 'لدى', 'عند', 'منذ', 'حتى',
  'در', 'از', 'به', 'با', 'که', 'را', 'و', 'این', 'آن', 'برای', 'گفت', 'است', 'بود', 'شد', 'تا', 'هم',
  'أصيب', 'اصيب', 'قتل', 'أعلن', 'اعلن', 'أكد', 'اكد', 'الذين', 'التي', 'هو', 'هي', 'مقابل',
]);

/** How many words a script name runs to at most after its cue. */
const MAX_SCRIPT_WORDS = 4;

/**
 * "إبراهيم رئيسي وأمين": after a name's second word, a word carrying "and" before a hamza or
 * the article (وأ، وإ، وا، وال) or "for the" (لل) starts the next phrase, not the name.
 */
function joinedConjunction(word: string): boolean {
  return /^و[أإاآ]/u.test(word) || /^وال/u.test(word) || /^لل/u.test(word) || prepositionBeforeNoun(word);
}

/**
 * "برهم صالح بتشكيل الحكومة" (Barham Salih, with forming the government): "with" or "for" joined
 * to the article (بال، لل) or to a verbal noun of the taf'il form (بتشكيل، لتكليف) is a
 * preposition before a noun, never a name's last word.
 */
function prepositionBeforeNoun(word: string): boolean {
  const plain = bare(word);
  return /^بال\S{2,}$/u.test(plain) || /^[بل]ت\S\Sي\S$/u.test(plain);
}

/**
 * Given names common in Arabic and Persian, written as `folded` writes them. A name opened by one
 * with no other cue ("الخبير الأمني هشام الهاشمي") is only a guess: it may join the person a
 * Latin spelling in another document names (resolve.ts), never found one.
 */
const SCRIPT_GIVEN_NAMES = new Set(
  (
    'محمد احمد علي حسن حسين عباس جعفر مصطفي محمود ابراهيم اسماعيل يوسف عمر عثمان خالد وليد سعد سعيد هشام ' +
    'ايهاب قاسم هادي حيدر نوري عادل جلال برهم فواد فؤاد صالح عبدالله فالح فائق قيس عمار مقتدي كاظم حامد حميد ' +
    'رياض فاضل ماجد مهدي جواد رضا حسام باسم جاسم ناصر منصور طارق زياد سلمان فيصل فهد نزار ثامر ياسر اسامه ' +
    'بشار حمزه زينب فاطمه مريم سميعه رائد ضياء نبيل همام اياد عماد رعد شاكر مالك ليث كريم سامي سامر رامي طلال ' +
    'عدنان مويد مؤيد حازم جمال كمال مروان سليم سليمان داود موسي عيسي بهاء علاء نجم ستار جبار غازي تحسين مقداد ' +
    'اكرم صادق باقر محسن مرتضي مجتبي محمدرضا حسنين اسعد منذر ثائر فراس لؤي قصي نوفل وائل يحيي زيد'
  ).split(' '),
);

/** Whether a script word is a common given name ("محمد", "علي"). */
export function isScriptGivenName(word: string): boolean {
  return SCRIPT_GIVEN_NAMES.has(folded(word));
}

/** Letters as the given-name list writes them: one alef, one yaa, one kaf, haa for taa marbuta. */
function folded(word: string): string {
  return bare(word).replace(/[أإآٱ]/gu, 'ا').replace(/[ىی]/gu, 'ي').replace(/ک/gu, 'ك').replace(/ة/gu, 'ه');
}

export interface ScriptName {
  text: string;
  start: number;
  end: number;
  /** `given`: opened by a common given name, nothing else (a guess). */
  cue: 'title' | 'organization' | 'bracketed' | 'given';
  title?: string;
}

/** Runs of Arabic-script words in a paragraph: offsets of each maximal run joined by single spaces. */
function scriptRuns(text: string): { words: { text: string; start: number; end: number }[] }[] {
  const runs: { words: { text: string; start: number; end: number }[] }[] = [];
  let run: { text: string; start: number; end: number }[] = [];
  for (const token of tokenize(text)) {
    const script = isArabicScript(token.text);
    if (script && run.length && /^[ \u00A0\u200C]$/u.test(token.before)) {
      run.push(token);
      continue;
    }
    if (run.length) runs.push({ words: run });
    run = script ? [token] : [];
  }
  if (run.length) runs.push({ words: run });
  return runs;
}

/** "وزير الخارجية العماني، بدر البوسعيدي": a title and its adjectives ended by a comma name whoever the comma opens. */
const TITLE_COMMA = /^[،,]\s$/u;

/** Script names with a cue in a paragraph (the bracketed ones are found by their brackets). */
export function scriptNames(text: string): ScriptName[] {
  const names: ScriptName[] = [];
  const runs = scriptRuns(text);
  let carried: string | undefined;
  for (let r = 0; r < runs.length; r++) {
    const { words } = runs[r]!;
    const carry = carried;
    carried = undefined;
    const bracketed = text[words[0]!.start - 1] === '(' && text[words[words.length - 1]!.end] === ')';
    if (bracketed && words.length <= MAX_SCRIPT_WORDS + 1) {
      names.push({ text: text.slice(words[0]!.start, words[words.length - 1]!.end), start: words[0]!.start, end: words[words.length - 1]!.end, cue: 'bracketed' });
      continue;
    }
    for (let i = carry ? -1 : 0; i < words.length; i++) {
      const title = i < 0 ? carry : titleAt(text.slice(words[i]!.start, words[words.length - 1]!.end));
      const head = i >= 0 && SCRIPT_ORG_HEADS.has(words[i]!.text);
      if (!title && !head) continue;
      let first = i < 0 ? 0 : title ? i + title.split(/[ \u200C]/).length : i;
      // "وزير الخارجية الإيراني الدكتور سيد عباس عراقجي": the office's adjectives and any further titles.
      for (;;) {
        while (first < words.length && (SCRIPT_DEMONYMS.has(bare(words[first]!.text)) || (title && SCRIPT_OFFICE_ADJECTIVES.has(bare(words[first]!.text))))) first++;
        // "وزير الطاقة الإيراني": a portfolio the list lacks, known by the demonym after it.
        const portfolio = title ? [first, first + 1].find((k) => k + 1 < words.length && SCRIPT_DEMONYMS.has(bare(words[k + 1]!.text)) && !SCRIPT_STOPS.has(words[k]!.text)) : undefined;
        if (portfolio !== undefined) {
          first = portfolio + 2;
          continue;
        }
        const more = title && first < words.length ? titleAt(text.slice(words[first]!.start, words[words.length - 1]!.end)) : undefined;
        if (!more) break;
        first += more.split(/[ \u200C]/).length;
      }
      if (first >= words.length) {
        const next = runs[r + 1];
        if (title && i >= 0 && next && TITLE_COMMA.test(text.slice(words[words.length - 1]!.end, next.words[0]!.start))) carried = title;
        break;
      }
      let last = first;
      while (last + 1 < words.length && last - first + 1 < MAX_SCRIPT_WORDS && !SCRIPT_STOPS.has(words[last + 1]!.text) && !(last > first && joinedConjunction(words[last + 1]!.text))) last++;
      if (SCRIPT_STOPS.has(words[first]!.text)) continue;
      // A title's name is two or three words; an organisation's runs to its stop.
      if (title) last = Math.min(last, first + 2);
      names.push({
        text: text.slice(words[first]!.start, words[last]!.end),
        start: words[first]!.start,
        end: words[last]!.end,
        cue: title ? 'title' : 'organization',
        ...(title ? { title } : {}),
      });
      i = last;
    }
  }
  return [...names, ...givenNames(text, runs, names)];
}

/** Whether a script word carries the article ("الهاشمي"). */
const hasArticle = (word: string) => /^ال\S{2,}$/u.test(bare(word));

/**
 * Names opened by a common given name where no other cue found one: the given name and the word
 * after it, or the two after it when the second carries the article ("محمد شياع السوداني"); the
 * name ends at a stop, a demonym or a title.
 */
function givenNames(text: string, runs: ReturnType<typeof scriptRuns>, found: readonly ScriptName[]): ScriptName[] {
  const out: ScriptName[] = [];
  const covered = (start: number) => found.some((n) => n.start <= start && start < n.end);
  const fits = (w: { text: string } | undefined) => w !== undefined && !SCRIPT_STOPS.has(w.text) && !SCRIPT_DEMONYMS.has(bare(w.text)) && !titleAt(`${w.text} `);
  for (const { words } of runs) {
    for (let i = 0; i + 1 < words.length; i++) {
      const second = words[i + 1]!;
      if (!SCRIPT_GIVEN_NAMES.has(folded(words[i]!.text)) || covered(words[i]!.start) || !fits(second)) continue;
      const third = words[i + 2];
      // A father's name between ("إيهاب جواد الوزني"); two given names alone are no full name.
      const last = !hasArticle(second.text) && third && hasArticle(third.text) && fits(third) && !joinedConjunction(third.text) ? i + 2 : i + 1;
      if (last === i + 1 && SCRIPT_GIVEN_NAMES.has(folded(second.text))) continue;
      out.push({ text: text.slice(words[i]!.start, words[last]!.end), start: words[i]!.start, end: words[last]!.end, cue: 'given' });
      i = last;
    }
  }
  return out;
}
