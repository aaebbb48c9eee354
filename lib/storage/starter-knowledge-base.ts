/**
 * The knowledge base built from the starter corpus (`npm run corpus` writes data/kb.json),
 * compiled into the bundles that import it: the popup and the reader page read it directly, so
 * they open with no round trip and no spinner. The background reads the same file from the
 * package on first need instead (entrypoints/background/shipped-corpus.ts) and seeds IndexedDB
 * from it. The matcher has its own module (`starter-matcher.ts`) so that pages that do not spot
 * anything do not carry it.
 */
import kbJson from '../../data/kb.json';
import type { KnowledgeBase } from '../kb/types';

// JSON imports are typed structurally (`type: string`, not the `EntityType` union); the corpus
// builder validated the file against these types when it wrote it.
export const starterKnowledgeBase = kbJson as unknown as KnowledgeBase;
