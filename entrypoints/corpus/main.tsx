/**
 * *Your documents* (`corpus.html`), and with `?add=<tab>` the add preview of that tab's page (the
 * context menu and the keyboard command open it so). The list and the export are read from
 * IndexedDB by the corpus reader (the page's own origin is the extension's); every change is a
 * message to the background's builder. The import parser, Readability with it, is loaded on
 * first need, so the page paints without it.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CorpusPage } from '../../components/corpus/CorpusPage';
import { openCorpusReader } from '../../lib/storage/corpus-reader';
import { openBackstoryDb } from '../../lib/storage/db';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { askBackground } from '../popup/background-client';
import { createAddPageServices } from './add-page-services';
import { allDocuments, createCorpusServices, type CorpusReading } from './services';

const reader = openCorpusReader(openBackstoryDb(), {
  shipped: shippedSources,
  // The reader's edits of the registry are the background's to keep: read as it reads them.
  edits: async () => (await askBackground('sources/get', {})).edits,
  reviews: () => askBackground('contrasts/reviews', {}),
});

const reading: CorpusReading = {
  listDocuments: () => allDocuments(reader),
  exportPack: async (ids) => {
    const { filename, text } = await reader.exportPack(ids);
    return { filename, text };
  },
};

const addTab = Number(new URLSearchParams(location.search).get('add'));
const openUrl = (url: string) => void browser.tabs.create({ url });

async function returnTo(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
  const self = await browser.tabs.getCurrent();
  if (self?.id !== undefined) await browser.tabs.remove(self.id);
}

render(
  <CorpusPage
    services={createCorpusServices(reading)}
    add={
      Number.isInteger(addTab) && addTab >= 0 && new URLSearchParams(location.search).has('add')
        ? {
            services: createAddPageServices(),
            tabId: addTab,
            openUrl,
            // Back to the page that was added, in place of this tab.
            onReturn: () => void returnTo(addTab),
          }
        : undefined
    }
    loadParser={async () => (await import('../../lib/corpus/import-file')).parseImport}
    parseHtml={(markup) => new DOMParser().parseFromString(markup, 'text/html')}
  />,
  document.getElementById('app')!,
);
