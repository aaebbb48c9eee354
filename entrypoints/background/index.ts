/**
 * Backstory's background: owns the database and the settings, answers the content script, the
 * popup and the reader page. Listeners are registered synchronously at start-up so that an
 * event which woke the service worker is not missed.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bundledKb } from '~/lib/storage/bundled';
import { bundledMatcher } from '~/lib/storage/bundled-matcher';
import { openBackstoryDb } from '~/lib/storage/db';
import { registerCommands } from './commands';
import { createHandlers } from './handlers';
import { createKnowledge } from './knowledge';
import { registerRouter } from './router';
import { registerSiteAccessOnboarding } from './site-access';
import { createPageRecognitions } from './recognition';
import { bundledFingerprints, bundledSources } from '~/lib/storage/bundled-recognition';
import { registerHighlightCommands } from './highlight-commands';

export default defineBackground(() => {
  // Issue 7 (`npm run bench`): worker start → bundle evaluated, bundled KB + matcher included.
  performance.measure('backstory:kb-load', { start: 0, end: performance.now() });
  const db = openBackstoryDb();
  const knowledge = createKnowledge(db, bundledKb);
  browser.runtime.onInstalled.addListener(() => {
    knowledge.ready().catch((error: unknown) => console.warn('[backstory] seeding failed', error));
  });
  // Recognising pages (issue 9): a tab's answer holds until it loads another page or closes.
  const recognitions = createPageRecognitions(bundledKb, bundledFingerprints, bundledSources);
  browser.tabs.onRemoved.addListener((tabId) => recognitions.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') recognitions.forget(tabId);
  });
  registerRouter(createHandlers(knowledge, bundledMatcher, { recognitions, db }));
  registerCommands(); // hover card keyboard command (issue 4)
  // Firefox: explain and ask for site access when the install did not grant it (issue 8).
  registerSiteAccessOnboarding();
  // Saved highlights (issue 6): context menu item and keyboard command.
  registerHighlightCommands();
});
