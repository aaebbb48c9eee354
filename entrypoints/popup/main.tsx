import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { SiteAccessNotice } from '../../components/site-access/SiteAccessNotice';
import type { ReaderHref } from '../../components/shared/Citation';
import { downloadText } from '../../components/shared/download';
import { readerSearch } from '../../lib/card-data';
import { askSiteAccessFromPopup, ONBOARDING_PAGE } from '../../lib/platform';
import { starterKnowledgeBase } from '../../lib/storage/starter-knowledge-base';
import { openBackstoryDb } from '../../lib/storage/db';
import { searchCorpus } from '../../lib/storage/corpus-search';
import { createAddPageServices } from '../corpus/add-page-services';
import { askBackground } from './background-client';
import { createPopupServices } from './services';
import { loadThisPage, sourceRegistry } from './this-page-source';

// The live knowledge base: lookup finds the reader's own documents and passages in it.
const db = openBackstoryDb();

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

// `?entity=ID` opens an entity's view (the card's "Open in Backstory"); `?tab=ID` makes the popup
// about that tab when it is opened as a page rather than from the toolbar.
const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
const services = createPopupServices(Number.isInteger(tab) && tab >= 0 && params.has('tab') ? tab : undefined);

// Opening a tab moves the focus out of the toolbar popup, which closes it.
const openOnboarding = () => void browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PAGE) });

render(
  <>
    {/* Firefox may install Backstory without site access: say so, and ask. */}
    <SiteAccessNotice
      permissions={browser.permissions}
      class="bs-site-access-in-popup"
      openAskingPage={askSiteAccessFromPopup(import.meta.env.BROWSER) ? undefined : openOnboarding}
    />
    <Popup
      kb={starterKnowledgeBase}
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
  document.getElementById('app')!,
);
