import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadMatcher } from '~/lib/engine/matcher';
import { bundledKb } from '~/lib/storage/bundled';
import { bundledMatcher } from '~/lib/storage/bundled-matcher';
import { Reader } from './Reader';

render(
  <Reader
    kb={bundledKb}
    search={location.search}
    // The same matcher as on web pages, so the reader marks what the card would explain.
    matcher={loadMatcher(bundledMatcher)}
    onOpenEntity={(entity) =>
      void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + `?entity=${encodeURIComponent(entity)}` })
    }
  />,
  document.getElementById('app')!,
);
