/**
 * The popup's search box and its results: an ARIA 1.2 combobox whose listbox updates on every
 * keystroke. Focus stays in the box; Arrow Up/Down move the active result, Enter opens it.
 * Results come in groups (names, documents, passages — or, with an empty box, recent lookups
 * and the names on this page), each showing the part that matched marked.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { LookupResult } from '../../lib/search/lookup';
import { typeLabel } from '../card/format';
import { MarkedText } from './MarkedText';

export interface LookupOption {
  /** Unique across the list (`resultKey`, prefixed by group for suggestions). */
  key: string;
  /** Heading of the group the option belongs to ("Names", "Recent lookups", ...). */
  group: string;
  result: LookupResult;
}

export interface LookupProps {
  query: string;
  options: LookupOption[];
  /** Index of the active option, or -1 for none. */
  active: number;
  onQuery(query: string): void;
  onActive(index: number): void;
  onChoose(option: LookupOption): void;
}

const LISTBOX_ID = 'bs-lookup-results';
const optionId = (i: number) => `bs-lookup-option-${i}`;

export function Lookup({ query, options, active, onQuery, onActive, onChoose }: LookupProps) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  // Focused on open, and again when the reader comes back from an entity.
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (active >= 0) list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (options.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onActive((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      onActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      // With a query, Enter opens the best result; with an empty box, only a chosen suggestion.
      const chosen = options[active >= 0 ? active : query.trim() ? 0 : -1];
      if (chosen) {
        event.preventDefault();
        onChoose(chosen);
      }
    }
  };

  const expanded = options.length > 0;
  const trimmed = query.trim();
  const groups = groupOptions(options);
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
          ? 'People, organisations, places and events of the news corpus, its documents and passages.'
          : options.length === 0
            ? `No names match “${trimmed}”.`
            : `${options.length} ${options.length === 1 ? 'result' : 'results'}`}
      </p>
      <div id={LISTBOX_ID} ref={list} role="listbox" aria-label="Results" class="bs-results" hidden={!expanded}>
        {groups.map(({ group, first, items }) => (
          <div key={group} role="group" aria-labelledby={`bs-group-${first}`} class="bs-result-group">
            <div id={`bs-group-${first}`} class="bs-result-group-label" role="presentation">
              {group}
            </div>
            {items.map((option, j) => {
              const i = first + j;
              return (
                <div
                  key={option.key}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  class={`bs-result bs-result-${option.result.kind}`}
                  // Keep focus in the box: a click chooses without moving it.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => i !== active && onActive(i)}
                  onClick={() => onChoose(option)}
                >
                  <ResultBody result={option.result} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}

function ResultBody({ result }: { result: LookupResult }) {
  switch (result.kind) {
    case 'entity': {
      const showAlias = result.matched !== result.name && !result.name.toLowerCase().includes(result.matched.toLowerCase());
      return (
        <>
          <span class="bs-result-name">
            <MarkedText text={result.name} spans={result.nameSpans} />
          </span>
          <span class="bs-chip">{typeLabel(result.type)}</span>
          {showAlias && (
            <span class="bs-result-alias bs-muted">
              matches “<MarkedText text={result.matched} spans={result.matchedSpans} />”
            </span>
          )}
        </>
      );
    }
    case 'document':
      return (
        <>
          <span class="bs-result-name">
            <MarkedText text={result.title} spans={result.titleSpans} />
          </span>
          <span class="bs-result-alias bs-muted">{result.outlet}</span>
        </>
      );
    case 'passage':
      return (
        <>
          <span class="bs-result-quote">
            <MarkedText text={result.excerpt} spans={result.excerptSpans} />
          </span>
          <span class="bs-result-alias bs-muted">{result.outlet}</span>
        </>
      );
  }
}

function groupOptions(options: LookupOption[]): { group: string; first: number; items: LookupOption[] }[] {
  const groups: { group: string; first: number; items: LookupOption[] }[] = [];
  options.forEach((option, i) => {
    const last = groups.at(-1);
    if (last && last.group === option.group) last.items.push(option);
    else groups.push({ group: option.group, first: i, items: [option] });
  });
  return groups;
}
