/**
 * The background's side of recognising pages: compares what a tab's content script
 * sent with the corpus's fingerprints and the source registry, and remembers the answer per tab
 * so that the tab's cards and the popup can set the other accounts against the page.
 *
 * Answers are kept in memory and in `browser.storage.session` (cleared when the browser closes):
 * Chrome stops an idle service worker after 30 s, and a reader who hovers a name a minute into
 * the article must still get the card set against the page.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { KnowledgeBase } from '../../lib/kb/types';
import type { PageRecognition, SourceRegistry } from '../../lib/messages';
import { recognisePage } from '../../lib/recognition/recognise';
import {
  effectiveSources,
  parseReaderSources,
  readerSourcesSchema,
  type ReaderSources,
  type Source,
} from '../../lib/recognition/sources';
import type { Fingerprints } from '../../lib/recognition/types';
import { lazy, type Lazy } from './shipped-corpus';

/** Where the reader's edits to the source registry are kept in `browser.storage.local`. */
export const SOURCES_KEY = 'sources';

/** A tab's answer in `browser.storage.session`. */
export const recognitionKey = (tabId: number) => `recognition:${tabId}`;

/** Storage is shared with every other part; a failed write only costs the answer after a restart. */
function sessionStorage() {
  return browser.storage.session as typeof browser.storage.session | undefined;
}

export interface PageRecognitions {
  recognise(page: { shingles: number[]; modulus: number }, tab: { tabId: number; host: string }): Promise<PageRecognition>;
  forTab(tabId: number): Promise<PageRecognition | undefined>;
  forget(tabId: number): void;
  sources(): Promise<SourceRegistry>;
  setSources(edits: ReaderSources): Promise<SourceRegistry>;
}

/** `kb` and `fingerprints` may be loaders: read when a page is first recognised. */
export function createPageRecognitions(
  kb: Lazy<Pick<KnowledgeBase, 'documents' | 'perspectives' | 'entities' | 'passages'>>,
  fingerprints: Lazy<Fingerprints>,
  shipped: readonly Source[],
): PageRecognitions {
  const byTab = new Map<number, PageRecognition>();
  const loadKb = lazy(kb);
  const loadFingerprints = lazy(fingerprints);
  const perspectivesOf = (k: Pick<KnowledgeBase, 'perspectives'>) => k.perspectives.map(({ id, label }) => ({ id, label }));

  const readEdits = async (): Promise<ReaderSources> =>
    parseReaderSources((await browser.storage.local.get(SOURCES_KEY))[SOURCES_KEY]);
  const registry = async (edits: ReaderSources): Promise<SourceRegistry> => ({
    sources: effectiveSources(shipped, edits),
    edits,
    perspectives: perspectivesOf(await loadKb()),
  });

  return {
    async recognise(page, tab) {
      const [loadedKb, loadedFingerprints, edits] = await Promise.all([loadKb(), loadFingerprints(), readEdits()]);
      const start = performance.now();
      const recognition = recognisePage(
        { shingles: new Set(page.shingles), modulus: page.modulus, host: tab.host },
        {
          fingerprints: loadedFingerprints,
          documents: loadedKb.documents,
          perspectives: perspectivesOf(loadedKb),
          sources: effectiveSources(shipped, edits),
          kb: loadedKb,
        },
      );
      performance.measure?.('backstory:recognise', { start, end: performance.now() });
      byTab.set(tab.tabId, recognition);
      await sessionStorage()
        ?.set({ [recognitionKey(tab.tabId)]: recognition })
        .catch(() => undefined);
      return recognition;
    },
    async forTab(tabId) {
      const known = byTab.get(tabId);
      if (known) return known;
      // After a service-worker restart: what this tab was recognised as before. Written only by
      // `recognise` above, so its shape is ours.
      const stored = await sessionStorage()
        ?.get(recognitionKey(tabId))
        .catch(() => undefined);
      const recognition = stored?.[recognitionKey(tabId)] as PageRecognition | undefined;
      if (recognition) byTab.set(tabId, recognition);
      return recognition;
    },
    forget(tabId) {
      byTab.delete(tabId);
      void sessionStorage()
        ?.remove(recognitionKey(tabId))
        .catch(() => undefined);
    },
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
