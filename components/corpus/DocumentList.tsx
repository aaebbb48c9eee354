/**
 * The documents of the corpus: title (opening it in the reader), outlet and domain, date,
 * perspective or "perspective not labelled", how many names Backstory found in it. Searchable;
 * select some to export them as a corpus pack; remove one (or the selected) after a
 * confirmation that says what goes — its accounts, everywhere — and what stays: highlights.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatIsoDate } from '../card/format';
import { filterDocuments, searchable } from './document-filter';
import type { DocumentSummary, PackSummary } from './services';

/** Rows shown at first and added by "Show more": 10,000 rows at once would stall the page. */
export const PAGE_ROWS = 50;

export interface DocumentListProps {
  documents: DocumentSummary[];
  packs: PackSummary[];
  readerUrl(doc: string): string;
  onRemove(ids: string[]): Promise<void>;
  onExport(ids: string[] | undefined): Promise<void>;
}

type Notice = { kind: 'status' | 'error'; text: string } | undefined;

export function DocumentList({ documents, packs, readerUrl, onRemove, onExport }: DocumentListProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE_ROWS);
  const [confirming, setConfirming] = useState<string[] | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const index = useMemo(() => searchable(documents), [documents]);
  const matches = useMemo(() => filterDocuments(index, query), [index, query]);
  const shown = matches.slice(0, limit);
  const packTitle = useMemo(() => new Map(packs.map((p) => [p.id, p.title])), [packs]);
  const titleOf = useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents]);

  // Selection and a pending removal only ever name documents that still exist.
  useEffect(() => {
    setSelected((current) => new Set([...current].filter((id) => titleOf.has(id))));
  }, [titleOf]);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const remove = async (ids: string[]) => {
    setConfirming(undefined);
    const what = ids.length === 1 ? `“${titleOf.get(ids[0]!) ?? ids[0]}”` : `${ids.length.toLocaleString('en-US')} documents`;
    try {
      await onRemove(ids);
      setNotice({ kind: 'status', text: `Removed ${what}. Its accounts are gone from cards, lookup and the reader; your highlights stay.` });
    } catch {
      setNotice({ kind: 'error', text: `Could not remove ${what}; nothing was changed.` });
    }
  };
  const exportPack = async (ids: string[] | undefined) => {
    try {
      await onExport(ids);
      setNotice({ kind: 'status', text: `Exported ${ids ? `${ids.length.toLocaleString('en-US')} selected` : 'all'} documents as a corpus pack.` });
    } catch {
      setNotice({ kind: 'error', text: 'Could not export the corpus pack.' });
    }
  };

  const selectedIds = [...selected];
  return (
    <section class="bs-documents" aria-labelledby="bs-documents-title">
      <h2 id="bs-documents-title">
        Documents <span class="bs-muted">({documents.length.toLocaleString('en-US')})</span>
      </h2>
      <div class="bs-documents-tools">
        <label class="bs-field bs-documents-search">
          Search your documents
          <input
            type="search"
            value={query}
            placeholder="Title, outlet, site or perspective"
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setLimit(PAGE_ROWS);
            }}
          />
        </label>
        <div class="bs-documents-actions">
          <button type="button" class="bs-button" disabled={documents.length === 0} onClick={() => void exportPack(undefined)}>
            Export all
          </button>
          <button type="button" class="bs-button" disabled={selectedIds.length === 0} onClick={() => void exportPack(selectedIds)}>
            Export selected ({selectedIds.length.toLocaleString('en-US')})
          </button>
          <button type="button" class="bs-button" disabled={selectedIds.length === 0} onClick={() => setConfirming(selectedIds)}>
            Remove selected…
          </button>
        </div>
      </div>
      <p class={`bs-documents-notice${notice?.kind === 'error' ? ' bs-documents-error' : ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text}
      </p>
      {confirming && confirming.length > 1 && (
        <ConfirmRemove count={confirming.length} onConfirm={() => void remove(confirming)} onKeep={() => setConfirming(undefined)} />
      )}
      {documents.length === 0 ? (
        <p class="bs-muted">No documents yet. Add the page you are reading from Backstory’s popup, or import files above.</p>
      ) : matches.length === 0 ? (
        <p class="bs-muted">No document matches “{query}”.</p>
      ) : (
        <>
          {query && (
            <p class="bs-muted bs-documents-count">
              {matches.length.toLocaleString('en-US')} of {documents.length.toLocaleString('en-US')} documents match.
            </p>
          )}
          <ul class="bs-document-list" aria-label="Your documents">
            {shown.map((d) => (
              <li key={d.id} class="bs-document">
                <input
                  type="checkbox"
                  class="bs-document-select"
                  checked={selected.has(d.id)}
                  aria-label={`Select “${d.title}”`}
                  onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                />
                <div class="bs-document-body">
                  <a class="bs-document-title" href={readerUrl(d.id)} target="_blank" rel="noopener">
                    {d.title}
                  </a>
                  <p class="bs-document-meta">
                    <span>{d.outlet}</span>
                    {d.domain && d.domain !== d.outlet && <span class="bs-muted">{d.domain}</span>}
                    <span>{d.published ? formatIsoDate(d.published) : <span class="bs-muted">no date</span>}</span>
                    {d.perspective ? (
                      <span class="bs-chip">{d.perspective.label}</span>
                    ) : (
                      <span class="bs-unlabelled">perspective not labelled</span>
                    )}
                    <span class="bs-muted">
                      {d.names.toLocaleString('en-US')} {d.names === 1 ? 'name' : 'names'} found
                    </span>
                    {d.pack && <span class="bs-muted">{packTitle.get(d.pack) ?? d.pack}</span>}
                  </p>
                  {confirming?.length === 1 && confirming[0] === d.id && (
                    <ConfirmRemove title={d.title} onConfirm={() => void remove([d.id])} onKeep={() => setConfirming(undefined)} />
                  )}
                </div>
                <button type="button" class="bs-button bs-document-remove" aria-label={`Remove “${d.title}”`} onClick={() => setConfirming([d.id])}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {shown.length < matches.length && (
            <button type="button" class="bs-button" onClick={() => setLimit(limit + PAGE_ROWS)}>
              Show {Math.min(PAGE_ROWS, matches.length - shown.length).toLocaleString('en-US')} more of{' '}
              {(matches.length - shown.length).toLocaleString('en-US')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** "Remove …?" with what goes and what stays; focus on the confirming button. */
function ConfirmRemove({ title, count, onConfirm, onKeep }: { title?: string; count?: number; onConfirm(): void; onKeep(): void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const what = title ? `“${title}”` : `${(count ?? 0).toLocaleString('en-US')} documents`;
  return (
    <div class="bs-confirm" role="group" aria-label={`Remove ${what}?`} onKeyDown={(e) => e.key === 'Escape' && onKeep()}>
      <p>
        Remove {what}? {title ? 'Its' : 'Their'} passages and accounts leave cards, lookup, the reader and “On this page”. Your
        highlights stay.
      </p>
      <button ref={confirm} type="button" class="bs-button bs-button-danger" onClick={onConfirm}>
        {title ? 'Remove document' : 'Remove documents'}
      </button>{' '}
      <button type="button" class="bs-button" onClick={onKeep}>
        Keep
      </button>
    </div>
  );
}
