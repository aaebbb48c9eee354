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
import type { PageRecognition, SourceRegistry } from '../../lib/messages';
import { recognisePage } from '../../lib/recognition/recognise';
import { parseReaderSources, readerSourcesSchema, type ReaderSources } from '../../lib/recognition/sources';
import { recognitionCorpus } from '../../lib/storage/kb-reader';
import type { Knowledge } from './knowledge';

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
  /** Every tab's answer: documents were added or removed, or outlets labelled. */
  forgetAll(): void;
  sources(): Promise<SourceRegistry>;
  setSources(edits: ReaderSources): Promise<SourceRegistry>;
}

/** The reader's edits to the source registry, as stored. */
export async function readSourceEdits(): Promise<ReaderSources> {
  return parseReaderSources((await browser.storage.local.get(SOURCES_KEY))[SOURCES_KEY]);
}

/** What recognition reads: the live knowledge base's documents, fingerprints and labels. */
export type RecognitionKnowledge = Pick<Knowledge, 'db' | 'ready' | 'labels'>;

export function createPageRecognitions(knowledge: RecognitionKnowledge): PageRecognitions {
  const byTab = new Map<number, PageRecognition>();
  const registry = async (edits: ReaderSources): Promise<SourceRegistry> => {
    await knowledge.ready();
    const labels = await knowledge.labels();
    return {
      sources: [...labels.sources],
      edits,
      perspectives: labels.perspectives.map(({ id, label }) => ({ id, label })),
    };
  };

  return {
    async recognise(page, tab) {
      await knowledge.ready();
      const labels = await knowledge.labels();
      const start = performance.now();
      const corpus = await recognitionCorpus(knowledge.db, page, labels);
      const recognition = recognisePage({ shingles: new Set(page.shingles), modulus: page.modulus, host: tab.host }, corpus);
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
    forgetAll() {
      const tabs = [...byTab.keys()];
      byTab.clear();
      // Tabs recognised before a worker restart are not in memory: their answers stay until the
      // page asks again (its content script does on `kb/changed`).
      void sessionStorage()
        ?.remove(tabs.map(recognitionKey))
        .catch(() => undefined);
    },
    sources: async () => registry(await readSourceEdits()),
    async setSources(edits) {
      // Parsed again here: the router checked the shape, this keeps the bounds and the
      // normalisation (lower case, no "www.") in one place whoever calls.
      const parsed = v.parse(readerSourcesSchema, edits);
      await browser.storage.local.set({ [SOURCES_KEY]: parsed });
      return registry(parsed);
    },
  };
}
