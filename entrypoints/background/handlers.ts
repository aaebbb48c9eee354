/**
 * What the background answers, one function per message. The router has already parsed the
 * message and checked its sender; `origin` says which site a content script runs on.
 */
import { browser } from 'wxt/browser';
import type { MatcherData, TokenGateData } from '../../lib/engine/types';
import { buildTokenGate } from '../../lib/engine/token-gate';
import { buildCardData, readerSearch } from '../../lib/card-data';
import { contentToBackground, pageToBackground, type SiteSettings } from '../../lib/messages';
import type { Handlers as TableHandlers } from '../../lib/messaging';
import { tellTab } from './content-client';
import type { Knowledge } from './knowledge';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { createHighlightHandlers } from './highlights';
import { addSuppressed, loadSettings, siteSettings, updateSettings } from './settings';
import { webHost, type Origin } from './senders';
import { createSettingsHandlers } from './settings-handlers';
import { ACCOUNTS_BEFORE_CONTRAST, contrastWithPage } from '../../lib/recognition/contrast';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { createPageRecognitions, type PageRecognitions } from './recognition';
import { injectPageUi, injectPipeline } from './page-ui';
import { lazy, once, shippedCorpus, type Lazy, type ShippedCorpus } from './shipped-corpus';

export type ContentOrigin = Extract<Origin, { kind: 'content' }>;

/** One handler per content message; `origin` is the sender as the browser attests it. */
export type ContentHandlers = TableHandlers<typeof contentToBackground, [origin: ContentOrigin]>;
/** One handler per extension-page message. */
export type PageHandlers = TableHandlers<typeof pageToBackground>;

export interface Handlers {
  content: ContentHandlers;
  page: PageHandlers;
}

export function readerUrlFor(doc: string, passage: string): string {
  return browser.runtime.getURL('/reader.html') + readerSearch({ doc, passage });
}

/** The popup's entity view in a tab ("Open in Backstory"). */
export function entityViewUrlFor(entity: string): string {
  return `${browser.runtime.getURL('/popup.html')}?entity=${encodeURIComponent(entity)}`;
}

/** What the handlers work with besides the knowledge base; tests pass their own. */
export interface HandlerDeps {
  /** Pages recognised per tab. */
  recognitions?: PageRecognitions;
  /** The database holding saved highlights. */
  db?: BackstoryDb;
  /** Where the KB, matcher and fingerprints are read from; the package's files by default. */
  corpus?: Pick<ShippedCorpus, 'kb' | 'fingerprints'>;
  /** The matcher's token gate; by default built from the matcher. */
  gate?: Lazy<TokenGateData>;
}

/**
 * `matcher` may be a loader: the service worker reads the shipped matcher when the
 * first message needs it, not at every start.
 */
export function createHandlers(knowledge: Knowledge, matcher: Lazy<MatcherData>, deps: HandlerDeps = {}): Handlers {
  const loadMatcherData = lazy(matcher);
  const loadGate = deps.gate ? lazy(deps.gate) : once(async () => buildTokenGate(await loadMatcherData()));
  const corpus = deps.corpus ?? shippedCorpus();
  const recognitions = deps.recognitions ?? createPageRecognitions(corpus.kb, corpus.fingerprints, shippedSources);
  // Saved highlights: their own module, spread into both tables' handlers below.
  const highlights = createHighlightHandlers(deps.db ?? openBackstoryDb(), loadMatcherData);
  // Names a reader can see, open or suppress: not the matcher's blockers and topic words, which
  // it learns only to weigh evidence and never marks.
  const knownIds = once(async () => new Set((await loadMatcherData()).entities.filter((e) => !e.blocker && !e.topic).map((e) => e.id)));
  const isKnown = async (entity: string) => (await knownIds()).has(entity);

  const cardGet = async ({ entity }: { entity: string }) => {
    const source = await knowledge.cardSource(entity);
    return source ? buildCardData(source, entity, readerUrlFor) : null;
  };

  return {
    content: {
      // The request's url is validated but not trusted: the site is what the browser says the
      // sender's tab shows (`origin.host`), not what the page claims.
      'matcher/get': async (_data, origin) => {
        const [data, settings] = await Promise.all([loadMatcherData(), loadSettings()]);
        return { matcher: data, settings: siteSettings(settings, origin.host) };
      },
      'gate/get': async (_data, origin) => {
        const [gate, settings] = await Promise.all([loadGate(), loadSettings()]);
        return { gate, settings: siteSettings(settings, origin.host) };
      },
      // A card in a recognised page sets the other accounts against the page.
      'card/get': async ({ entity }, origin) => {
        const source = await knowledge.cardSource(entity);
        const card = source ? buildCardData(source, entity, readerUrlFor, ACCOUNTS_BEFORE_CONTRAST) : null;
        return contrastWithPage(card, (await recognitions.forTab(origin.tabId))?.thisPage);
      },
      'suppress/add': async ({ entity }, origin) => {
        // Only names Backstory can mark can be suppressed: a page cannot fill storage with
        // made-up ids.
        if (!(await isKnown(entity))) throw new Error('unknown entity');
        const settings = await updateSettings((s) => addSuppressed(s, origin.host, entity));
        await broadcastToHost(origin, siteSettings(settings, origin.host));
        return { ok: true };
      },
      // A web page may not navigate to extension pages, so the card asks
      // the background to open them, next to the reader's tab.
      'reader/open': async ({ doc, passage }, origin) => {
        if (!passage.startsWith(`${doc}:`)) throw new Error('passage of another document');
        await browser.tabs.create({ url: readerUrlFor(doc, passage), openerTabId: origin.tabId });
        return { ok: true };
      },
      'entity/open': async ({ entity }, origin) => {
        if (!(await isKnown(entity))) throw new Error('unknown entity');
        await browser.tabs.create({ url: entityViewUrlFor(entity), openerTabId: origin.tabId });
        return { ok: true };
      },
      ...highlights.content,
      'page/recognise': (data, origin) => recognitions.recognise(data, origin),
      'ui/load': (_data, origin) => injectPageUi(origin),
      'pipeline/load': (_data, origin) => injectPipeline(origin),
    },
    page: {
      'card/get': cardGet,
      ...createSettingsHandlers(knownIds),
      'page/recognition': async ({ tabId }) => (await recognitions.forTab(tabId)) ?? null,
      'sources/get': () => recognitions.sources(),
      'sources/set': (edits) => recognitions.setSources(edits),
      ...highlights.page,
    },
  };
}

/**
 * Tell the sender's tab and every other tab showing the same site that its settings changed.
 * Other tabs' addresses are only visible with host access to them; the sender's tab is always
 * told, whatever the browser lets us see.
 */
async function broadcastToHost(origin: ContentOrigin, settings: SiteSettings): Promise<void> {
  const tabs = await browser.tabs.query({});
  const targets = new Set([origin.tabId]);
  for (const tab of tabs) if (tab.id !== undefined && webHost(tab.url) === origin.host) targets.add(tab.id);
  await Promise.all([...targets].map((tabId) => tellTab(tabId, 'settings/changed', { settings })));
}
