// The `open-card` keyboard command reaches the active tab's content script as
// `card/open-at-caret`, and nothing else does.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { OPEN_CARD_COMMAND, runCommand } from '../../entrypoints/background/commands';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('keyboard command', () => {
  it('asks the tab it was pressed in to open the card at the caret', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    await expect(runCommand(OPEN_CARD_COMMAND, { id: 7 } as Browser.tabs.Tab)).resolves.toBe(true);
    expect(send).toHaveBeenCalledWith(7, { backstory: 1, name: 'card/open-at-caret', data: {} });
  });

  it('falls back to the active tab, and reports a tab without Backstory as not opened', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 } as Browser.tabs.Tab]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await expect(runCommand(OPEN_CARD_COMMAND)).resolves.toBe(false);
    expect(send).toHaveBeenCalledWith(4, expect.objectContaining({ name: 'card/open-at-caret' }));
  });

  it('ignores other commands', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await expect(runCommand('something-else', { id: 7 } as Browser.tabs.Tab)).resolves.toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});
