import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '~/components/popup/Popup';
import { SiteAccessNotice } from '~/components/site-access/SiteAccessNotice';
import type { ReaderHref } from '~/components/shared/Citation';
import { readerSearch } from '~/lib/card-data';
import { bundledKb } from '~/lib/storage/bundled';
import { createPopupServices } from './services';
import { loadThisPage, sourceRegistry } from './this-page-source';

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

// `?entity=ID` opens an entity's view (the card's "Open in Backstory"); `?tab=ID` makes the popup
// about that tab when it is opened as a page rather than from the toolbar.
const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
const services = createPopupServices(Number.isInteger(tab) && tab >= 0 && params.has('tab') ? tab : undefined);

render(
  <>
    {/* Firefox may install Backstory without site access: say so, and ask (issue 8). */}
    <SiteAccessNotice permissions={browser.permissions} class="bs-site-access-in-popup" />
    <Popup
      kb={bundledKb}
      readerHref={readerHref}
      services={services}
      initialEntity={params.get('entity') ?? undefined}
      loadThisPage={loadThisPage}
      sourceRegistry={sourceRegistry}
    />
  </>,
  document.getElementById('app')!,
);
