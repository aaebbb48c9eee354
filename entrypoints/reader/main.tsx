import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadMatcher } from '../../lib/engine/matcher';
import { openCorpusReader } from '../../lib/storage/corpus-reader';
import { openBackstoryDb } from '../../lib/storage/db';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { askBackground } from '../popup/background-client';
import { readLiveKnowledge } from './live-knowledge';
import { Reader } from './Reader';

const db = openBackstoryDb();
const reader = openCorpusReader(db, {
  shipped: shippedSources,
  // The reader's edits of the registry are the background's to keep: read as it reads them.
  edits: async () => (await askBackground('sources/get', {})).edits,
});
const app = document.getElementById('app')!;

readLiveKnowledge(db, reader, location.search).then(
  ({ kb, names, matcher }) =>
    render(
      <Reader
        kb={kb}
        search={location.search}
        // The same matcher as on web pages, so the reader marks what the card would explain.
        matcher={matcher ? loadMatcher(matcher) : undefined}
        entityNames={names}
        // Cards from the background, which reads every document's accounts.
        loadCard={(entity) => askBackground('card/get', { entity })}
        onOpenEntity={(entity) =>
          void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + `?entity=${encodeURIComponent(entity)}` })
        }
      />,
      app,
    ),
  () => render(<p role="alert">Backstory could not read its documents. Reload this page to try again.</p>, app),
);
