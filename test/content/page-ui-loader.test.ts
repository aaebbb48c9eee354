/**
 * The content script's side of the lazy page UI (issue 7): one `ui/load` however many parts of
 * the page ask at once, none once the UI is there, and a failed load is not remembered (the
 * background may have been restarting), so the next need tries again.
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

beforeEach(async () => {
  ask.mockReset();
  delete global[PAGE_UI_KEY];
  vi.resetModules();
  ({ loadPageUi } = await import('../../entrypoints/content/page-ui-loader'));
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
