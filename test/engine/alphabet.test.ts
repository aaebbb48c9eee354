import { describe, expect, it } from 'vitest';
import { buildClassRuns, expandClassRuns, foldPattern, CLASS_SEP, CLASS_WORD_OTHER } from '../../lib/engine/alphabet';

const same = (a: string, b: string) => expect(foldPattern(a)).toEqual(foldPattern(b));

describe('foldPattern', () => {
  it('folds case, diacritics and compatibility forms', () => {
    same('Qāsem Soleimānī', 'qasem soleimani');
    same('ＭＵＳＴＡＦＡ', 'mustafa');
    same('İstanbul', 'istanbul');
    same('Łódź', 'lodz');
  });

  it('drops apostrophes and ayn/hamza marks', () => {
    for (const mark of ["'", '’', '‘', 'ʼ', 'ʻ', '`', '´', 'ʿ', 'ʾ']) same(`Gha${mark}ani`, 'Ghaani');
  });

  it('folds every separator run to one separator and trims the ends', () => {
    for (const sep of ['-', '‐', '‑', '‒', '–', '—', '―', '\u00a0', '\n', ' – ', '  ']) same(`al${sep}Kazemi`, 'al Kazemi');
    same('  Kazemi - ', 'Kazemi');
  });

  it('folds Arabic letter variants and drops harakat, tatweel and joiners', () => {
    same('أحمد', 'احمد');
    same('إبراهيم', 'ابراهيم');
    same('آية', 'ايه');
    same('ٱلله', 'الله');
    same('مؤيد', 'مويد');
    same('هيئة', 'هييه');
    same('مصطفى', 'مصطفي');
    same('کاظمی', 'كاظمي');
    same('مُحَمَّد', 'محمد');
    same('كـــاظم', 'كاظم');
    same('خامنه‌ای', 'خامنهاي');
  });

  it('keeps different names different', () => {
    expect(foldPattern('Kazemi')).not.toEqual(foldPattern('Kazimi'));
    expect(foldPattern('al Kazemi')).not.toEqual(foldPattern('alKazemi'));
  });
});

describe('class runs', () => {
  it('expand back into the per-code-unit table', () => {
    const a = foldPattern('a')[0]!;
    const table = expandClassRuns(buildClassRuns(new Map([[a, 5]])));
    expect(table['A'.charCodeAt(0)]).toBe(5);
    expect(table['á'.charCodeAt(0)]).toBe(5);
    expect(table['Ａ'.charCodeAt(0)]).toBe(5);
    expect(table['b'.charCodeAt(0)]).toBe(CLASS_WORD_OTHER);
    expect(table['—'.charCodeAt(0)]).toBe(CLASS_SEP);
  });
});
