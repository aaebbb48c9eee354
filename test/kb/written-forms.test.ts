// US / U.S. / United States (and UK, UN) inside longer names, generated for every entry.
import { writtenForms } from '../../lib/kb/written-forms';

describe('written forms of US, UK and UN inside names', () => {
  test('each occurrence may be written in each form', () => {
    expect(writtenForms('US Embassy in Baghdad')).toEqual(['U.S. Embassy in Baghdad', 'United States Embassy in Baghdad']);
    expect(writtenForms('US–Iraq Strategic Dialogue')).toContain('U.S.–Iraq Strategic Dialogue');
    expect(writtenForms('U.S. military')).toEqual(['US military', 'United States military']);
  });

  test('the IRGC inside a longer name is also spelt out', () => {
    expect(writtenForms('IRGC Quds Force')).toEqual(['Islamic Revolutionary Guard Corps Quds Force', 'Iranian Revolutionary Guard Corps Quds Force']);
    expect(writtenForms('IRGC')).toEqual([]);
  });

  test('the bare abbreviation, and words that only contain the letters, are left alone', () => {
    expect(writtenForms('US')).toEqual([]);
    expect(writtenForms('USA')).toEqual([]);
    expect(writtenForms('Kurdistan Region')).toEqual([]);
    expect(writtenForms('Islamic State')).toEqual([]);
  });
});
