/**
 * Backstory's background: owns the database and the settings, answers the content script, the
 * popup and the reader page. Listeners are registered synchronously at start-up so that an
 * event which woke the service worker is not missed.
 *
 * Start-up evaluates code only. The knowledge base lives in IndexedDB, written by the one
 * builder (lib/storage/corpus-builder.ts) on a thread of its own (entrypoints/builder-worker),
 * started when there is something to write: it installs the starter corpus pack, read from the
 * package, on first run, and adds and imports documents.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { connectBuilder } from '../../lib/builder-thread/client';
import { openBackstoryDb } from '../../lib/storage/db';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { registerCommands } from './commands';
import { createHandlers } from './handlers';
import { mergeImportedReviews } from './contrast-reviews';
import { createKnowledge } from './knowledge';
import { registerRouter } from './router';
import { registerSiteAccessOnboarding } from './site-access';
import { createPageRecognitions, readSourceEdits } from './recognition';
import { registerHighlightCommands } from './highlight-commands';
import { registerAddPageCommands } from './add-page-commands';
import { createBuilderHost } from './builder-host';
import { startupProbe } from './startup-probe';

export default defineBackground(() => {
  const startup = startupProbe();
  const db = openBackstoryDb();
  const builderHost = createBuilderHost();
  const knowledge = createKnowledge(db, {
    shippedSources,
    sourceEdits: readSourceEdits,
    importedReviews: mergeImportedReviews,
    builder: (host) => connectBuilder(builderHost, host),
  });
  browser.runtime.onInstalled.addListener(() => {
    // Install (or upgrade) the starter corpus before the first page asks for the matcher.
    const asked = performance.now();
    void knowledge.builder
      .upgrade()
      .then(() => knowledge.matcher())
      .then(
        () => startup.answered(asked),
        (error: unknown) => console.warn('[backstory] knowledge base not installed', error),
      );
  });
  // Recognising pages: a tab's answer holds until it loads another page or closes.
  const recognitions = createPageRecognitions(knowledge);
  browser.tabs.onRemoved.addListener((tabId) => recognitions.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') recognitions.forget(tabId);
  });
  const handlers = createHandlers(knowledge, { recognitions });
  // A page's first question is the token gate (a page that may name someone then asks for the
  // matcher): whichever comes first after a start is the one the probe times.
  handlers.content['gate/get'] = startup.timed(handlers.content['gate/get']);
  handlers.content['matcher/get'] = startup.timed(handlers.content['matcher/get']);
  registerRouter(handlers, builderHost.receive);
  registerCommands(); // the hover card's keyboard command
  // Firefox: explain and ask for site access when the install did not grant it.
  registerSiteAccessOnboarding();
  // Saved highlights: context menu item and keyboard command.
  registerHighlightCommands();
  // Add this page: context menu item and keyboard command (after the highlight commands, whose
  // test hooks it extends).
  registerAddPageCommands();
  startup.evaluated();
});
