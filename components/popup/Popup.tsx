/**
 * The toolbar popup: four tabs — Lookup (search, then one entity's view, and back to the same
 * results), On this page, Highlights and Settings. Reads the bundled knowledge base directly,
 * so it opens with everything there, no spinner; what it needs from the browser (the tab,
 * settings, recent lookups) comes through `services` and fills in as it arrives.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KbEntity, KnowledgeBase } from '../../lib/kb/types';
import type { ReaderSettings } from '../../lib/messages';
import { buildLookup, resultKey, type EntityLookupResult, type Lookup as LookupIndex, type LookupResult } from '../../lib/search';
import type { ReaderHref } from '../shared/Citation';
import type { ReviewDecision } from '../../lib/contrasts/review';
import type { OnReview } from '../card/Contrasts';
import { EntityView } from './EntityView';
import type { EntityAutomatic } from '../../lib/message-schemas-automatic';
import { withStoredAutomatic } from '../../lib/stored-automatic';
import { HighlightsView } from './HighlightsView';
import { Lookup, type LookupOption } from './Lookup';
import { OnThisPage, type PageState } from './OnThisPage';
import { withRecent, type PopupServices, type TargetTab } from './services';
import { SettingsView, type SettingsState } from './SettingsView';
import { ThisPageView, type ThisPageContent } from './ThisPageView';
import type { SourceRegistryApi } from './SourceSettings';
import type { HighlightsClient } from './highlights-client';
import { AddPreview } from '../corpus/AddPreview';
import type { AddPageServices } from '../corpus/services';
import './popup.css';

export interface PopupProps {
  kb: KnowledgeBase;
  readerHref: ReaderHref;
  /** The browser behind the popup; without it (unit tests of the lookup) only lookup works. */
  services?: PopupServices;
  /** Open straight on this entity's view (`popup.html?entity=ID`, the card's "Open in Backstory"). */
  initialEntity?: string;
  /** The active tab's recognition and mentions, for the "This page" view. */
  loadThisPage?: () => Promise<ThisPageContent>;
  /** The reader's settings for the source registry. */
  sourceRegistry?: SourceRegistryApi;
  /** Saved highlights: absent → the Highlights tab says they are unavailable. */
  highlights?: { client: HighlightsClient; download: (filename: string, text: string, type: string) => void };
  /** "Add this page" and the link to *Your documents*; absent → neither is offered. */
  addPage?: AddPageServices;
  /**
   * Documents and passages from the live knowledge base (the reader's own documents included);
   * absent → lookup searches those of `kb`.
   */
  searchCorpus?(query: string): Promise<LookupResult[]>;
}

type TabId = 'lookup' | 'page' | 'highlights' | 'settings';
const TABS: { id: TabId; label: string }[] = [
  { id: 'lookup', label: 'Lookup' },
  { id: 'page', label: 'On this page' },
  { id: 'highlights', label: 'Highlights' },
  { id: 'settings', label: 'Settings' },
];

export function Popup({ kb, readerHref, services, initialEntity, loadThisPage, sourceRegistry, highlights, addPage, searchCorpus }: PopupProps) {
  const lookupIndex = useLookupIndex(kb);
  const entities = useMemo(() => new Map(kb.entities.map((e) => [e.id, e])), [kb]);

  const [tab, setTab] = useState<TabId>('lookup');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [entityView, setEntityView] = useState<{ id: string; from: TabId } | undefined>(
    initialEntity && entities.has(initialEntity) ? { id: initialEntity, from: 'lookup' } : undefined,
  );
  const browserState = useBrowserState(services);
  const reviews = useContrastReviews(services);
  const viewKb = useStoredAutomatic(kb, entityView?.id, services);
  /** The add view, over the tabs: the tab it reads. */
  const [adding, setAdding] = useState<number | undefined>();

  // The live corpus answers a moment after the names: kept with the query it answers.
  const [corpusHits, setCorpusHits] = useState<{ query: string; results: LookupResult[] }>({ query: '', results: [] });
  useEffect(() => {
    if (!searchCorpus || !query.trim()) return;
    let live = true;
    searchCorpus(query).then(
      (results) => live && setCorpusHits({ query, results }),
      () => live && setCorpusHits({ query, results: [] }),
    );
    return () => {
      live = false;
    };
  }, [query, searchCorpus]);

  const options = useMemo((): LookupOption[] => {
    if (query.trim()) {
      const names = searchCorpus ? lookupIndex(kb).search(query, { documents: 0, passages: 0 }) : lookupIndex(kb).search(query);
      return [...names, ...(searchCorpus && corpusHits.query === query ? corpusHits.results : [])]
        .map((result) => ({
          key: resultKey(result),
          group: result.kind === 'entity' ? 'Names' : result.kind === 'document' ? 'Documents' : 'Passages',
          result,
        }));
    }
    // An empty box suggests what the reader looked up before and what this page names.
    const suggest = (ids: string[], group: string) =>
      ids
        .map((id) => entities.get(id))
        .filter((e): e is KbEntity => e !== undefined)
        .map((e) => ({ key: `${group}:${e.id}`, group, result: entityResult(e) }));
    const page = browserState.page.status === 'ok' ? browserState.page.mentions.map((m) => m.entity) : [];
    return [...suggest(browserState.recent, 'Recent lookups'), ...suggest(page.slice(0, 8), 'On this page')];
  }, [kb, query, entities, browserState.recent, browserState.page, lookupIndex, searchCorpus, corpusHits]);

  const openEntity = (id: string, from: TabId) => {
    setEntityView({ id, from });
    browserState.remember(id);
  };
  const openUrl = (url: string) => (services ? services.openTab(url) : window.open(url, '_blank', 'noopener'));

  const chooseOption = (option: LookupOption) => {
    setActive(options.indexOf(option));
    const { result } = option;
    if (result.kind === 'entity') openEntity(result.id, 'lookup');
    else if (result.kind === 'document') openUrl(readerHref({ doc: result.id }));
    else openUrl(readerHref({ doc: result.doc, passage: result.id }));
  };

  let panel;
  if (entityView && entityView.from === tab) {
    panel = (
      <EntityView
        kb={viewKb}
        entityId={entityView.id}
        readerHref={readerHref}
        backLabel={tab === 'page' ? 'this page' : 'results'}
        onBack={() => setEntityView(undefined)}
        onOpen={(id) => openEntity(id, tab)}
        {...reviews.props(entityView.id)}
      />
    );
  } else if (tab === 'lookup') {
    panel = (
      <Lookup
        query={query}
        options={options}
        active={active}
        onQuery={(q) => {
          setQuery(q);
          setActive(-1);
        }}
        onActive={setActive}
        onChoose={chooseOption}
      />
    );
  } else if (tab === 'page') {
    panel = (
      <>
        {/* What this page is, and what the other documents say about its names. */}
        {loadThisPage && (
          <ThisPageView kb={kb} load={loadThisPage} readerHref={readerHref} onOpen={(id) => openEntity(id, 'page')} sources={sourceRegistry} />
        )}
        <OnThisPage
          state={browserState.page}
          onReveal={(entity, index) => browserState.reveal(entity, index)}
          onOpen={(id) => openEntity(id, 'page')}
        />
      </>
    );
  } else if (tab === 'highlights') {
    panel = highlights ? (
      <HighlightsView {...highlights} entityName={(id) => entities.get(id)?.name ?? id} />
    ) : (
      <p class="bs-panel-empty">Saved highlights are not available here.</p>
    );
  } else {
    panel = (
      <SettingsView
        state={browserState.settings}
        host={browserState.target?.status === 'ok' ? browserState.target.host : undefined}
        nameOf={(id) => entities.get(id)?.name ?? id}
        onPause={(paused) => browserState.changeSettings((s) => s.setPaused(paused))}
        onSiteEnabled={(host, enabled) => browserState.changeSettings((s) => s.setSiteEnabled(host, enabled))}
        onSuppressed={(host, entity, suppressed) =>
          browserState.changeSettings((s) => s.setSuppressed(host, entity, suppressed))
        }
      />
    );
  }

  const targetTabId = browserState.target?.status === 'ok' ? browserState.target.tabId : undefined;
  const actions = addPage && (
    <div class="bs-popup-actions">
      <button
        type="button"
        class="bs-button"
        disabled={targetTabId === undefined}
        title={targetTabId === undefined ? 'Backstory adds web pages only' : undefined}
        onClick={() => setAdding(targetTabId)}
      >
        Add this page
      </button>
      <a
        href={addPage.corpusUrl}
        onClick={(e) => {
          e.preventDefault();
          openUrl(addPage.corpusUrl);
        }}
      >
        Your documents
      </a>
    </div>
  );

  if (addPage && adding !== undefined) {
    return (
      <main class="bs-popup">
        <h1 class="bs-visually-hidden">Backstory</h1>
        <button type="button" class="bs-back" onClick={() => setAdding(undefined)}>
          ← Back
        </button>
        <AddPreview services={addPage} tabId={adding} openUrl={openUrl} />
      </main>
    );
  }

  return (
    <main class="bs-popup">
      {/* The page's title for screen readers; the entity view brings its own h1. */}
      {!(entityView && entityView.from === tab) && <h1 class="bs-visually-hidden">Backstory</h1>}
      {actions}
      <Tabs current={tab} onSelect={setTab} />
      <div role="tabpanel" id={`bs-panel-${tab}`} aria-labelledby={`bs-tab-${tab}`} class="bs-panel">
        {panel}
      </div>
    </main>
  );
}

/** ARIA tabs with roving focus: Left/Right/Home/End move between them, as a tablist does. */
function Tabs({ current, onSelect }: { current: TabId; onSelect(tab: TabId): void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === current);
    const next =
      event.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(TABS[next]!.id);
    list.current?.querySelector<HTMLElement>(`#bs-tab-${TABS[next]!.id}`)?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label="Backstory" class="bs-tabs" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`bs-tab-${t.id}`}
          aria-selected={t.id === current}
          aria-controls={`bs-panel-${t.id}`}
          tabIndex={t.id === current ? 0 : -1}
          class="bs-tab"
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function entityResult(e: KbEntity): EntityLookupResult {
  return { kind: 'entity', id: e.id, name: e.name, type: e.type, matched: e.name, score: 0, nameSpans: [], matchedSpans: [] };
}

/**
 * The lookup index, built right after the first paint so the box shows at once; a reader who
 * types before then gets it built on that keystroke.
 */
function useLookupIndex(kb: KnowledgeBase): (kb: KnowledgeBase) => LookupIndex {
  const index = useRef<{ kb: KnowledgeBase; index: LookupIndex } | undefined>(undefined);
  const indexFor = useRef((current: KnowledgeBase): LookupIndex => {
    if (index.current?.kb !== current) {
      const start = performance.now();
      index.current = { kb: current, index: buildLookup(current) };
      // Shows in the popup's performance timeline (`npm run bench` measures it too).
      performance.measure?.('backstory:search-index', { start, end: performance.now() });
    }
    return index.current.index;
  }).current;
  useEffect(() => {
    // Two tasks: names, then documents and passages, so neither is a long task.
    let second = 0;
    const first = setTimeout(() => {
      const index = indexFor(kb);
      second = window.setTimeout(() => index.warm(), 0);
    }, 0);
    return () => {
      clearTimeout(first);
      clearTimeout(second);
    };
  }, [kb, indexFor]);
  return indexFor;
}

/** What the popup knows from the browser: the tab it is about, its names, settings, recents. */
function useBrowserState(services: PopupServices | undefined) {
  const [target, setTarget] = useState<TargetTab | undefined>();
  const [page, setPage] = useState<PageState>(
    services ? { status: 'loading' } : { status: 'unavailable', reason: 'Not available here.' },
  );
  const [recent, setRecent] = useState<string[]>([]);
  const [settings, setSettings] = useState<SettingsState>(
    services ? { status: 'loading' } : { status: 'error', message: 'Settings are not available here.' },
  );

  const loadPage = async (tab: TargetTab | undefined) => {
    if (!services || !tab) return;
    if (tab.status !== 'ok') {
      setPage({ status: 'unavailable', reason: 'Backstory is not running on this tab: it reads web pages only, and a page opened before Backstory was installed needs a reload.' });
      return;
    }
    setPage(await services.pageMentions(tab.tabId));
  };

  useEffect(() => {
    if (!services) return;
    let live = true;
    services.recentLookups().then((ids) => live && setRecent(ids), () => undefined);
    services.getSettings().then(
      (s) => live && setSettings({ status: 'ready', settings: s }),
      () => live && setSettings({ status: 'error', message: 'Backstory could not read its settings. Try reopening the popup.' }),
    );
    services.targetTab().then(
      async (tab) => {
        if (!live) return;
        setTarget(tab);
        await loadPage(tab);
      },
      () => live && setTarget({ status: 'not-web' }),
    );
    return () => {
      live = false;
    };
  }, [services]);

  return {
    target,
    page,
    recent,
    settings,
    remember(entity: string) {
      setRecent((current) => withRecent(current, entity));
      services?.rememberLookup(entity).catch(() => undefined);
    },
    async reveal(entity: string, index: number): Promise<boolean> {
      if (!services || target?.status !== 'ok') return false;
      return services.reveal(target.tabId, entity, index).catch(() => false);
    },
    changeSettings(change: (s: PopupServices) => Promise<ReaderSettings>) {
      if (!services) return;
      change(services).then(
        async (s) => {
          setSettings({ status: 'ready', settings: s });
          // The tab has applied the change by now (the background waits for it): recount its names.
          await loadPage(target);
        },
        () =>
          setSettings((current) => {
            const error = 'Backstory could not save that change; your settings are as they were.';
            return current.status === 'ready' ? { ...current, error } : { status: 'error', message: error };
          }),
      );
    },
  };
}

/**
 * The knowledge base the entity view reads: the entity's automatic contrasts and stance strip as
 * the background computed them from the reader's corpus, once it answers (the bundled ones until then).
 */
function useStoredAutomatic(kb: KnowledgeBase, entity: string | undefined, services: PopupServices | undefined): KnowledgeBase {
  const [stored, setStored] = useState<{ entity: string; value: EntityAutomatic | null } | undefined>(undefined);
  useEffect(() => {
    const ask = services?.entityAutomatic;
    if (!entity || !ask) return;
    let live = true;
    ask(entity).then((value) => live && setStored({ entity, value }), () => undefined);
    return () => {
      live = false;
    };
  }, [entity, services]);
  return useMemo(() => (entity && stored?.entity === entity ? withStoredAutomatic(kb, entity, stored.value) : kb), [kb, entity, stored]);
}

/** The reader's keep/dismiss on automatic contrasts, read once and replaced by each answer. */
function useContrastReviews(services: PopupServices | undefined) {
  const [decisions, setDecisions] = useState<ReviewDecision[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    services?.contrastReviews?.().then((list) => live && setDecisions(list), () => undefined);
    return () => {
      live = false;
    };
  }, [services]);
  return {
    props(entity: string): { decisions?: ReviewDecision[]; onReview?: OnReview } {
      const review = services?.reviewContrast;
      if (!review || !decisions) return {};
      return { decisions, onReview: (id, choice) => void review(entity, id, choice).then(setDecisions, () => undefined) };
    },
  };
}
