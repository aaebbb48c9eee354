// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import type { PopupServices } from '../../components/popup/services';
import type { ReaderHref } from '../../components/shared/Citation';
import { readerSearch } from '../../lib/card-data';
import type { PageMention, ReaderSettings } from '../../lib/messages';
import { fixtureKb } from '../background/fixture-kb';

const readerHref: ReaderHref = (target) => `chrome-extension://test/reader.html${readerSearch(target)}`;

/** A browser behind the popup, in memory: one web tab on news.example with these names. */
function fakeServices(mentions: PageMention[], settings: ReaderSettings) {
  let stored = structuredClone(settings);
  let recent: string[] = ['qasem-soleimani'];
  const services = {
    targetTab: vi.fn(async () => ({ status: 'ok' as const, tabId: 3, host: 'news.example' })),
    pageMentions: vi.fn(async () => ({ status: 'ok' as const, mentions })),
    reveal: vi.fn(async (_tab: number, _entity: string, index: number) => index < 2),
    recentLookups: vi.fn(async () => recent),
    rememberLookup: vi.fn(async (id: string) => void (recent = [id, ...recent])),
    getSettings: vi.fn(async () => stored),
    setPaused: vi.fn(async (paused: boolean) => (stored = { ...stored, paused })),
    setSiteEnabled: vi.fn(async (host: string, enabled: boolean) => {
      stored = { ...stored, disabledSites: enabled ? [] : [host] };
      return stored;
    }),
    setSuppressed: vi.fn(async (host: string, entity: string, suppressed: boolean) => {
      const ids = (stored.suppressed[host] ?? []).filter((id) => id !== entity);
      stored = { ...stored, suppressed: { ...stored.suppressed, [host]: suppressed ? [...ids, entity] : ids } };
      return stored;
    }),
    openTab: vi.fn(),
  } satisfies PopupServices;
  return services;
}

const MENTIONS: PageMention[] = [
  { entity: 'mustafa-al-kadhimi', name: 'Mustafa al-Kadhimi', type: 'person', count: 3 },
  { entity: 'popular-mobilization-units', name: 'Popular Mobilization Units', type: 'organization', count: 1 },
];
const SETTINGS: ReaderSettings = { paused: false, disabledSites: [], suppressed: { 'news.example': ['isis'] } };

let root: HTMLElement;
let services: ReturnType<typeof fakeServices>;

/** Lets the services' promises settle and Preact re-render. */
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const click = (el: Element | null | undefined) => act(() => (el as HTMLElement).click());
const button = (name: string | RegExp) =>
  [...root.querySelectorAll<HTMLElement>('button, [role="tab"]')].find((b) =>
    typeof name === 'string' ? b.textContent === name || b.getAttribute('aria-label') === name : name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );

beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  services = fakeServices(MENTIONS, SETTINGS);
  act(() => render(<Popup kb={fixtureKb} readerHref={readerHref} services={services} />, root));
  await settle();
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe('popup tabs', () => {
  it('has four tabs, Lookup selected; arrow keys move between them', () => {
    const tabs = [...root.querySelectorAll('[role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Lookup', 'On this page', 'Highlights', 'Settings']);
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    act(() => {
      root.querySelector('[role="tablist"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(root.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('Settings');
    expect(root.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe('bs-tab-settings');
  });

  it('an empty box suggests recent lookups and the names on this page', () => {
    const groups = [...root.querySelectorAll('[role="group"]')].map((g) => ({
      label: g.querySelector('.bs-result-group-label')?.textContent,
      names: [...g.querySelectorAll('.bs-result-name')].map((n) => n.textContent),
    }));
    expect(groups).toEqual([
      { label: 'Recent lookups', names: ['Qasem Soleimani'] },
      { label: 'On this page', names: ['Mustafa al-Kadhimi', 'Popular Mobilization Units'] },
    ]);
  });

  it('remembers an entity opened from the lookup', () => {
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => {
      input.value = 'hashd';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(root.querySelector('h1')?.textContent).toBe('Popular Mobilization Units');
    expect(services.rememberLookup).toHaveBeenCalledWith('popular-mobilization-units');
  });
});

describe('On this page', () => {
  beforeEach(() => click(button('On this page')));

  it('lists the names by type with their counts', () => {
    const sections = [...root.querySelectorAll('.bs-on-page section')].map((s) => ({
      type: s.querySelector('h3')?.textContent,
      rows: [...s.querySelectorAll('li')].map((li) => `${li.querySelector('.bs-on-page-name')?.textContent} ${li.querySelector('.bs-on-page-count')?.textContent}`),
    }));
    expect(sections).toEqual([
      { type: 'People', rows: ['Mustafa al-Kadhimi 3 mentions'] },
      { type: 'Organisations', rows: ['Popular Mobilization Units 1 mention'] },
    ]);
    // One mention: nothing to step through.
    expect((button('Next mention of Popular Mobilization Units') as HTMLButtonElement).disabled).toBe(true);
  });

  it('choosing a name reveals its first mention; Next and Previous step and wrap', async () => {
    await click(button('Mustafa al-Kadhimi'));
    await settle();
    expect(services.reveal).toHaveBeenLastCalledWith(3, 'mustafa-al-kadhimi', 0);
    expect(root.querySelector('.bs-on-page-status')?.textContent).toBe('Mustafa al-Kadhimi: mention 1 of 3');
    await click(button('Next mention of Mustafa al-Kadhimi'));
    await settle();
    expect(services.reveal).toHaveBeenLastCalledWith(3, 'mustafa-al-kadhimi', 1);
    await click(button('Previous mention of Mustafa al-Kadhimi'));
    await settle();
    await click(button('Previous mention of Mustafa al-Kadhimi'));
    await settle();
    expect(services.reveal).toHaveBeenLastCalledWith(3, 'mustafa-al-kadhimi', 2);
    // The fake page no longer has a third mention: the popup says so.
    expect(root.querySelector('.bs-on-page-status')?.textContent).toContain('no longer on the page');
  });

  it('About opens the entity view, and Back returns to this page', () => {
    click(button('About Mustafa al-Kadhimi: background and accounts'));
    expect(root.querySelector('h1')?.textContent).toBe('Mustafa al-Kadhimi');
    click(button(/Back to this page/));
    expect(root.querySelector('.bs-on-page')).not.toBeNull();
  });
});

describe('Settings', () => {
  beforeEach(() => click(button('Settings')));

  it('turns the site off and pauses everywhere through the background, and recounts the page', async () => {
    const site = root.querySelector<HTMLInputElement>('#bs-site')!;
    expect(root.querySelector('label[for="bs-site"]')?.textContent).toBe('Spot names on news.example');
    expect(site.checked).toBe(true);
    services.pageMentions.mockClear();
    await act(async () => site.click());
    await settle();
    expect(services.setSiteEnabled).toHaveBeenCalledWith('news.example', false);
    expect(root.querySelector<HTMLInputElement>('#bs-site')!.checked).toBe(false);
    expect(services.pageMentions).toHaveBeenCalled();
    await act(async () => root.querySelector<HTMLInputElement>('#bs-pause')!.click());
    await settle();
    expect(services.setPaused).toHaveBeenCalledWith(true);
    expect(root.textContent).toContain('Paused');
  });

  it('lists suppressed names by site; Mark again has an Undo', async () => {
    expect(root.querySelector('.bs-suppressed-host')?.textContent).toBe('news.example');
    expect(root.querySelector('.bs-suppressed li span')?.textContent).toBe('ISIS');
    await click(button('Mark ISIS again on news.example'));
    await settle();
    expect(services.setSuppressed).toHaveBeenLastCalledWith('news.example', 'isis', false);
    expect(root.querySelector('.bs-suppressed li')).toBeNull();
    expect(root.textContent).toContain('ISIS will be marked again on news.example.');
    await click(button('Undo'));
    await settle();
    expect(services.setSuppressed).toHaveBeenLastCalledWith('news.example', 'isis', true);
    expect(root.querySelector('.bs-suppressed li span')?.textContent).toBe('ISIS');
  });

  it('says so when a change cannot be saved, and keeps showing the stored settings', async () => {
    services.setPaused.mockRejectedValueOnce(new Error('quota'));
    await act(async () => root.querySelector<HTMLInputElement>('#bs-pause')!.click());
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('could not save');
    expect(root.querySelector<HTMLInputElement>('#bs-pause')!.checked).toBe(false);
  });

  it('has no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });
});
