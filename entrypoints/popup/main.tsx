import { render } from 'preact';
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
import { readPopupKnowledge } from './popup-knowledge';
import { createPopupServices } from './services';
import { loadThisPage, sourceRegistry } from './this-page-source';

// The live knowledge base: lookup, the entity view and "On this page" read the reader's own
// documents in it as they read the starter corpus's.
const db = openBackstoryDb();
const knowledge = readPopupKnowledge(db, {
  shipped: shippedSources,
  // The reader's edits of the registry are the background's to keep: read as it reads them.
  edits: async () => (await askBackground('sources/get', {})).edits,
});
const app = document.getElementById('app')!;

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

// `?entity=ID` opens an entity's view (the card's "Open in Backstory"); `?tab=ID` makes the popup
// about that tab when it is opened as a page rather than from the toolbar.
const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
const services = createPopupServices(Number.isInteger(tab) && tab >= 0 && params.has('tab') ? tab : undefined);

// Opening a tab moves the focus out of the toolbar popup, which closes it.
const openOnboarding = () => void browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PAGE) });

knowledge.then(
  ({ kb, cardSource }) =>
    render(
      <>
        {/* Firefox may install Backstory without site access: say so, and ask. */}
        <SiteAccessNotice
          permissions={browser.permissions}
          class="bs-site-access-in-popup"
          openAskingPage={askSiteAccessFromPopup(import.meta.env.BROWSER) ? undefined : openOnboarding}
        />
        <Popup
          kb={kb}
          cardSource={cardSource}
          readerHref={readerHref}
          services={services}
          initialEntity={params.get('entity') ?? undefined}
          loadThisPage={loadThisPage}
          sourceRegistry={sourceRegistry}
          highlights={{ client: askBackground, download: downloadText }}
          addPage={createAddPageServices()}
          searchCorpus={(query) => searchCorpus(db, query)}
        />
      </>,
      app,
    ),
  () => render(<p role="alert">Backstory could not read its knowledge base. Close the popup and open it again.</p>, app),
);
