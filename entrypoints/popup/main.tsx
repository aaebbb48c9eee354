import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '~/components/popup/Popup';
import { SiteAccessNotice } from '~/components/site-access/SiteAccessNotice';
import type { ReaderHref } from '~/components/shared/Citation';
import { readerSearch } from '~/lib/card-data';
import { bundledKb } from '~/lib/storage/bundled';

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

render(
  <>
    {/* Firefox may install Backstory without site access: say so, and ask (issue 8). */}
    <SiteAccessNotice permissions={browser.permissions} class="bs-site-access-in-popup" />
    <Popup kb={bundledKb} readerHref={readerHref} />
  </>,
  document.getElementById('app')!,
);
