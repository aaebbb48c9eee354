import { splitSentences } from '../../lib/kb/sentences';
import { documentPassages } from '../../lib/kb/passages';

const texts = (paragraph: string) => splitSentences(paragraph).map((s) => s.text);

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
  });

  test('titles, initials and abbreviated months do not end sentences', () => {
    expect(texts('When Mr. Solaimani was killed, George W. Bush was not in office. Iran Focus: Tehran, Sep. 23 was the date.')).toEqual([
      'When Mr. Solaimani was killed, George W. Bush was not in office.',
      'Iran Focus: Tehran, Sep. 23 was the date.',
    ]);
  });

  test('amounts, decimals and ordinals stay whole, and a sentence may start with "$"', () => {
    expect(texts('$1,000 billion has been looted. $435 billion was looted in 2.5 years. It marks the 29th attack.')).toEqual([
      '$1,000 billion has been looted.',
      '$435 billion was looted in 2.5 years.',
      'It marks the 29th attack.',
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
  });

  test('a quotation that runs on to the next paragraph is split like any text', () => {
    expect(texts('“The table was set on Wednesday. The Iraqi side will be passive.')).toEqual([
      '“The table was set on Wednesday.',
      'The Iraqi side will be passive.',
    ]);
  });

  test('offsets point back into the paragraph', () => {
    const paragraph = 'Iraq is ill.  The disease spreads.';
    for (const s of splitSentences(paragraph)) expect(paragraph.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('documentPassages', () => {
  test('ids are doc:para:sentence and a sentence that points back carries the one before it', () => {
    const passages = documentPassages('doc', [
      'The southern Iraqi city of Basra is at the forefront. This is the slogan of the people of Basra.',
      'Iraq is ill.',
    ]);
    expect(passages.map((p) => p.id)).toEqual(['doc:1:0', 'doc:1:1', 'doc:2:0']);
    expect(passages[1]!.text).toBe('The southern Iraqi city of Basra is at the forefront. This is the slogan of the people of Basra.');
    expect(passages[0]!.text).toBe('The southern Iraqi city of Basra is at the forefront.');
    expect(passages[2]).toMatchObject({ para: 2, text: 'Iraq is ill.' });
  });

  test('a long preceding sentence is not joined', () => {
    const long = `${'word '.repeat(45)}ends here.`;
    const [, second] = documentPassages('doc', [`${long} It stands alone.`]);
    expect(second!.text).toBe('It stands alone.');
  });
});
