/**
 * The content script's typed line to the background: `ask('card/get', { entity })`.
 * Every message travels in the `{ backstory: 1, name, data }` envelope the background validates.
 */
import { browser } from 'wxt/browser';
import type { ContentToBackground, Envelope, MessageName, Request, Response } from '../../lib/messages';

export function ask<K extends MessageName<ContentToBackground>>(
  name: K,
  data: Request<ContentToBackground, K>,
): Promise<Response<ContentToBackground, K>> {
  const envelope: Envelope<ContentToBackground, K> = { backstory: 1, name, data };
  return browser.runtime.sendMessage(envelope) as Promise<Response<ContentToBackground, K>>;
}
