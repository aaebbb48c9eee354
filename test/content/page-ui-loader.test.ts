// @vitest-environment happy-dom
/**
 * The content script's side of the lazy page UI: one `ui/load` however many parts of the page
 * ask at once, none once the UI is there, and a failed load is not remembered (the background
 * may have been restarting), so the next need tries again. Every piece of page UI (card, toast
 * and note, markers) mounts through `LazySurface`, with that one policy.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_UI_KEY, type PageUi } from '../../entrypoints/content/page-ui-contract';

const ask = vi.fn();
vi.mock('../../entrypoints/content/background-client', () => ({ ask: (...args: unknown[]) => ask(...args) }));

const fakeUi = { card: vi.fn(), highlights: vi.fn(), markers: vi.fn() } as unknown as PageUi;
const global = globalThis as Record<symbol, unknown>;

/** What the injected page-ui.js does when it runs: register on the global. */
function injectSucceeds() {
  ask.mockImplementationOnce(async () => {
    global[PAGE_UI_KEY] = fakeUi;
    return { ok: true };
  });
}

let loadPageUi: typeof import('../../entrypoints/content/page-ui-loader').loadPageUi;
let LazySurface: typeof import('../../entrypoints/content/page-ui-loader').LazySurface;

beforeEach(async () => {
  ask.mockReset();
  delete global[PAGE_UI_KEY];
  vi.resetModules();
  ({ loadPageUi, LazySurface } = await import('../../entrypoints/content/page-ui-loader'));
});
afterEach(() => {
  delete global[PAGE_UI_KEY];
});

describe('loadPageUi', () => {
  it('asks the background once for concurrent needs, then answers from the global', async () => {
    injectSucceeds();
    const [a, b] = await Promise.all([loadPageUi(), loadPageUi()]);
    expect(a).toBe(fakeUi);
    expect(b).toBe(fakeUi);
    expect(await loadPageUi()).toBe(fakeUi);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith('ui/load', {});
  });

  it('fails clearly when the background does not answer, and tries again on the next need', async () => {
    ask.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(loadPageUi()).rejects.toThrow();
    injectSucceeds();
    expect(await loadPageUi()).toBe(fakeUi);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('does not trust an answer when the UI did not actually register', async () => {
    ask.mockResolvedValueOnce(undefined); // the router's answer to a refused message
    await expect(loadPageUi()).rejects.toThrow(/could not load/);
    ask.mockResolvedValueOnce({ ok: true }); // injected, yet nothing registered
    await expect(loadPageUi()).rejects.toThrow(/could not load/);
  });

  it('asks nothing when the UI is already in this frame', async () => {
    global[PAGE_UI_KEY] = fakeUi;
    expect(await loadPageUi()).toBe(fakeUi);
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('LazySurface', () => {
  /** A surface rendering into a shadow root of its own host, as the page UI's are. */
  function surfaceIn(host: HTMLElement) {
    const container = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(container);
    return { container, render: vi.fn() };
  }

  it('mounts once for concurrent needs and knows its own host', async () => {
    injectSucceeds();
    const host = document.body.appendChild(document.createElement('backstory-ui'));
    const other = document.body.appendChild(document.createElement('backstory-ui'));
    const mountIn = vi.fn(async () => surfaceIn(host));
    const surface = new LazySurface(mountIn);
    expect(surface.current).toBeNull();
    surface.preload();
    const [a, b] = await Promise.all([surface.mount(), surface.mount()]);
    expect(a).toBe(b);
    expect(surface.current).toBe(a);
    expect(mountIn).toHaveBeenCalledTimes(1);
    expect(surface.isHost(host)).toBe(true);
    expect(surface.isHost(other)).toBe(false);
    host.remove();
    other.remove();
  });

  it('shows nothing when the page UI cannot load, says why in the console, and tries again on the next need', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    ask.mockRejectedValueOnce(new Error('Could not establish connection'));
    const host = document.body.appendChild(document.createElement('backstory-ui'));
    const surface = new LazySurface(async () => surfaceIn(host));
    expect(await surface.mount()).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    injectSucceeds();
    expect(await surface.mount()).not.toBeNull();
    expect(ask).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    host.remove();
  });
});
