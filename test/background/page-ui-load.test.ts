/**
 * Lazy page UI: `ui/load` injects /page-ui.js into the sending frame only — the tab
 * and frame the browser attests, never anything the message could name — and nothing else may
 * ask for it.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_UI_FILE, PIPELINE_FILE } from '../../entrypoints/background/page-ui';
import { fromPopup, fromTab, msg, PAGE_URL as pageUrl, send, useBackground, type Sender } from './setup';

const bg = useBackground();
const fromFrame = (frameId: number | undefined, tabId = 7): Sender => fromTab(pageUrl, tabId, frameId);

describe('ui/load', () => {
  it('injects the page UI file into the sender’s own tab and frame', async () => {
    expect(await send(msg('ui/load', {}), fromFrame(3, 12))).toEqual({ ok: true });
    expect(bg.executeScript).toHaveBeenCalledTimes(1);
    expect(bg.executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [3] }, files: [PAGE_UI_FILE] });
  });

  it('uses the top frame when the browser names none', async () => {
    await send(msg('ui/load', {}), fromFrame(undefined));
    expect(bg.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: [PAGE_UI_FILE] });
  });

  it('refuses a message that names its own target, and extension pages', async () => {
    expect(await send(msg('ui/load', { tabId: 99, frameIds: [0] }), fromFrame(0))).toBeUndefined();
    expect(await send(msg('ui/load', {}), fromPopup())).toBeUndefined();
    const otherExtension: Sender = { ...fromFrame(0), id: 'someone-else' };
    expect(await send(msg('ui/load', {}), otherExtension)).toBeUndefined();
    expect(bg.executeScript).not.toHaveBeenCalled();
  });

  it('answers nothing (and the content script retries later) when injection fails', async () => {
    bg.executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await send(msg('ui/load', {}), fromFrame(0))).toBeUndefined();
  });
});

describe('pipeline/load', () => {
  it('injects the spotting pipeline into the sender’s own tab and frame, and nowhere a message names', async () => {
    expect(await send(msg('pipeline/load', {}), fromFrame(2, 12))).toEqual({ ok: true });
    expect(bg.executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [2] }, files: [PIPELINE_FILE] });
    expect(await send(msg('pipeline/load', { tabId: 99 }), fromFrame(0))).toBeUndefined();
    expect(await send(msg('pipeline/load', {}), fromPopup())).toBeUndefined();
    expect(bg.executeScript).toHaveBeenCalledTimes(1);
  });
});
