/**
 * Backstory's page UI, loaded only when a page first needs it: the background
 * injects this file into the content script's frame (`ui/load`, see
 * entrypoints/content/page-ui-loader.ts). It runs in the content script's isolated world and
 * hands its API over on a global there; it returns nothing, since Firefox refuses an injected
 * script whose result cannot be cloned.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_UI_KEY } from '../content/page-ui-contract';
import { pageUi } from './surfaces';

/** On the page's performance timeline: when the page UI became available (`npm run bench`, e2e). */
export const PAGE_UI_MARK = 'backstory:page-ui';

export default defineUnlistedScript(() => {
  const global = globalThis as Record<symbol, unknown>;
  // Injected twice (two frames' loads racing in the background): the first copy stays.
  if (global[PAGE_UI_KEY]) return;
  global[PAGE_UI_KEY] = pageUi;
  performance.mark(PAGE_UI_MARK);
});
