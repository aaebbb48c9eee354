/**
 * Zero network: during a whole session — a page spotted, a card opened, its sentence saved as a
 * highlight, the popup's lookup and entity view, the highlights exported — every request any of Backstory's contexts makes (service worker, popup, the
 * content script in the tab) is recorded, and none goes anywhere but the test's own page server
 * and the extension's own files.
 */
import type { Request, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOVER, DEMO_PAGE, POPUP_LOOKUP } from './demo-page';
import { chosenBrowser } from './driver';
import { pollUntil } from './driver/page-functions';
import { card, hoverText, launchWithExtension, openPopup, openTestPage, waitForMentions, type Harness } from './harness';

// Service workers' own requests reach Playwright only with this switch (Chromium only):
// https://playwright.dev/docs/service-workers-experimental
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * On a fresh profile the worker reads its matcher as it installs, which may be before the test
 * listens. Once that start-up is over (its `backstory:read-matcher` measure), stop the worker as
 * Chromium stops an idle one, so the session's first page wakes it and what it reads is recorded.
 */
async function restartWorker(harness: Harness): Promise<void> {
  const isOurs = (worker: Worker) => worker.url().startsWith(`chrome-extension://${harness.extensionId}/`);
  const worker = harness.context.serviceWorkers().find(isOurs) ?? (await harness.context.waitForEvent('serviceworker', { predicate: isOurs }));
  await pollUntil(() => worker.evaluate(() => performance.getEntriesByName('backstory:read-matcher').length > 0), {
    timeout: 15_000,
    what: 'the service worker to read its matcher',
  });
  const control = await harness.context.newPage();
  const cdp = await harness.context.newCDPSession(control);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await control.close();
}

// Chromium only: it reads the service worker's own requests, which only Chromium reports to a
// driver; the Firefox pass would otherwise start Chromium again.
describe.runIf(chosenBrowser() === 'chromium')('zero network', () => {
  let harness: Harness;
  const requests: { url: string; from: string }[] = [];
  /** Where the session's requests begin: what the install read before may or may not be recorded. */
  let sessionStart = 0;

  beforeAll(async () => {
    harness = await launchWithExtension();
    const record = (request: Request) => {
      const worker = request.serviceWorker();
      requests.push({ url: request.url(), from: worker ? `service worker ${worker.url()}` : (request.frame().page().url() || 'page') });
    };
    harness.context.on('request', record);
    await restartWorker(harness);
    sessionStart = requests.length;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('a full session requests nothing beyond the page itself and the extension’s files', async () => {
    const page = await openTestPage(harness, DEMO_PAGE);
    await waitForMentions(page);
    await hoverText(page, DEMO_HOVER.text);
    await card(page).waitFor({ state: 'visible', timeout: 10_000 });
    // Save the sentence around the name: a highlight goes to the background's database.
    await card(page).getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('backstory-ui').getByText('Saved to Backstory.').first().waitFor({ timeout: 10_000 });

    const popup = await openPopup(harness);
    const search = popup.getByLabel('Look up a name');
    await search.waitFor({ state: 'visible', timeout: 10_000 });
    await search.fill(POPUP_LOOKUP.query);
    const first = popup.getByRole('listbox').getByRole('option').first();
    await first.waitFor({ timeout: 10_000 });
    await first.click();
    // Export the highlights, both formats (a download the popup makes from a Blob of its own).
    await popup.getByRole('tab', { name: 'Highlights' }).click();
    for (const format of ['Export JSON', 'Export Markdown']) {
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: format }).click()]);
      expect(download.suggestedFilename()).toMatch(/^backstory-highlights.*\.(json|md)$/);
    }
    await popup.waitForTimeout(1000);

    // blob: URLs of the extension's own origin are the exported files, made in memory.
    const allowed = [`${harness.pages.origin}/`, `chrome-extension://${harness.extensionId}/`, `blob:chrome-extension://${harness.extensionId}/`];
    const outside = requests.filter((r) => !allowed.some((prefix) => r.url.startsWith(prefix)));
    expect(outside).toEqual([]);
    // The service worker reads the corpus from its own package (not its bundle): those reads are
    // chrome-extension:// URLs of our own id, never anything else, each file once in the session.
    const workerReads = requests.slice(sessionStart).filter((r) => r.from.startsWith('service worker')).map((r) => r.url.replace(`chrome-extension://${harness.extensionId}/`, ''));
    expect(workerReads.every((path) => /^data\/(kb|matcher|token-gate|fingerprints)\.json$/.test(path))).toBe(true);
    expect(workerReads).toContain('data/matcher.json');
    expect(new Set(workerReads).size).toBe(workerReads.length);
    // The recording saw the session (the page and the popup's files at least).
    expect(requests.some((r) => r.url.startsWith(`${harness.pages.origin}/${DEMO_PAGE}`))).toBe(true);
    expect(requests.some((r) => r.url.startsWith(`chrome-extension://${harness.extensionId}/popup.html`))).toBe(true);
  });

  it('the recorder does see a request made by the service worker (control)', async () => {
    const worker = harness.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${harness.extensionId}/`));
    expect(worker).toBeDefined();
    const probeUrl = `${harness.pages.origin}/${DEMO_PAGE}?from-service-worker`;
    await worker!.evaluate((url) => fetch(url).then((r) => r.status), probeUrl);
    expect(requests.some((r) => r.url === probeUrl && r.from.startsWith('service worker'))).toBe(true);
  });
});
