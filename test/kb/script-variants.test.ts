// Arabic and Persian script spellings generated for every entry: the article (dropped as Persian
// writes names, added as Arabic writes Iranian surnames), the ل + ال contraction, America's two
// spellings.
import { foldedKey } from '../../lib/kb/build';
import { MAX_SCRIPT_VARIANTS, scriptVariants } from '../../lib/kb/script-variants';

describe('script spellings', () => {
  test('a surname may lose its article, as Persian writes it; a given name never carries one', () => {
    expect(scriptVariants('مصطفى الكاظمي', 'person')).toContain('مصطفى كاظمي');
    expect(scriptVariants('الكاظمي', 'person')).toContain('كاظمي');
    expect(foldedKey('کاظمی')).toBe(foldedKey('كاظمي')); // Persian kaf and yeh fold to the Arabic ones
  });

  test('an Iranian surname may gain the article, as Arabic writes it', () => {
    expect(scriptVariants('خامنئي', 'person')).toContain('الخامنئي');
    expect(scriptVariants('علي خامنئي', 'person')).toContain('علي الخامنئي');
    // Spelt with Persian letters, the name is written the Persian way: no article.
    expect(scriptVariants('قاسم سلیمانی', 'person').some((v) => v.includes('السلیمانی'))).toBe(false);
  });

  test('every word of an organisation may lose its article', () => {
    const forms = scriptVariants('الحشد الشعبي', 'organization');
    expect(forms).toEqual(expect.arrayContaining(['حشد الشعبي', 'الحشد شعبي', 'حشد شعبي']));
  });

  test('Persian joins an organisation’s article to the word before it, or drops it behind a ZWNJ the copy may lose', () => {
    const forms = scriptVariants('حشد الشعبی', 'organization');
    expect(forms).toContain('حشدالشعبی');
    expect(forms.map(foldedKey)).toContain(foldedKey('حشدشعبی'));
    // A person's name is not run together: ابومهدی المهندس stays two words.
    expect(scriptVariants('ابومهدی المهندس', 'person').some((v) => !v.includes(' '))).toBe(false);
  });

  test('ل + ال is written لل, joined to the name', () => {
    expect(scriptVariants('الكاظمي', 'person')).toContain('للكاظمي');
    expect(scriptVariants('العراق', 'place')).toContain('للعراق');
    expect(scriptVariants('الحشد الشعبي', 'organization')).toContain('للحشد الشعبي');
  });

  test('America is أمريكا or أميركا', () => {
    expect(scriptVariants('القوات الأمريكية', 'organization')).toContain('القوات الأميركية');
    expect(scriptVariants('أميركا', 'place')).toContain('أمريكا');
  });

  test('Latin names get none, a bare word of three letters is not generated, and the count is bounded', () => {
    expect(scriptVariants('Popular Mobilization Units', 'organization')).toEqual([]);
    expect(scriptVariants('الحرب', 'event')).not.toContain('حرب');
    expect(scriptVariants('الأول الثاني الثالث الرابع الخامس السادس', 'organization').length).toBeLessThanOrEqual(MAX_SCRIPT_VARIANTS);
  });

  test('an ʿAbd al-X name is also written as one word, and only that compound', () => {
    expect(scriptVariants('عادل عبد المهدي', 'person')).toContain('عادل عبدالمهدي');
    expect(scriptVariants('عبد المهدي', 'person')).toContain('عبدالمهدي');
    // Only after عبد: a given name and an article surname are not run together.
    expect(scriptVariants('مصطفى الكاظمي', 'person')).not.toContain('مصطفىالكاظمي');
  });
});
