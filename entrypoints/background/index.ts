/**
 * Backstory's background: owns the database and the settings, answers the content script, the
 * popup and the reader page. Listeners are registered synchronously at start-up so that an
 * event which woke the service worker is not missed.
 *
 * Start-up evaluates code only: the knowledge base, the matcher and the fingerprints
 * are files of the package, each read once by the first event that needs it (shipped-corpus.ts).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openBackstoryDb } from '../../lib/storage/db';
import { registerCommands } from './commands';
import { createHandlers } from './handlers';
import { createKnowledge } from './knowledge';
import { registerRouter } from './router';
import { registerSiteAccessOnboarding } from './site-access';
import { createPageRecognitions } from './recognition';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { registerHighlightCommands } from './highlight-commands';
import { shippedCorpus } from './shipped-corpus';
import { startupProbe } from './startup-probe';

export default defineBackground(() => {
  const startup = startupProbe();
  const db = openBackstoryDb();
  const corpus = shippedCorpus();
  const knowledge = createKnowledge(db, corpus.kb);
  browser.runtime.onInstalled.addListener(() => {
    // The first page will ask for the matcher: read it first, then seed the database (a card
    // comes later, and asks for the seeding itself if it comes sooner).
    const asked = performance.now();
    void corpus
      .matcher()
      .then(
        () => startup.answered(asked),
        (error: unknown) => console.warn('[backstory] matcher unreadable', error),
      )
      .then(() => knowledge.ready())
      .catch((error: unknown) => console.warn('[backstory] seeding failed', error));
  });
  // Recognising pages: a tab's answer holds until it loads another page or closes.
  const recognitions = createPageRecognitions(corpus.kb, corpus.fingerprints, shippedSources);
  browser.tabs.onRemoved.addListener((tabId) => recognitions.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') recognitions.forget(tabId);
  });
  const handlers = createHandlers(knowledge, corpus.matcher, { recognitions, db, corpus, gate: corpus.gate });
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
  startup.evaluated();
});
