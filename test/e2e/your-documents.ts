/**
 * What the end-to-end tests of the reader's own documents share: the three article pages they
 * add (test/pages/articles/, real article text in three site layouts), the moves a reader makes
 * to add a page (the popup's Add this page, the context menu, the keyboard command: the last two
 * open *Your documents* with the same preview), and reading *Your documents*.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  click,
  evaluateAll,
  fill,
  POPUP_VIEWPORT,
  selectOption,
  tabIdOf,
  textOf,
  textsOf,
  waitForSelector,
  type E2EBrowser,
  type E2EPage,
  type PageFile,
} from './driver';
import { ROOT } from './harness';

export interface AddedArticle {
  page: string;
  title: string;
  outlet: string;
  /** The perspective the reader chooses in the preview (the pages are served from 127.0.0.1, which no source registry labels); null: left unlabelled. */
  perspective: { id: string; label: string } | null;
  /** How the reader adds it. */
  via: 'popup' | 'menu' | 'command';
  /** Words of one of its passages only it has: lookup finds the passage by them. */
  lookup: string;
}

/** The name all three articles mention, as demo.html spells it; the starter corpus has two accounts of it. */
export const SHARED_NAME = { text: 'Quds Force', entity: 'quds-force' } as const;

export const UNLABELLED = 'Perspective not labelled';

export const ADDED_ARTICLES: readonly AddedArticle[] = [
  {
    page: 'articles/worldisraelnews-rockets-embassy.html',
    title: 'Rockets fired at US embassy in Iraq',
    outlet: 'World Israel News',
    perspective: { id: 'israeli', label: 'Israeli press' },
    via: 'popup',
    lookup: 'human shields',
  },
  {
    page: 'articles/presstv-rocket-green-zone.html',
    title: 'Rocket lands near US embassy in Baghdad’s Green Zone',
    outlet: 'Press TV',
    perspective: { id: 'iranian-state', label: 'Iranian state-affiliated' },
    via: 'menu',
    lookup: 'missile defense system',
  },
  {
    page: 'articles/rudaw-soleimani-drone-strike.html',
    title: 'US drone strike kills Iranian General Soleimani, PMF official in Baghdad',
    outlet: 'Rudaw',
    perspective: null,
    via: 'command',
    lookup: 'cargo hall',
  },
];

/** A file of the repository, as the page is handed it. */
export function repoFile(path: string, mimeType?: string): PageFile {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return { name, ...(mimeType ? { mimeType } : {}), base64: readFileSync(join(ROOT, path)).toString('base64') };
}

const ADD_FORM = 'form.bs-add-form';
const ADDED = '.bs-add-status';

/**
 * Opens the add preview for `page` the way `article.via` says and returns the page showing it
 * (the popup as a page about that tab, or *Your documents* opened by the menu or the command).
 */
export async function openAddPreview(browser: E2EBrowser, page: E2EPage, via: AddedArticle['via']): Promise<E2EPage> {
  if (via === 'popup') {
    const tabId = await tabIdOf(browser, page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, POPUP_VIEWPORT);
    // Enabled once the popup knows its tab is a web page.
    await expect
      .poll(() => evaluateAll(popup, { role: 'button', name: 'Add this page' }, (buttons) => buttons.some((b) => !(b as HTMLButtonElement).disabled)), { timeout: 10_000 })
      .toBe(true);
    await click(popup, { role: 'button', name: 'Add this page' });
    return popup;
  }
  await page.bringToFront();
  return browser.waitForNewPage(async () => {
    const opened = await browser.evaluateInBackground(
      async (bg, { via }) => {
        const [tab] = await bg.chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return via === 'menu'
          ? bg.backstoryTestHooks.onAddMenuClicked({ menuItemId: 'backstory-add-page', editable: false }, tab)
          : bg.backstoryTestHooks.onAddCommand('add-page', tab);
      },
      { via },
    );
    expect(opened).toBe(true);
  });
}

/** The preview's fields once it has read the page. */
export async function previewFields(preview: E2EPage): Promise<{ title: string; outlet: string; published: string; perspective: string }> {
  await waitForSelector(preview, ADD_FORM, { timeout: 20_000 });
  return preview.evaluate(() => {
    const value = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement).value;
    return { title: value('title'), outlet: value('outlet'), published: value('published'), perspective: value('perspective') };
  });
}

/** Adds the article shown in the preview with the reader's choice of perspective; returns the status line. */
export async function addFromPreview(preview: E2EPage, article: AddedArticle): Promise<string> {
  await waitForSelector(preview, ADD_FORM, { timeout: 20_000 });
  if (article.perspective) await selectOption(preview, 'select[name="perspective"]', article.perspective.id);
  if ((await previewFields(preview)).outlet !== article.outlet) await fill(preview, 'input[name="outlet"]', article.outlet);
  await click(preview, { role: 'button', name: 'Add' });
  await expect.poll(() => textOf(preview, ADDED), { timeout: 20_000 }).toMatch(/^Added/);
  return (await textOf(preview, ADDED))!.replace(/\s+/g, ' ').trim();
}

export const corpusUrl = 'corpus.html';
const DOCUMENT_TITLE = '.bs-document-title';

/** Opens *Your documents* and waits for its list. */
export async function openYourDocuments(browser: E2EBrowser): Promise<E2EPage> {
  const page = await browser.openExtensionPage(corpusUrl);
  await waitForSelector(page, '#bs-documents-title', { timeout: 20_000 });
  return page;
}

/** The titles *Your documents* lists, once the list shows `expected` documents. */
export async function listedTitles(page: E2EPage, expected?: number): Promise<string[]> {
  if (expected !== undefined) {
    await expect.poll(() => textOf(page, '#bs-documents-title'), { timeout: 20_000 }).toBe(`Documents (${expected})`);
  }
  return textsOf(page, DOCUMENT_TITLE);
}

/** The import summary's first line, once an import has finished. */
export async function importSummary(page: E2EPage): Promise<string> {
  await expect
    .poll(async () => (await textOf(page, '.bs-import-status'))?.trim() ?? '', { timeout: 60_000, interval: 250 })
    .toMatch(/^Import (finished|cancelled|stopped)/);
  return (await textOf(page, '.bs-import-status'))!.trim();
}

/** The texts of the items of the summary's list headed `heading` ("Refused", "Skipped…"). */
export async function summaryList(page: E2EPage, heading: string): Promise<string[]> {
  return page.evaluate((heading) => {
    const list = [...document.querySelectorAll('.bs-import-list')].find((l) => l.querySelector('h3')?.textContent?.startsWith(heading));
    return list ? [...list.querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()) : [];
  }, heading);
}
