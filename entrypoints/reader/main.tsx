import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadMatcher } from '../../lib/engine/matcher';
import { starterKnowledgeBase } from '../../lib/storage/starter-knowledge-base';
import { starterMatcher } from '../../lib/storage/starter-matcher';
import { Reader } from './Reader';

render(
  <Reader
    kb={starterKnowledgeBase}
    search={location.search}
    // The same matcher as on web pages, so the reader marks what the card would explain.
    matcher={loadMatcher(starterMatcher)}
    onOpenEntity={(entity) =>
      void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + `?entity=${encodeURIComponent(entity)}` })
    }
  />,
  document.getElementById('app')!,
);
