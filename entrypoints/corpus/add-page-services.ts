/**
 * The add preview's `AddPageServices` in the browser, for the popup's add view and for *Your
 * documents* opened by the context menu or the keyboard command: the background reads the tab's
 * article (`corpus/preview`) and adds it (`corpus/add`); the page never touches the tab itself.
 */
import { browser } from 'wxt/browser';
import type { AddPageServices } from '../../components/corpus/services';
import { readerSearch } from '../../lib/card-data';
import { askBackground } from '../popup/background-client';

/** The document reader at a document. */
export const readerUrl = (doc: string): string => browser.runtime.getURL('/reader.html') + readerSearch({ doc });

export function createAddPageServices(): AddPageServices {
  return {
    preview: (tabId) => askBackground('corpus/preview', { tabId }),
    perspectives: async () => (await askBackground('sources/get', {})).perspectives,
    add: (draft, edits) => askBackground('corpus/add', { draft, edits }),
    readerUrl,
    corpusUrl: browser.runtime.getURL('/corpus.html'),
  };
}
