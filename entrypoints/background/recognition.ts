/**
 * The background's side of recognising pages (issue 9): compares what a tab's content script
 * sent with the corpus's fingerprints and the source registry, and remembers the answer per tab
 * so that the tab's cards and the popup can set the other accounts against the page.
 *
 * Answers live in memory: a restarted service worker has forgotten them, and the tab's cards
 * then show the usual accounts until its content script scans again.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { KnowledgeBase } from '~/lib/kb/types';
import type { PageRecognition, SourceRegistry } from '~/lib/messages';
import { recognisePage } from '~/lib/recognition/recognise';
import {
  effectiveSources,
  parseReaderSources,
  readerSourcesSchema,
  type ReaderSources,
  type Source,
} from '~/lib/recognition/sources';
import type { Fingerprints } from '~/lib/recognition/types';

/** Where the reader's edits to the source registry are kept in `browser.storage.local`. */
export const SOURCES_KEY = 'sources';

export interface PageRecognitions {
  recognise(page: { shingles: number[]; modulus: number }, tab: { tabId: number; host: string }): Promise<PageRecognition>;
  forTab(tabId: number): PageRecognition | undefined;
  forget(tabId: number): void;
  sources(): Promise<SourceRegistry>;
  setSources(edits: ReaderSources): Promise<SourceRegistry>;
}

export function createPageRecognitions(
  kb: Pick<KnowledgeBase, 'documents' | 'perspectives' | 'entities' | 'passages'>,
  fingerprints: Fingerprints,
  shipped: readonly Source[],
): PageRecognitions {
  const byTab = new Map<number, PageRecognition>();
  const perspectives = kb.perspectives.map(({ id, label }) => ({ id, label }));

  const readEdits = async (): Promise<ReaderSources> =>
    parseReaderSources((await browser.storage.local.get(SOURCES_KEY))[SOURCES_KEY]);
  const registry = (edits: ReaderSources): SourceRegistry => ({
    sources: effectiveSources(shipped, edits),
    edits,
    perspectives,
  });

  return {
    async recognise(page, tab) {
      const start = performance.now();
      const recognition = recognisePage(
        { shingles: new Set(page.shingles), modulus: page.modulus, host: tab.host },
        { fingerprints, documents: kb.documents, perspectives, sources: effectiveSources(shipped, await readEdits()), kb },
      );
      performance.measure?.('backstory:recognise', { start, end: performance.now() });
      byTab.set(tab.tabId, recognition);
      return recognition;
    },
    forTab: (tabId) => byTab.get(tabId),
    forget: (tabId) => void byTab.delete(tabId),
    sources: async () => registry(await readEdits()),
    async setSources(edits) {
      // Parsed again here: the router checked the shape, this keeps the bounds and the
      // normalisation (lower case, no "www.") in one place whoever calls.
      const parsed = v.parse(readerSourcesSchema, edits);
      await browser.storage.local.set({ [SOURCES_KEY]: parsed });
      return registry(parsed);
    },
  };
}
