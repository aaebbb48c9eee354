/**
 * What the background answers, one function per message. The router has already parsed the
 * message and checked its sender; `origin` says which site a content script runs on.
 */
import { browser } from 'wxt/browser';
import { buildCardData, readerSearch } from '../../lib/card-data';
import { contentToBackground, pageToBackground, type SiteSettings } from '../../lib/messages';
import type { ReaderSources } from '../../lib/recognition/sources';
import type { Handlers as TableHandlers } from '../../lib/messaging';
import { tellTab } from './content-client';
import { loadReviews, reviewItem } from './contrast-reviews';
import type { Knowledge } from './knowledge';
import { createHighlightHandlers } from './highlights';
import { addSuppressed, loadSettings, siteSettings, updateSettings } from './settings';
import { webHost, type Origin } from './senders';
import { createSettingsHandlers } from './settings-handlers';
import { createCorpusHandlers } from './corpus-handlers';
import { createNamesHandlers } from './names-handlers';
import { ACCOUNTS_BEFORE_CONTRAST, contrastWithPage } from '../../lib/recognition/contrast';
import { createPageRecognitions, readSourceEdits, type PageRecognitions } from './recognition';
import { injectPageUi, injectPipeline } from './page-ui';
import { createKbBroadcast, type KbBroadcast } from './kb-broadcast';

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
  /** Tells open tabs and extension pages that the knowledge base changed. */
  broadcast?: KbBroadcast;
}

export function createHandlers(knowledge: Knowledge, deps: HandlerDeps = {}): Handlers {
  const loadMatcherData = () => knowledge.matcher();
  const recognitions = deps.recognitions ?? createPageRecognitions(knowledge);
  const broadcast = deps.broadcast ?? createKbBroadcast(recognitions);
  knowledge.listen(broadcast);
  // Saved highlights: their own module, spread into both tables' handlers below.
  const highlights = createHighlightHandlers(knowledge.db, loadMatcherData);
  // Names a reader can see, open or suppress: not the matcher's blockers and topic words, which
  // it learns only to weigh evidence and never marks. Read again when the matcher changes.
  let known: { version: string; ids: Set<string> } | undefined;
  const knownIds = async () => {
    const data = await loadMatcherData();
    if (known?.version !== data.kbVersion) {
      known = { version: data.kbVersion, ids: new Set(data.entities.filter((e) => !e.blocker && !e.topic).map((e) => e.id)) };
    }
    return known.ids;
  };
  const isKnown = async (entity: string) => (await knownIds()).has(entity);

  const cardGet = async ({ entity }: { entity: string }) => {
    const source = await knowledge.cardSource(entity);
    return source ? buildCardData({ ...source, decisions: await loadReviews() }, entity, readerUrlFor) : null;
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
        const [gate, settings] = await Promise.all([knowledge.gate(), loadSettings()]);
        return { gate, settings: siteSettings(settings, origin.host) };
      },
      // A card in a recognised page sets the other accounts against the page.
      'card/get': async ({ entity }, origin) => {
        const source = await knowledge.cardSource(entity);
        const card = source ? buildCardData({ ...source, decisions: await loadReviews() }, entity, readerUrlFor, ACCOUNTS_BEFORE_CONTRAST) : null;
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
      'contrasts/reviews': () => loadReviews(),
      'contrasts/review': async ({ entity, id, decision }) => {
        const source = await knowledge.cardSource(entity);
        return reviewItem(source?.entities.find((e) => e.id === entity), id, decision);
      },
      'sources/get': () => recognitions.sources(),
      'sources/set': async (edits) => {
        const before = await readSourceEdits();
        const registry = await recognitions.setSources(edits);
        await broadcast.labelsChanged(knowledge);
        // Outlets whose label changed: their documents' perspectives in automatic contrasts.
        const entry = (list: ReaderSources, domain: string) => JSON.stringify([list.sources.find((s) => s.domain === domain) ?? null, list.removed.includes(domain)]);
        const domains = new Set([...before.sources.map((s) => s.domain), ...before.removed, ...edits.sources.map((s) => s.domain), ...edits.removed]);
        void knowledge.builder.relabelled([...domains].filter((d) => entry(before, d) !== entry(edits, d)));
        return registry;
      },
      ...highlights.page,
      ...createCorpusHandlers(knowledge, recognitions, broadcast),
      ...createNamesHandlers(knowledge),
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
