/**
 * Lazy page UI: inject `/page-ui.js` (Preact, the card, the highlight toast and note,
 * the paragraph markers) into the content script's own frame when it first needs it, so the
 * content script every page loads stays small.
 *
 * `scripting.executeScript` with a file of the package, rather than a dynamic `import()` of a
 * web-accessible module: the injected file runs in the content script's isolated world in both
 * Chrome and Firefox MV3 (it registers its API on a global there), and nothing becomes fetchable
 * by pages. The `scripting` permission adds no install warning: host access is already granted.
 */
import { browser } from 'wxt/browser';
import type { Origin } from './senders';

/** The unlisted script WXT builds from entrypoints/page-ui/index.ts. */
export const PAGE_UI_FILE = '/page-ui.js';

export async function injectPageUi(origin: Extract<Origin, { kind: 'content' }>): Promise<{ ok: boolean }> {
  // Only ever the sender's own tab and frame, never a target the message names.
  await browser.scripting.executeScript({
    target: { tabId: origin.tabId, frameIds: [origin.frameId ?? 0] },
    files: [PAGE_UI_FILE],
  });
  return { ok: true };
}
