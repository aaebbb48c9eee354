// @vitest-environment happy-dom
/**
 * "Add this page", in the popup and on its own (as *Your documents* shows it for the context
 * menu and the keyboard command), against the in-memory background of fake-corpus.ts: the
 * preview shows what was read (title, outlet, date, perspective, the opening), the reader's
 * corrections are what gets saved, a page already in the corpus says which document it is and
 * offers no Add, a bad date is refused with how to write it, a page with no article says why,
 * and axe finds nothing in any of these states.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { AddPreview } from '../../components/corpus/AddPreview';
import type { AddPageServices } from '../../components/corpus/services';
import { Popup } from '../../components/popup/Popup';
import type { PopupServices } from '../../components/popup/services';
import type { DocumentDraft } from '../../lib/corpus/draft';
import { fixtureKb } from '../background/fixture-kb';
import { fakeCorpus, summary } from './fake-corpus';

const DRAFT: DocumentDraft = {
  title: 'Rockets strike near Baghdad airport',
  paragraphs: [
    'Three rockets struck near Baghdad airport on Tuesday, the second attack in a week on a base hosting US forces.',
    'Prime Minister Mustafa al-Kadhimi ordered an investigation.',
  ],
  url: 'https://tigris.example/2020/06/rockets',
  domain: 'tigris.example',
  outlet: 'Tigris Monitor',
  byline: 'Ahmed Saleh',
  published: '2020-06-16',
  origin: { kind: 'page', url: 'https://tigris.example/2020/06/rockets?utm_source=x' },
};

let root: HTMLElement | undefined;

afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = undefined;
});

async function settle(rounds = 6) {
  for (let i = 0; i < rounds; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

const opened: string[] = [];

async function show(services: AddPageServices) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<AddPreview services={services} tabId={7} openUrl={(url) => opened.push(url)} />, root!));
  await settle();
}

const $ = <T extends Element = HTMLElement>(css: string) => root!.querySelector<T>(css);
const text = (css: string) => $(css)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const field = (name: string) => $<HTMLInputElement & HTMLSelectElement>(`[name="${name}"]`)!;
function change(name: string, value: string) {
  const el = field(name);
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
}
async function submit() {
  act(() => $<HTMLButtonElement>('button[type="submit"]')!.click());
  await settle();
}

async function axeViolations(): Promise<string[]> {
  const axe = (await import('axe-core')).default;
  const result = await axe.run(root!, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('Add this page', () => {
  it('shows what was read, each field labelled and editable, focused on its heading', async () => {
    await show(fakeCorpus().addPage(DRAFT));
    expect(document.activeElement?.textContent).toBe('Add this page');
    expect(field('title').value).toBe(DRAFT.title);
    expect(field('outlet').value).toBe('Tigris Monitor');
    expect(field('published').value).toBe('2020-06-16');
    expect(field('perspective').value).toBe('');
    expect(text('.bs-add-help')).toBe('16 June 2020');
    expect(text('.bs-add-facts')).toBe('By Ahmed Saleh · 27 words · tigris.example');
    expect(text('.bs-add-opening')).toBe(DRAFT.paragraphs[0]);
    for (const name of ['Title', 'Outlet', 'Date', 'Perspective']) expect([...root!.querySelectorAll('label')].some((l) => l.textContent?.startsWith(name))).toBe(true);
    expect(await axeViolations()).toEqual([]);
  });

  it('saves the reader’s corrections of title, outlet, date and perspective, then links to the reader', async () => {
    const services = fakeCorpus().addPage(DRAFT);
    await show(services);
    change('title', 'Rockets hit near Baghdad airport');
    change('outlet', 'The Tigris Monitor');
    change('published', '2020-06-17');
    change('perspective', 'iranian-state');
    await submit();
    expect(services.added).toEqual([
      { draft: DRAFT, edits: { title: 'Rockets hit near Baghdad airport', outlet: 'The Tigris Monitor', published: '2020-06-17', perspective: 'iranian-state' } },
    ]);
    expect(text('[role="status"]')).toBe('Added “Rockets hit near Baghdad airport” to your documents. Open it in the reader · Your documents');
    expect($('form')).toBeNull();
    act(() => [...root!.querySelectorAll('a')].find((a) => a.textContent === 'Open it in the reader')!.click());
    expect(opened.at(-1)).toMatch(/^reader\.html\?doc=d-/);
    expect(await axeViolations()).toEqual([]);
  });

  it('saves nothing when nothing was changed but what was read', async () => {
    const services = fakeCorpus().addPage(DRAFT);
    await show(services);
    await submit();
    expect(services.added).toEqual([{ draft: DRAFT, edits: {} }]);
  });

  it('refuses a date it cannot read, and an empty title, saying how to write them', async () => {
    const services = fakeCorpus().addPage(DRAFT);
    await show(services);
    change('published', '16/06/2020');
    await submit();
    expect(text('[role="alert"]')).toBe('Enter the date as 2020, 2020-06 or 2020-06-15.');
    change('published', '2020-06');
    change('title', '  ');
    await submit();
    expect(text('[role="alert"]')).toBe('Enter a title.');
    expect(services.added).toEqual([]);
  });

  it('says a page is already in your documents, names it, and offers no Add', async () => {
    const corpus = fakeCorpus({ documents: [summary({ id: 'd-known', title: 'Rockets strike near Baghdad airport (earlier copy)', url: DRAFT.url })] });
    await show(corpus.addPage(DRAFT));
    expect(text('.bs-add-duplicate')).toBe('Already in your documents as “Rockets strike near Baghdad airport (earlier copy)”.');
    expect($('form')).toBeNull();
    act(() => $<HTMLAnchorElement>('.bs-add-duplicate a')!.click());
    expect(opened.at(-1)).toBe('reader.html?doc=d-known');
    expect(await axeViolations()).toEqual([]);
  });

  it('says why a page cannot be added', async () => {
    await show(fakeCorpus().addPage({ reason: 'Backstory found no article on this page' }));
    expect(text('[role="alert"]')).toBe('This page cannot be added: Backstory found no article on this page.');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('the popup’s Add this page', () => {
  /** A browser behind the popup: one web tab, nothing spotted on it. */
  const services: PopupServices = {
    targetTab: async () => ({ status: 'ok', tabId: 7, host: 'tigris.example' }),
    pageMentions: async () => ({ status: 'ok', mentions: [] }),
    reveal: async () => false,
    recentLookups: async () => [],
    rememberLookup: async () => undefined,
    getSettings: async () => ({ paused: false, disabledSites: [], suppressed: {} }),
    setPaused: async () => ({ paused: false, disabledSites: [], suppressed: {} }),
    setSiteEnabled: async () => ({ paused: false, disabledSites: [], suppressed: {} }),
    setSuppressed: async () => ({ paused: false, disabledSites: [], suppressed: {} }),
    openTab: (url) => void opened.push(url),
  };

  it('opens the preview over the tabs, goes back, and links to Your documents', async () => {
    const addPage = fakeCorpus().addPage(DRAFT);
    const popup = (root = document.createElement('div'));
    document.body.append(popup);
    act(() => render(<Popup kb={fixtureKb} readerHref={() => 'reader.html'} services={services} addPage={addPage} />, popup));
    await settle();
    const link = [...popup.querySelectorAll('a')].find((a) => a.textContent === 'Your documents')!;
    expect(link.getAttribute('href')).toBe('corpus.html');
    const add = [...popup.querySelectorAll('button')].find((b) => b.textContent === 'Add this page')!;
    expect(add.disabled).toBe(false);
    act(() => add.click());
    await settle();
    expect(field('title').value).toBe(DRAFT.title);
    expect(popup.querySelector('[role="tablist"]')).toBeNull();
    expect(await axeViolations()).toEqual([]);
    act(() => [...popup.querySelectorAll('button')].find((b) => b.textContent?.includes('Back'))!.click());
    await settle();
    expect(popup.querySelector('[role="tablist"]')).not.toBeNull();
  });
});
