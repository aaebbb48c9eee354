import { render } from 'preact';
import { browser } from 'wxt/browser';
import { parseReaderSearch } from '../../lib/card-data';
import { loadMatcher } from '../../lib/engine/matcher';
import { starterKnowledgeBase } from '../../lib/storage/starter-knowledge-base';
import { starterMatcher } from '../../lib/storage/starter-matcher';
import { liveReaderKnowledgeBase } from './live-corpus';
import { Reader } from './Reader';

void liveReaderKnowledgeBase(starterKnowledgeBase, parseReaderSearch(location.search).doc).then((kb) =>
  render(
    <Reader
      kb={kb}
      search={location.search}
      // The same matcher as on web pages, so the reader marks what the card would explain.
      matcher={loadMatcher(starterMatcher)}
      onOpenEntity={(entity) =>
        void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + `?entity=${encodeURIComponent(entity)}` })
      }
    />,
    document.getElementById('app')!,
  ),
);
