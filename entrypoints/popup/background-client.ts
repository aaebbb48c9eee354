/**
 * The popup's typed lines to the background (`pageToBackground`) and to a tab's content script
 * (`toContent`), both in lib/messages.ts. Answers are parsed against the same tables: a refused
 * or failed message, or an answer that is not what the message's reply is, rejects with
 * `MessageFailed` instead of showing nothing or something unchecked.
 */
import { browser } from 'wxt/browser';
import { toContent, type pageToBackground } from '../../lib/messages';
import { messageSender, tabSender } from '../../lib/messaging';

export const askBackground = messageSender<typeof pageToBackground>((envelope) => browser.runtime.sendMessage(envelope));

export const askTab = tabSender(toContent, (tabId, envelope) => browser.tabs.sendMessage(tabId, envelope));
