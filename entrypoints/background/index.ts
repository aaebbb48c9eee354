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

export default defineBackground(() => {
  const knowledge = createKnowledge(openBackstoryDb(), bundledKb);
  browser.runtime.onInstalled.addListener(() => {
    knowledge.ready().catch((error: unknown) => console.warn('[backstory] seeding failed', error));
  });
  registerRouter(createHandlers(knowledge, bundledMatcher));
  registerCommands(); // hover card keyboard command (issue 4)
  // Firefox: explain and ask for site access when the install did not grant it (issue 8).
  registerSiteAccessOnboarding();
});
