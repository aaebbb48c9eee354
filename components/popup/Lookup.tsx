/**
 * The popup's search box and its results: an ARIA 1.2 combobox whose listbox updates on every
 * keystroke. Focus stays in the box; Arrow Up/Down move the active result, Enter opens it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SearchResult } from '../../lib/search';
import { typeLabel } from '../card/format';

export interface LookupProps {
  query: string;
  results: SearchResult[];
  /** Index of the active result, or -1 for none. */
  active: number;
  onQuery(query: string): void;
  onActive(index: number): void;
  onChoose(result: SearchResult): void;
}

const LISTBOX_ID = 'bs-lookup-results';
const optionId = (i: number) => `bs-lookup-option-${i}`;

export function Lookup({ query, results, active, onQuery, onActive, onChoose }: LookupProps) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // Focused on open, and again when the reader comes back from an entity.
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (active >= 0) list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (results.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onActive((active + 1) % results.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      onActive(active <= 0 ? results.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      const chosen = results[active >= 0 ? active : 0];
      if (chosen) {
        event.preventDefault();
        onChoose(chosen);
      }
    }
  };

  const expanded = results.length > 0;
  const trimmed = query.trim();
  return (
    <section class="bs-lookup" aria-label="Lookup">
      <label for="bs-lookup-input" class="bs-lookup-label">
        Look up a name
      </label>
      <input
        id="bs-lookup-input"
        ref={input}
        type="search"
        // Preact's types only allow role="combobox" on an input with a datalist; ARIA 1.2 allows
        // it on any search input, and the popup's listbox is ours, not a datalist.
        list={undefined}
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-controls={LISTBOX_ID}
        aria-expanded={expanded}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby="bs-lookup-status"
        placeholder="Kadhimi, PMU, Soleimani…"
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id="bs-lookup-status" class="bs-lookup-status bs-muted" role="status">
        {trimmed === ''
          ? 'People, organisations, places and events of the news corpus.'
          : results.length === 0
            ? `No names match “${trimmed}”.`
            : `${results.length} ${results.length === 1 ? 'result' : 'results'}`}
      </p>
      <ul id={LISTBOX_ID} ref={list} role="listbox" aria-label="Names found" class="bs-results" hidden={!expanded}>
        {results.map((result, i) => (
          <li
            key={result.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class="bs-result"
            // Keep focus in the box: a click chooses without moving it.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => i !== active && onActive(i)}
            onClick={() => onChoose(result)}
          >
            <span class="bs-result-name">{result.name}</span>
            <span class="bs-chip">{typeLabel(result.type)}</span>
            {!result.name.toLowerCase().includes(result.matched.toLowerCase()) && (
              <span class="bs-result-alias bs-muted">matches “{result.matched}”</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
