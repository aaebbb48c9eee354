import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { SiteAccessNotice } from '../../components/site-access/SiteAccessNotice';
import type { ReaderHref } from '../../components/shared/Citation';
import { downloadText } from '../../components/shared/download';
import { readerSearch } from '../../lib/card-data';
import { askSiteAccessFromPopup, ONBOARDING_PAGE } from '../../lib/platform';
import { openBackstoryDb } from '../../lib/storage/db';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { searchCorpus } from '../../lib/storage/corpus-search';
import { createAddPageServices } from '../corpus/add-page-services';
import { askBackground } from './background-client';
import { namesOnly, openPopupKnowledge } from './popup-knowledge';
import { createPopupServices } from './services';
import { loadThisPage, sourceRegistry } from './this-page-source';

// The live knowledge base: lookup, the entity view and "On this page" read the reader's own
// documents in it as they read the starter corpus's.
const db = openBackstoryDb();
const knowledge = openPopupKnowledge(db, {
  shipped: shippedSources,
  // The reader's edits of the registry are the background's to keep: read as it reads them.
  edits: async () => (await askBackground('sources/get', {})).edits,
  // The background answers the packs once the starter corpus is installed.
  whenInstalled: () => askBackground('corpus/packs', {}),
});

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

// `?entity=ID` opens an entity's view (the card's "Open in Backstory"); `?tab=ID` makes the popup
// about that tab when it is opened as a page rather than from the toolbar.
const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
const services = createPopupServices(Number.isInteger(tab) && tab >= 0 && params.has('tab') ? tab : undefined);

// Opening a tab moves the focus out of the toolbar popup, which closes it.
const openOnboarding = () => void browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PAGE) });

const highlights = { client: askBackground, download: downloadText };
const addPage = createAddPageServices();
const searchLiveCorpus = (query: string) => searchCorpus(db, query);

/**
 * The popup at once, its names a moment later (one read of the gazetteer): the tabs and the box
 * are there on the first paint, and lookup names what it knows as soon as they are read.
 */
function LivePopup() {
  const [kb, setKb] = useState(() => namesOnly([]));
  const [failed, setFailed] = useState(false);
  useEffect(() => void knowledge.names.then(setKb, () => setFailed(true)), []);
  return (
    <>
      {failed && (
        <p role="alert" class="bs-notice">
          Backstory could not read the names it knows, so lookup finds documents only. Close the popup and open it again.
        </p>
      )}
      <Popup
        kb={kb}
        cardSource={knowledge.cardSource}
        readerHref={readerHref}
        services={services}
        initialEntity={params.get('entity') ?? undefined}
        loadThisPage={loadThisPage}
        sourceRegistry={sourceRegistry}
        highlights={highlights}
        addPage={addPage}
        searchCorpus={searchLiveCorpus}
      />
    </>
  );
}

render(
  <>
    {/* Firefox may install Backstory without site access: say so, and ask. */}
    <SiteAccessNotice
      permissions={browser.permissions}
      class="bs-site-access-in-popup"
      openAskingPage={askSiteAccessFromPopup(import.meta.env.BROWSER) ? undefined : openOnboarding}
    />
    <LivePopup />
  </>,
  document.getElementById('app')!,
);
