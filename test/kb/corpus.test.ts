// The real corpus and gazetteer: the build succeeds, the knowledge base is consistent, the
// matcher finds every entry wherever a seed names it, and the committed outputs are current.
import { buildKnowledgeBase, foldedKey } from '../../lib/kb/build';
import { formatIssue } from '../../lib/kb/schema';
import { checkOutputs, readCorpusInput } from '../../scripts/build-corpus';

const input = readCorpusInput();
const result = buildKnowledgeBase(input);

test('the real corpus builds without errors', () => {
  expect(result.report.errors.map(formatIssue)).toEqual([]);
  expect(result.kb).toBeDefined();
});

describe('the built knowledge base', () => {
  const kb = result.kb;

  test('every account carries the perspective of its document, in corpus order', () => {
    expect(kb).toBeDefined();
    const perspectiveOf = new Map(kb!.documents.map((d) => [d.id, d.perspective]));
    const order = kb!.documents.map((d) => d.id);
    for (const entity of kb!.entities) {
      for (const account of entity.accounts) expect(account.perspective).toBe(perspectiveOf.get(account.doc));
      expect(entity.accounts.map((a) => a.doc)).toEqual(order.filter((d) => entity.mentions[d]));
    }
  });

  test('every passage named in an account exists and mentions the entity', () => {
    expect(kb).toBeDefined();
    const passages = new Map(kb!.passages.map((p) => [p.id, p]));
    for (const entity of kb!.entities) {
      for (const account of entity.accounts) {
        expect(account.passages.length).toBeGreaterThan(0);
        for (const id of account.passages) expect(passages.get(id)?.entities).toContain(entity.id);
      }
    }
  });

  // The issue's acceptance criterion: for every gazetteer entry, each seed that names it is found.
  test('every entry is found in each seed whose cleaned text names it', () => {
    expect(kb).toBeDefined();
    const missed: string[] = [];
    for (const entity of kb!.entities) {
      // Contextual names count only with context; the names that need none must always be found.
      const names = [entity.name, ...entity.aliases];
      for (const doc of kb!.documents) {
        const named = names.find((name) => namesIn(doc.paragraphs.join('\n\n'), name));
        if (named && !entity.mentions[doc.id]) missed.push(`${entity.id} in ${doc.id} (as "${named}")`);
      }
    }
    expect(missed).toEqual([]);
  });
});

test('the committed data/kb.json and data/matcher.json are up to date (npm run corpus -- --check)', () => {
  const { stale } = checkOutputs();
  expect(stale).toEqual([]);
});

/**
 * Does `text` contain `name` as whole words, read the way the matcher reads (case, diacritics,
 * dashes folded)? Independent of the automaton: a plain search over folded text. An apostrophe
 * either joins ("Gha’ani") or ends a word ("Iran’s"), so both readings are tried.
 */
function namesIn(text: string, name: string): boolean {
  const key = foldedKey(name);
  if (!key) return false;
  return [text, text.replace(/['’‘ʼ]/gu, ' ')].some((variant) => {
    const folded = foldedKey(variant);
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
      const before = folded[at - 1] ?? ' ';
      const after = folded[at + key.length] ?? ' ';
      if (!/[\p{L}\p{N}•]/u.test(before) && !/[\p{L}\p{N}•]/u.test(after)) return true;
    }
    return false;
  });
}
