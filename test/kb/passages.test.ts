import { documentPassages } from '../../lib/kb/passages';

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
