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
import { createHandlers } from './handlers';
import { createKnowledge } from './knowledge';
import { registerRouter } from './router';
import { registerHighlightCommands } from './highlight-commands';

export default defineBackground(() => {
  const db = openBackstoryDb();
  const knowledge = createKnowledge(db, bundledKb);
  browser.runtime.onInstalled.addListener(() => {
    knowledge.ready().catch((error: unknown) => console.warn('[backstory] seeding failed', error));
  });
  registerRouter(createHandlers(knowledge, bundledMatcher, db));
  registerHighlightCommands();
});
