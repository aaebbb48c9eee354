/**
 * The knowledge base built from the starter corpus (`npm run corpus` writes data/kb.json), for
 * the tests that compare the installed store with it. No extension page imports it: the popup,
 * the reader page and *Your documents* read the live knowledge base in IndexedDB, which the
 * background seeds from the starter pack (entrypoints/background/shipped-corpus.ts), so what the
 * reader added or removed shows everywhere. The matcher has its own module (`starter-matcher.ts`).
 */
import kbJson from '../../data/kb.json';
import type { KnowledgeBase } from '../kb/types';

// JSON imports are typed structurally (`type: string`, not the `EntityType` union); the corpus
// builder validated the file against these types when it wrote it.
export const starterKnowledgeBase = kbJson as unknown as KnowledgeBase;
