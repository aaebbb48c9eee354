/**
 * Messages to this content script from Backstory's background or popup (`ToContent`): only
 * from our own extension, only well-formed. A page cannot reach this listener at all
 * (`runtime.onMessage` only hears the extension), but we check the sender anyway.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Request, Response, SiteSettings, ToContent } from '../../lib/messages';

export type ToContentHandlers = {
  [K in keyof ToContent]: (data: Request<ToContent, K>) => Response<ToContent, K> | Promise<Response<ToContent, K>>;
};

export type ParsedToContent = {
  [K in keyof ToContent]: { name: K; data: Request<ToContent, K> };
}[keyof ToContent];

const MAX_SUPPRESSED = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSettings(value: unknown): value is SiteSettings {
  return (
    isRecord(value) &&
    typeof value.enabled === 'boolean' &&
    Array.isArray(value.suppressed) &&
    value.suppressed.length <= MAX_SUPPRESSED &&
    value.suppressed.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 128)
  );
}

/** The message as one of `ToContent`, or null when it is anything else. */
export function parseToContent(message: unknown): ParsedToContent | null {
  if (!isRecord(message) || message.backstory !== 1 || !isRecord(message.data)) return null;
  const data = message.data;
  switch (message.name) {
    case 'page/mentions':
      return { name: 'page/mentions', data: {} };
    case 'card/open-at-caret':
      return { name: 'card/open-at-caret', data: {} };
    case 'page/site':
      return { name: 'page/site', data: {} };
    case 'page/reveal':
      if (typeof data.entity !== 'string' || data.entity.length > 128) return null;
      if (typeof data.index !== 'number' || !Number.isInteger(data.index) || data.index < 0) return null;
      return { name: 'page/reveal', data: { entity: data.entity, index: data.index } };
    // --- highlights (issue 6) ---
    case 'highlights/save-selection':
      return { name: 'highlights/save-selection', data: {} };
    case 'highlights/refresh':
      return { name: 'highlights/refresh', data: {} };
    case 'highlights/reveal':
      if (typeof data.id !== 'string' || data.id.length === 0 || data.id.length > 128) return null;
      return { name: 'highlights/reveal', data: { id: data.id } };
    case 'settings/changed':
      if (!isSettings(data.settings)) return null;
      return {
        name: 'settings/changed',
        data: { settings: { enabled: data.settings.enabled, suppressed: [...data.settings.suppressed] } },
      };
    default:
      return null;
  }
}

export function listenToExtension(ctx: ContentScriptContext, handlers: ToContentHandlers): void {
  const listener = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseToContent(message);
    // Not ours: leave it to other listeners (returning undefined sends no answer).
    if (!parsed) return undefined;
    const handler = handlers[parsed.name] as (data: unknown) => unknown;
    return Promise.resolve(handler(parsed.data));
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
