/**
 * Lazy parts of the content script, injected into its own frame when it first needs them, so
 * the content script every page loads stays small: the page UI (`/page-ui.js`: Preact, the
 * card, the highlight toast and note, the paragraph markers) and the spotting pipeline
 * (`/spotting-pipeline.js`: the context rules, institution nouns and event cues run after the
 * matcher, on a page with something to spot).
 *
 * `scripting.executeScript` with a file of the package, rather than a dynamic `import()` of a
 * web-accessible module: the injected file runs in the content script's isolated world in both
 * Chrome and Firefox MV3 (it registers its API on a global there), and nothing becomes fetchable
 * by pages. The `scripting` permission adds no install warning: host access is already granted.
 */
import { browser, type PublicPath } from 'wxt/browser';
import type { Origin } from './senders';

/** The unlisted script WXT builds from entrypoints/page-ui/index.ts. */
export const PAGE_UI_FILE = '/page-ui.js' satisfies PublicPath;
/** The unlisted script WXT builds from entrypoints/spotting-pipeline/index.ts. */
export const PIPELINE_FILE = '/spotting-pipeline.js' satisfies PublicPath;

type ContentOrigin = Extract<Origin, { kind: 'content' }>;

async function injectIntoSender(origin: ContentOrigin, file: typeof PAGE_UI_FILE | typeof PIPELINE_FILE): Promise<{ ok: boolean }> {
  // Only ever the sender's own tab and frame, never a target the message names.
  await browser.scripting.executeScript({
    target: { tabId: origin.tabId, frameIds: [origin.frameId ?? 0] },
    files: [file],
  });
  return { ok: true };
}

export const injectPageUi = (origin: ContentOrigin) => injectIntoSender(origin, PAGE_UI_FILE);
export const injectPipeline = (origin: ContentOrigin) => injectIntoSender(origin, PIPELINE_FILE);
