/**
 * The popup's Highlights view: the reader's saved highlights, newest first; search,
 * filter by entity and site; open one (its page, scrolled to it); edit note and tags; delete
 * with undo; orphans (not found on their page the last time it was open) flagged but listed
 * with their text; export Markdown or JSON; import JSON with a report of what it did.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { excerpt } from '../../lib/page/blocks';
import type { HighlightRow } from '../../lib/storage/types';
import { PassageText } from '../highlights/PassageText';
import { filterHighlights, parseTags } from './highlight-filter';
import type { HighlightsClient } from './highlights-client';

export interface HighlightsViewProps {
  client: HighlightsClient;
  entityName: (id: string) => string;
  /** Hand a file to the reader (a download in the popup). */
  download: (filename: string, text: string, type: string) => void;
  onBack?: () => void;
}

type Notice = { kind: 'status' | 'error'; text: string; undo?: HighlightRow } | null;

export function HighlightsView({ client, entityName, download, onBack }: HighlightsViewProps) {
  const [rows, setRows] = useState<HighlightRow[] | null>(null);
  const [query, setQuery] = useState('');
  const [entity, setEntity] = useState('');
  const [site, setSite] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const reload = () =>
    client('highlights/list', {}).then(
      (list) => setRows(list ?? []),
      () => setNotice({ kind: 'error', text: 'Could not read your highlights.' }),
    );
  useEffect(() => {
    void reload();
    // Ask the browser not to evict the database under storage pressure, where it allows that.
    void navigator.storage?.persist?.().catch(() => false);
  }, []);

  const entities = useMemo(() => uniqueSorted((rows ?? []).flatMap((h) => h.entities), entityName), [rows]);
  const sites = useMemo(() => uniqueSorted((rows ?? []).map((h) => h.site).filter(Boolean), (s) => s), [rows]);
  const shown = useMemo(() => filterHighlights(rows ?? [], { query, entity, site }, entityName), [rows, query, entity, site]);

  const remove = async (h: HighlightRow) => {
    const deleted = await client('highlights/delete', { id: h.id });
    if (!deleted) return;
    setRows((current) => (current ?? []).filter((r) => r.id !== h.id));
    setNotice({ kind: 'status', text: 'Highlight deleted.', undo: deleted });
  };
  const undo = async (h: HighlightRow) => {
    const result = await client('highlights/restore', { highlight: h });
    setNotice(result.ok ? { kind: 'status', text: 'Highlight restored.' } : { kind: 'error', text: result.error ?? 'Could not restore.' });
    await reload();
  };
  const exportAs = async (format: 'json' | 'markdown') => {
    const file = await client('highlights/export', { format });
    download(file.filename, file.text, format === 'json' ? 'application/json' : 'text/markdown');
  };
  const importFile = async (file: File) => {
    const text = await file.text();
    const result = await client('highlights/import', { text });
    if (!result) {
      setNotice({ kind: 'error', text: 'The file could not be imported; nothing was changed.' });
      return;
    }
    setNotice(
      result.ok
        ? { kind: 'status', text: `Imported ${result.added} new, ${result.updated} updated; ${result.unchanged} already there.` }
        : { kind: 'error', text: `Nothing imported: ${result.error}` },
    );
    await reload();
  };

  return (
    <section class="bs-highlights" aria-labelledby="bs-highlights-title">
      <header class="bs-highlights-header">
        {onBack && (
          <button type="button" class="bs-back" onClick={onBack}>
            ← Lookup
          </button>
        )}
        <h1 id="bs-highlights-title" class="bs-highlights-title">
          Highlights
        </h1>
      </header>
      <div class="bs-highlights-tools">
        <label class="bs-field">
          Search highlights
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label class="bs-field">
          Entity
          <select value={entity} onChange={(e) => setEntity(e.currentTarget.value)}>
            <option value="">Any entity</option>
            {entities.map((id) => (
              <option key={id} value={id}>
                {entityName(id)}
              </option>
            ))}
          </select>
        </label>
        <label class="bs-field">
          Site
          <select value={site} onChange={(e) => setSite(e.currentTarget.value)}>
            <option value="">Any site</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="bs-highlights-notice" role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice && (
          <>
            {notice.text}
            {notice.undo && (
              <button type="button" class="bs-undo" onClick={() => void undo(notice.undo!)}>
                Undo
              </button>
            )}
          </>
        )}
      </div>
      {rows === null ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p class="bs-highlights-empty">
          {rows.length === 0 ? 'No highlights yet. Select text on a page and choose “Save highlight to Backstory”.' : 'No highlight matches.'}
        </p>
      ) : (
        <ul class="bs-highlight-list" aria-label="Saved highlights">
          {shown.map((h) =>
            editing === h.id ? (
              <HighlightEditor
                key={h.id}
                highlight={h}
                onCancel={() => setEditing(null)}
                onSave={async (note, tags) => {
                  const updated = await client('highlights/update', { id: h.id, note, tags });
                  if (updated) setRows((current) => (current ?? []).map((r) => (r.id === h.id ? updated : r)));
                  setEditing(null);
                }}
              />
            ) : (
              <HighlightItem
                key={h.id}
                highlight={h}
                entityName={entityName}
                onOpen={() => void client('highlights/open', { id: h.id })}
                onEdit={() => setEditing(h.id)}
                onDelete={() => void remove(h)}
              />
            ),
          )}
        </ul>
      )}
      <footer class="bs-highlights-footer">
        <button type="button" onClick={() => void exportAs('markdown')}>
          Export Markdown
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <label class="bs-import">
          Import JSON
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </footer>
    </section>
  );
}

function HighlightItem(props: {
  highlight: HighlightRow;
  entityName: (id: string) => string;
  onOpen: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const h = props.highlight;
  const orphan = h.anchor?.status === 'orphan';
  return (
    <li class={orphan ? 'bs-highlight bs-highlight-orphan' : 'bs-highlight'} data-highlight={h.id}>
      <blockquote class="bs-highlight-quote">
        <PassageText passage={h.quote} />
      </blockquote>
      {orphan && <p class="bs-highlight-orphan-note">Orphan: not found on its page when last opened.</p>}
      {h.note && <p class="bs-highlight-note">{h.note}</p>}
      <p class="bs-highlight-meta">
        <span title={h.url}>{h.title || h.site}</span> · {h.site} · <time dateTime={new Date(h.createdAt).toISOString()}>{new Date(h.createdAt).toLocaleDateString()}</time>
      </p>
      {(h.entities.length > 0 || h.tags.length > 0) && (
        <p class="bs-highlight-chips">
          {h.entities.map((id) => (
            <span key={id} class="bs-chip">
              {props.entityName(id)}
            </span>
          ))}
          {h.tags.map((t) => (
            <span key={t} class="bs-chip bs-tag">
              #{t}
            </span>
          ))}
        </p>
      )}
      <div class="bs-highlight-actions">
        <button type="button" onClick={props.onOpen} aria-label={`Open: ${excerpt(h.quote, 40)}`}>
          Open
        </button>
        <button type="button" onClick={props.onEdit} aria-label={`Edit note and tags: ${excerpt(h.quote, 40)}`}>
          Edit
        </button>
        <button type="button" onClick={props.onDelete} aria-label={`Delete: ${excerpt(h.quote, 40)}`}>
          Delete
        </button>
      </div>
    </li>
  );
}

function HighlightEditor(props: { highlight: HighlightRow; onSave: (note: string, tags: string[]) => void; onCancel: () => void }) {
  const [note, setNote] = useState(props.highlight.note);
  const [tags, setTags] = useState(props.highlight.tags.join(', '));
  return (
    <li class="bs-highlight bs-highlight-editing">
      <blockquote class="bs-highlight-quote">
        <PassageText passage={props.highlight.quote} />
      </blockquote>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave(note.trim(), parseTags(tags));
        }}
      >
        <label class="bs-field">
          Note
          <textarea value={note} rows={3} maxLength={20_000} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <label class="bs-field">
          Tags (comma-separated)
          <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
        <div class="bs-highlight-actions">
          <button type="submit">Save</button>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}

function uniqueSorted(values: string[], label: (v: string) => string): string[] {
  return [...new Set(values)].sort((a, b) => label(a).localeCompare(label(b)));
}
