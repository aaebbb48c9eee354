/**
 * The toolbar popup: lookup, then one entity's view, and back to the same results. Reads the
 * bundled knowledge base directly, so it opens with everything there, no spinner.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KnowledgeBase } from '../../lib/kb/types';
import { buildEntityIndex, type SearchIndex, type SearchResult } from '../../lib/search';
import type { ReaderHref } from '../shared/Citation';
import { EntityView } from './EntityView';
import { HighlightsView } from './HighlightsView';
import type { HighlightsClient } from './highlights-client';
import { Lookup } from './Lookup';
import './popup.css';

export interface PopupProps {
  kb: KnowledgeBase;
  readerHref: ReaderHref;
  /** Saved highlights (issue 6): absent → no Highlights view (e.g. in lookup-only tests). */
  highlights?: { client: HighlightsClient; download: (filename: string, text: string, type: string) => void };
}

export function Popup({ kb, readerHref, highlights }: PopupProps) {
  const [showHighlights, setShowHighlights] = useState(false);
  const index = useRef<{ kb: KnowledgeBase; index: SearchIndex } | undefined>(undefined);
  const indexFor = (current: KnowledgeBase): SearchIndex => {
    if (index.current?.kb !== current) {
      const start = performance.now();
      index.current = { kb: current, index: buildEntityIndex(current.entities) };
      // Shows in the popup's performance timeline; the budget is 30 ms (test/search).
      performance.measure?.('backstory:search-index', { start, end: performance.now() });
    }
    return index.current.index;
  };
  // Built right after the first paint, so the box shows at once; a reader who types before
  // then gets it built on that keystroke.
  useEffect(() => {
    const timer = setTimeout(() => indexFor(kb), 0);
    return () => clearTimeout(timer);
  }, [kb]);

  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [entityId, setEntityId] = useState<string | undefined>();
  const results = useMemo(() => (query.trim() ? indexFor(kb).search(query) : []), [kb, query]);

  if (highlights && showHighlights) {
    const names = new Map(kb.entities.map((e) => [e.id, e.name]));
    return (
      <main class="bs-popup">
        <HighlightsView {...highlights} entityName={(id) => names.get(id) ?? id} onBack={() => setShowHighlights(false)} />
      </main>
    );
  }
  if (entityId) {
    return (
      <main class="bs-popup">
        <EntityView kb={kb} entityId={entityId} readerHref={readerHref} onBack={() => setEntityId(undefined)} onOpen={setEntityId} />
      </main>
    );
  }
  return (
    <main class="bs-popup">
      {highlights && (
        <nav class="bs-popup-nav" aria-label="Views">
          <button type="button" onClick={() => setShowHighlights(true)}>
            Highlights
          </button>
        </nav>
      )}
      <Lookup
        query={query}
        results={results}
        active={active}
        onQuery={(q) => {
          setQuery(q);
          setActive(-1);
        }}
        onActive={setActive}
        onChoose={(result: SearchResult) => {
          setActive(results.indexOf(result));
          setEntityId(result.id);
        }}
      />
    </main>
  );
}
