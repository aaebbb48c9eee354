/**
 * The knowledge base bundled with the extension (built by `npm run corpus`). The background
 * seeds IndexedDB from it; the popup and the reader page read it directly, so they open with
 * no round trip and no spinner. The matcher has its own module (`bundled-matcher.ts`) so that
 * pages that do not spot anything do not carry it.
 */
import kbJson from '~/data/kb.json';
import type { KnowledgeBase } from '../kb/types';

// JSON imports are typed structurally (`type: string`, not the `EntityType` union); the corpus
// builder validated the file against these types when it wrote it.
export const bundledKb = kbJson as unknown as KnowledgeBase;
