// The one sentence splitter: Unicode's sentence rules (Intl.Segmenter) plus news prose's own.
import { BLOCK_BREAK } from '../../lib/engine/alphabet';
import { sentenceSpans, splitSentences } from '../../lib/text/sentences';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  test('splits plain prose at full stops, question and exclamation marks', () => {
    expect(texts('Iraq is ill. Is it? It is!')).toEqual(['Iraq is ill.', 'Is it?', 'It is!']);
  });

  test('does not split after "U.S." inside a sentence, but does before a sentence opener', () => {
    expect(texts('In the meantime; U.S. officials are well aware. They said so.')).toEqual([
      'In the meantime; U.S. officials are well aware.',
      'They said so.',
    ]);
    expect(texts('Ties with the U.S. The talks began.')).toEqual(['Ties with the U.S.', 'The talks began.']);
    expect(texts('The U.S. President spoke. Then he left.')).toEqual(['The U.S. President spoke.', 'Then he left.']);
  });

  test('titles, initials, abbreviated months and numbered things do not end sentences', () => {
    expect(texts('When Mr. Solaimani was killed, George W. Bush was not in office. Iran Focus: Tehran, Sep. 23 was the date.')).toEqual([
      'When Mr. Solaimani was killed, George W. Bush was not in office.',
      'Iran Focus: Tehran, Sep. 23 was the date.',
    ]);
    expect(texts('The killing of Gen. Qassem Soleimani in a U.S. strike. Then talks began.')).toEqual([
      'The killing of Gen. Qassem Soleimani in a U.S. strike.',
      'Then talks began.',
    ]);
    expect(texts('Resolution No. 5 passed. He said no. Then he left.')).toEqual(['Resolution No. 5 passed.', 'He said no.', 'Then he left.']);
  });

  test('a word that is also an abbreviation ends a sentence when it is not written as one', () => {
    expect(texts('They sat in the sun. The talks went on.')).toEqual(['They sat in the sun.', 'The talks went on.']);
  });

  test('amounts, decimals and ordinals stay whole, and a sentence may start with "$"', () => {
    expect(texts('$1,000 billion has been looted. $435 billion was looted in 2.5 years. It marks the 29th attack.')).toEqual([
      '$1,000 billion has been looted.',
      '$435 billion was looted in 2.5 years.',
      'It marks the 29th attack.',
    ]);
  });

  test('reference marks after a full stop stay with their sentence', () => {
    expect(texts('It is made of some 40 militias.[39][40] The units were formed in 2014.[41] It fought ISIL.')).toEqual([
      'It is made of some 40 militias.[39][40]',
      'The units were formed in 2014.[41]',
      'It fought ISIL.',
    ]);
  });

  test('a closing quote after the full stop belongs to the sentence it closes', () => {
    expect(texts('Khamenei has said, “We want Iraq to achieve its regional position.” This is while Iran violates it.')).toEqual([
      'Khamenei has said, “We want Iraq to achieve its regional position.”',
      'This is while Iran violates it.',
    ]);
  });

  test('a quotation of several sentences followed by its attribution is one sentence', () => {
    const paragraph =
      'However, “Iraq won’t allow threats to Iran from its soil. Iran and Iraq both are suffering,” the Iraqi PM said. He left.';
    expect(texts(paragraph)).toEqual([
      'However, “Iraq won’t allow threats to Iran from its soil. Iran and Iraq both are suffering,” the Iraqi PM said.',
      'He left.',
    ]);
    expect(texts('“Never!” he shouted. Nobody answered.')).toEqual(['“Never!” he shouted.', 'Nobody answered.']);
  });

  test('a quotation that runs on to the next paragraph is split like any text', () => {
    expect(texts('“The table was set on Wednesday. The Iraqi side will be passive.')).toEqual([
      '“The table was set on Wednesday.',
      'The Iraqi side will be passive.',
    ]);
    // Nor does a quotation hold sentences together across a block break.
    expect(texts(`“The table was set. It was${BLOCK_BREAK}ready,” he said. Then more.`)).toEqual([
      '“The table was set.',
      'It was',
      'ready,” he said.',
      'Then more.',
    ]);
  });

  test('Arabic and Persian question marks end sentences', () => {
    expect(texts('هل هذا صحيح؟ نعم إنه صحيح. قال الرئيس.')).toEqual(['هل هذا صحيح؟', 'نعم إنه صحيح.', 'قال الرئيس.']);
    expect(texts('آیا این درست است؟ بله.')).toEqual(['آیا این درست است؟', 'بله.']);
  });

  test('a block break or a blank line ends a sentence; a single line break is whitespace', () => {
    expect(texts(`A heading without a full stop${BLOCK_BREAK}Kataib Hezbollah demanded a withdrawal`)).toEqual([
      'A heading without a full stop',
      'Kataib Hezbollah demanded a withdrawal',
    ]);
    expect(texts('Mustafa\n  al-Kazemi arrived in\nTehran.\n\nA new paragraph')).toEqual([
      'Mustafa\n  al-Kazemi arrived in\nTehran.',
      'A new paragraph',
    ]);
  });

  test('offsets point back into the text, without surrounding whitespace', () => {
    const paragraph = '  Iraq is ill.  The disease spreads. ';
    const sentences = splitSentences(paragraph);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [2, 14],
      [16, 36],
    ]);
    for (const s of sentences) expect(paragraph.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('sentenceSpans on long texts', () => {
  const paragraph = 'Gen. Soleimani met the U.S. envoy. “We talk. We listen,” he said. $5 billion was pledged. ';

  test('gives the same sentences in a text far longer than one Segmenter window as in each part', () => {
    const one = [...sentenceSpans(paragraph)].map((s) => paragraph.slice(s.start, s.end));
    const long = paragraph.repeat(500);
    const all = [...sentenceSpans(long)].map((s) => long.slice(s.start, s.end));
    expect(all).toEqual(Array.from({ length: 500 }, () => one).flat());
    expect(one).toEqual(['Gen. Soleimani met the U.S. envoy.', '“We talk. We listen,” he said.', '$5 billion was pledged.']);
  });

  test('a text with no sentence end for longer than a window is still one sentence', () => {
    const words = 'word '.repeat(3000);
    const text = `${words}ends here. Next one.`;
    expect([...sentenceSpans(text)].map((s) => [s.start, s.end])).toEqual([
      [0, words.length + 'ends here.'.length],
      [words.length + 'ends here. '.length, text.length],
    ]);
  });

  test('is lazy: taking the first sentence of a huge text does not read the rest', () => {
    const huge = 'A short one. '.repeat(400_000);
    const first = sentenceSpans(huge).next();
    expect(first.value).toEqual({ start: 0, end: 12 });
  });

  test('starts where asked', () => {
    const text = 'First one. Second one. Third one.';
    expect([...sentenceSpans(text, 11)].map((s) => text.slice(s.start, s.end))).toEqual(['Second one.', 'Third one.']);
  });
});
