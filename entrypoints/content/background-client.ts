/**
 * The content script's typed line to the background: `ask('card/get', { entity })`. Every
 * message travels in the `{ backstory: 1, name, data }` envelope the background parses against
 * `contentToBackground` (lib/messages.ts); the answer is typed by the same table, and a refused
 * or failed message rejects with `MessageFailed`.
 */
import { browser } from 'wxt/browser';
import type { contentToBackground } from '../../lib/messages';
import { messageSender } from '../../lib/messaging';

export const ask = messageSender<typeof contentToBackground>((envelope) => browser.runtime.sendMessage(envelope));
