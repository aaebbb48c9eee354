/**
 * Backstory's background: owns the database and the settings, answers the content script, the
 * popup and the reader page. Listeners are registered synchronously at start-up so that an
 * event which woke the service worker is not missed.
 *
 * Start-up evaluates code only. The knowledge base lives in IndexedDB, written by the one
 * builder (lib/storage/corpus-builder.ts): it installs the starter corpus pack, read from the
 * package, on first run, and builds imports in small per-document transactions between the
 * worker's other answers.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
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
import { shippedCorpus } from './shipped-corpus';
import { startupProbe } from './startup-probe';

export default defineBackground(() => {
  const startup = startupProbe();
  const db = openBackstoryDb();
  const corpus = shippedCorpus();
  const knowledge = createKnowledge(db, {
    starterPack: corpus.starterPack,
    matcherConfig: SHIPPED_MATCHER_CONFIG,
    shippedSources,
    sourceEdits: readSourceEdits,
    importedReviews: mergeImportedReviews,
    onAutomatic: (report) => console.debug(`[backstory] automatic contrasts: ${report.entities} entities, ${report.read} documents read, ${Math.round(report.ms)} ms`),
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
  const answerMatcher = handlers.content['matcher/get'];
  handlers.content['matcher/get'] = async (data, origin) => {
    const arrived = performance.now();
    const answer = await answerMatcher(data, origin);
    startup.answered(arrived);
    return answer;
  };
  registerRouter(handlers);
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
