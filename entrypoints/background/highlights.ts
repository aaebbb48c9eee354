/**
 * The background's answers about saved highlights. Content scripts act only on their
 * own site's highlights (a page never sees or changes another site's); the popup manages all.
 * The entities a highlight mentions are found here, with the bundled matcher, not taken from
 * the page.
 */
import { browser } from 'wxt/browser';
import { spotText } from '../../lib/engine/evidence';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import type { MatcherData } from '../../lib/engine/types';
import { parseImport, toJson } from '../../lib/highlights/json';
import { toMarkdown } from '../../lib/highlights/markdown';
import type { HighlightDraft } from '../../lib/messages';
import { siteOf, type BackstoryDb } from '../../lib/storage/db';
import {
  deleteHighlight,
  highlightsForPage,
  importHighlights,
  listHighlights,
  recordAnchoring,
  saveHighlight,
  StorageFullError,
  updateHighlight,
} from '../../lib/storage/highlights';
import type { HighlightAnchorState, HighlightRow } from '../../lib/storage/types';
import type { ContentHandlers, ContentOrigin, PageHandlers } from './handlers';
import { askTab, tellTab } from './content-client';
import { keepUnsaved, retryUnsaved } from './unsaved-highlights';
import { lazy, type Lazy } from './lazy';

export type HighlightContentHandlers = Pick<ContentHandlers, Extract<keyof ContentHandlers, `highlights/${string}`>>;
export type HighlightPageHandlers = Pick<PageHandlers, Extract<keyof PageHandlers, `highlights/${string}`>>;

export function createHighlightHandlers(
  db: BackstoryDb,
  matcherData: Lazy<MatcherData>,
  now: () => number = Date.now,
): { content: HighlightContentHandlers; page: HighlightPageHandlers } {
  const loadData = lazy(matcherData);
  let matcher: Matcher | undefined;
  const entitiesIn = async (quote: string): Promise<string[]> => {
    try {
      matcher ??= loadMatcher(await loadData());
      const found = matcher;
      return [...new Set(spotText(found, quote).map((m) => found.entities[m.entity]!.id))];
    } catch (error) {
      // Entities are an index, not the highlight: a broken matcher must not lose the reader's save.
      console.warn('[backstory] no entities for a highlight', error);
      return [];
    }
  };
  /** Entity names by id, for the Markdown export; read from the matcher only when exporting. */
  const entityNames = async (): Promise<(id: string) => string> => {
    // An export must not fail for want of names: ids then stand in for them.
    const entities = await loadData().then((d) => d.entities, () => []);
    return (id) => entities.find((e) => e.id === id)?.name ?? id;
  };
  /** Tabs the popup asked to open, and the highlight to scroll to once their page asks for its highlights. */
  const pendingReveal = new Map<number, string>();
  const onSite = async (id: string, origin: ContentOrigin): Promise<HighlightRow | undefined> => {
    const row = await db.highlights.get(id);
    return row && row.site === origin.host ? row : undefined;
  };

  return {
    content: {
      'highlights/save': async (draft, origin) => {
        // The page's claims are checked against what the browser says the tab shows.
        if (siteOf(draft.url) !== origin.host) return { ok: false, error: 'This page cannot save highlights for another site.', retry: false };
        const row = newHighlight(draft, origin.host, await entitiesIn(draft.quote), now());
        try {
          await retryUnsaved((kept) => saveHighlight(db, kept));
          // The same passage saved again (a Retry after the kept copy was written, a second
          // press of the shortcut) is the highlight already there, not a duplicate.
          const same = await db.highlights
            .where('canonicalUrl')
            .equals(row.canonicalUrl)
            .filter((h) => h.quote === row.quote && h.start === row.start && h.end === row.end)
            .first();
          if (same) return { ok: true, highlight: same };
          return { ok: true, highlight: await saveHighlight(db, row) };
        } catch (error) {
          if (error instanceof StorageFullError) {
            // Kept outside IndexedDB until a later save or the popup's list succeeds in writing it.
            await keepUnsaved(row).catch(() => undefined);
            return { ok: false, error: error.message, retry: true };
          }
          console.warn('[backstory] saving a highlight failed', error);
          return { ok: false, error: 'Backstory could not save this highlight. Try again.', retry: true };
        }
      },
      'highlights/for-page': async ({ url, canonicalUrl }, origin) => {
        const urls = [url, canonicalUrl, withoutFragment(url)].filter((u) => siteOf(u) === origin.host);
        const highlights = (await highlightsForPage(db, [...new Set(urls)])).filter((h) => h.site === origin.host);
        const reveal = pendingReveal.get(origin.tabId);
        pendingReveal.delete(origin.tabId);
        return reveal ? { highlights, reveal } : { highlights };
      },
      'highlights/note': async ({ id, note }, origin) => {
        if (!(await onSite(id, origin))) return { ok: false };
        return { ok: (await updateHighlight(db, id, { note }, now())) !== undefined };
      },
      'highlights/remove': async ({ id }, origin) => {
        if (!(await onSite(id, origin))) return { ok: false };
        return { ok: (await deleteHighlight(db, id)) !== undefined };
      },
      'highlights/anchored': async ({ anchored, orphans }, origin) => {
        const at = now();
        const states = new Map<string, HighlightAnchorState>();
        for (const id of anchored) states.set(id, { status: 'anchored', at });
        for (const id of orphans) states.set(id, { status: 'orphan', at });
        const rows = await db.highlights.bulkGet([...states.keys()]);
        for (const row of rows) if (row && row.site !== origin.host) states.delete(row.id);
        await recordAnchoring(db, states);
        return { ok: true };
      },
    },
    page: {
      'highlights/list': async () => {
        await retryUnsaved((kept) => saveHighlight(db, kept)).catch(() => undefined);
        return listHighlights(db);
      },
      'highlights/update': async ({ id, note, tags }) => {
        const updated = (await updateHighlight(db, id, { note, tags: [...new Set(tags)] }, now())) ?? null;
        if (updated) await refreshTabs();
        return updated;
      },
      'highlights/delete': async ({ id }) => {
        const deleted = (await deleteHighlight(db, id)) ?? null;
        if (deleted) await refreshTabs();
        return deleted;
      },
      'highlights/restore': async ({ highlight }) => {
        try {
          await saveHighlight(db, highlight);
          await refreshTabs();
          return { ok: true };
        } catch (error) {
          return { ok: false, error: error instanceof StorageFullError ? error.message : 'Could not restore the highlight.' };
        }
      },
      'highlights/export': async ({ format }) => {
        const rows = await listHighlights(db);
        const date = new Date(now());
        const stamp = date.toISOString().slice(0, 10);
        return format === 'json'
          ? { filename: `backstory-highlights-${stamp}.json`, text: toJson(rows, date) }
          : { filename: `backstory-highlights-${stamp}.md`, text: toMarkdown(rows, await entityNames()) };
      },
      'highlights/import': async ({ text }) => {
        const parsed = parseImport(text);
        if (!parsed.ok) return parsed;
        try {
          const report = await importHighlights(db, parsed.highlights);
          await refreshTabs();
          return { ok: true, ...report };
        } catch (error) {
          return { ok: false, error: error instanceof StorageFullError ? error.message : 'The import failed; nothing was changed.' };
        }
      },
      'highlights/open': async ({ id }) => {
        const row = await db.highlights.get(id);
        if (!row) return { ok: false };
        const tabs = await browser.tabs.query({});
        const showing = tabs.find((t) => t.id !== undefined && t.url !== undefined && [row.url, row.canonicalUrl].includes(withoutFragment(t.url)));
        if (showing?.id !== undefined) {
          await browser.tabs.update(showing.id, { active: true });
          const answer = await askTab(showing.id, 'highlights/reveal', { id }).catch(() => undefined);
          return { ok: answer?.ok === true };
        }
        const tab = await browser.tabs.create({ url: row.url, active: true });
        if (tab.id !== undefined) pendingReveal.set(tab.id, id);
        return { ok: true };
      },
    },
  };
}

export function newHighlight(draft: HighlightDraft, site: string, entities: string[], at: number): HighlightRow {
  // A canonical URL on another site is not trusted (it would file the highlight under that site).
  const canonicalUrl = siteOf(draft.canonicalUrl) === site ? withoutFragment(draft.canonicalUrl) : withoutFragment(draft.url);
  return {
    id: crypto.randomUUID(),
    url: draft.url,
    canonicalUrl,
    title: draft.title,
    quote: draft.quote,
    prefix: draft.prefix,
    suffix: draft.suffix,
    start: draft.start,
    end: draft.end,
    note: draft.note,
    entities,
    createdAt: at,
    updatedAt: at,
    tags: [],
    site,
  };
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Highlights changed in the popup: every tab draws its page's highlights again. */
async function refreshTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tellTab(tab.id, 'highlights/refresh', {}))));
}
