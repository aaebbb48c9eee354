// "The new talks" is the US–Iraq dialogue in a document that names it: accounts and dates
// include what a document says about an entity after it stops repeating the name.
import { definiteReferences, headNoun, referencesInDocument } from '../../lib/accounts/references';

test('head nouns come from the names themselves, and only common nouns that stand for one thing', () => {
  expect(headNoun('US-Iraq strategic talks')).toBe('talks');
  expect(headNoun('decision to withdraw foreign troops')).toBe('decision');
  expect(headNoun('US–Iraq Strategic Dialogue')).toBeNull(); // a proper name's head is capitalised
  expect(headNoun('Iranian proxy forces')).toBeNull(); // "the forces" could be anyone's
});

test('definite descriptions with the head, not indefinite ones or other talks', () => {
  const text = 'In the new talks, the US was clear. A series of talks followed. The talks of Vienna are another matter.';
  expect(definiteReferences(text, new Set(['talks'])).map((s) => text.slice(s.start, s.end))).toEqual(['the new talks']);
});

test('a head two entities of the document share stands for neither, unless the title names one', () => {
  const passages = [
    { id: 'd:1:0', text: 'The strategic dialogue opened.', entities: ['dialogue'] },
    { id: 'd:2:0', text: 'The 2008 agreement came out of long talks.', entities: ['agreement-2008'] },
    { id: 'd:3:0', text: 'The talks will decide a lot.', entities: [] },
  ];
  const heads = (e: string) => new Set(e === 'dialogue' || e === 'agreement-2008' ? ['talks'] : []);
  expect(referencesInDocument(passages, heads).size).toBe(0);
  expect([...referencesInDocument(passages, heads, ['dialogue'])].map(([e, refs]) => [e, refs.map((r) => r.passage)])).toEqual([['dialogue', ['d:3:0']]]);
});
