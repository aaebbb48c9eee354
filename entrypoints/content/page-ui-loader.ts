/**
 * Loads the page UI (Preact, the card, the highlight toast and note, the paragraph markers) the
 * first time this frame needs it, so that the content script every page boots stays small
 * (issue 7: ≤ 30 kB gzipped before the first mark).
 *
 * How: the background injects `/page-ui.js` into this very frame with
 * `scripting.executeScript` (message `ui/load`). An injected file runs in the same isolated
 * world as this script, in Chrome and in Firefox, so it can hand its API over on a global
 * (`PAGE_UI_KEY`), and it needs no web-accessible resource a page could probe for. The
 * alternative, `import(runtime.getURL(...))` of a web-accessible module, would expose the
 * file to every page (Chrome's `use_dynamic_url` hides its address, Firefox has no
 * equivalent) — hence the injection.
 *
 * Called early (the pointer landing on a mention, while the hover intent waits), so that the
 * card usually finds the UI ready when its delay is over.
 */
import { ask } from './background-client';
import { registeredPageUi, type PageUi } from './page-ui-contract';

let loading: Promise<PageUi> | null = null;

export function loadPageUi(): Promise<PageUi> {
  const ready = registeredPageUi();
  if (ready) return Promise.resolve(ready);
  loading ??= ask('ui/load', {})
    .then((answer) => {
      const ui = registeredPageUi();
      if (!answer?.ok || !ui) throw new Error('Backstory could not load its card on this page');
      return ui;
    })
    .catch((error: unknown) => {
      // Not remembered: the background may have been restarting; the next need tries again.
      loading = null;
      throw error;
    });
  return loading;
}
