/**
 * The names Backstory learned from the reader's documents: each with its forms and how often
 * each is written, the documents naming it (opening them in the reader), whether pages mark it
 * and why, and the reader's edits — rename, change the type, merge with another, split a form
 * off, reject (with a list of rejected names to restore). Every edit goes to the background,
 * which learns again with it and tells open tabs; the list shown is the one it answers with.
 */
import { useMemo, useState } from 'preact/hooks';
import type { LearnedName, NameEditReply } from '../../lib/message-schemas-names';
import type { EntityRef, LearnedType, NameEdit } from '../../lib/names/types';

/** Names shown at first and added by "Show more". */
export const NAME_ROWS = 50;

const TYPES: { id: LearnedType; label: string }[] = [
  { id: 'person', label: 'Person' },
  { id: 'organization', label: 'Organisation' },
  { id: 'place', label: 'Place' },
  { id: 'other', label: 'Other' },
];

export interface LearnedNamesProps {
  names: LearnedName[];
  readerUrl(doc: string): string;
  onEdit(edit: NameEdit): Promise<NameEditReply>;
  onRestore(keys: string[]): Promise<NameEditReply>;
}

type Notice = { kind: 'status' | 'error'; text: string } | undefined;

export function refOf(name: LearnedName): EntityRef {
  return { id: name.id, keys: name.forms.map((f) => f.key) };
}

export function LearnedNames({ names: given, readerUrl, onEdit, onRestore }: LearnedNamesProps) {
  const [answered, setAnswered] = useState<{ given: LearnedName[]; names: LearnedName[] } | undefined>();
  // The background's answer to an edit until the page's next reload of the list.
  const names = answered?.given === given ? answered.names : given;
  const [limit, setLimit] = useState(NAME_ROWS);
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const listed = useMemo(() => names.filter((n) => !n.rejected), [names]);
  const rejected = useMemo(() => names.filter((n) => n.rejected), [names]);
  const shown = listed.slice(0, limit);

  const run = async (action: Promise<NameEditReply>, done: string) => {
    setBusy(true);
    try {
      const reply = await action;
      if (reply.ok) {
        setAnswered({ given, names: reply.names });
        setNotice({ kind: 'status', text: done });
      } else setNotice({ kind: 'error', text: reply.reason });
    } catch {
      setNotice({ kind: 'error', text: 'Backstory could not make that change; nothing was changed.' });
    } finally {
      setBusy(false);
    }
  };
  const edit = (e: NameEdit, done: string) => run(onEdit(e), done);

  return (
    <section class="bs-learned" aria-labelledby="bs-learned-title">
      <h2 id="bs-learned-title">
        Names learned from your documents <span class="bs-muted">({listed.length.toLocaleString('en-US')})</span>
      </h2>
      <p class="bs-muted">
        People, organisations and places your documents name that Backstory did not know. Those marked on pages have a card quoting
        your documents. Correct any that are wrong: your edits are kept when documents are added again, and travel in exported packs.
      </p>
      <p class={`bs-documents-notice${notice?.kind === 'error' ? ' bs-documents-error' : ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text}
      </p>
      {listed.length === 0 ? (
        <p class="bs-muted">No names learned yet: they come from the documents you add or import.</p>
      ) : (
        <>
          <ul class="bs-learned-list" aria-label="Learned names">
            {shown.map((n) => (
              <LearnedNameItem key={n.id} name={n} others={listed} readerUrl={readerUrl} busy={busy} onEdit={edit} />
            ))}
          </ul>
          {shown.length < listed.length && (
            <button type="button" class="bs-button" onClick={() => setLimit(limit + NAME_ROWS)}>
              Show {Math.min(NAME_ROWS, listed.length - shown.length).toLocaleString('en-US')} more of{' '}
              {(listed.length - shown.length).toLocaleString('en-US')}
            </button>
          )}
        </>
      )}
      {rejected.length > 0 && (
        <>
          <h3>Rejected names</h3>
          <ul class="bs-learned-list" aria-label="Rejected names">
            {rejected.map((n) => (
              <li key={n.id} class="bs-learned-name">
                <span class="bs-learned-title">{n.name}</span> <span class="bs-muted">{n.forms.map((f) => f.text).join(', ')}</span>{' '}
                <button
                  type="button"
                  class="bs-button"
                  disabled={busy}
                  onClick={() => void run(onRestore(n.forms.map((f) => f.key)), `Restored “${n.name}”: it is learned and marked again.`)}
                >
                  Restore<span class="bs-visually-hidden"> “{n.name}”</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface ItemProps {
  name: LearnedName;
  others: LearnedName[];
  readerUrl(doc: string): string;
  busy: boolean;
  onEdit(edit: NameEdit, done: string): Promise<void>;
}

function LearnedNameItem({ name: n, others, readerUrl, busy, onEdit }: ItemProps) {
  const [renaming, setRenaming] = useState<string | undefined>();
  const [merging, setMerging] = useState<string | undefined>();
  const ref = refOf(n);
  const id = `bs-learned-${n.id.replace(/[^a-z0-9-]/gi, '-')}`;
  const mergeable = others.filter((o) => o.id !== n.id && !o.known);
  return (
    <li class="bs-learned-name" aria-labelledby={`${id}-name`}>
      <p class="bs-learned-head">
        <span id={`${id}-name`} class="bs-learned-title">
          {n.name}
        </span>{' '}
        {n.known ? (
          <span class="bs-muted">new spellings of {n.known.name}</span>
        ) : (
          <span class="bs-chip">{TYPES.find((t) => t.id === n.type)?.label ?? n.type}</span>
        )}{' '}
        <span class={n.active ? 'bs-learned-marked' : 'bs-muted'}>{n.active ? 'marked on pages' : `not marked: ${n.reason}`}</span>
      </p>
      {n.definition && <blockquote class="bs-learned-definition">{n.definition}</blockquote>}
      <p class="bs-learned-meta">
        <span>Written as:</span>
        {n.forms.map((f) => (
          <span key={f.key} class="bs-learned-form">
            {f.text} <span class="bs-muted">({f.count.toLocaleString('en-US')})</span>
            {n.forms.length > 1 && (
              <button
                type="button"
                class="bs-link-button"
                disabled={busy}
                onClick={() => void onEdit({ kind: 'split', entity: ref, key: f.key }, `Split “${f.text}” off “${n.name}”.`)}
              >
                split off<span class="bs-visually-hidden"> “{f.text}” from “{n.name}”</span>
              </button>
            )}
          </span>
        ))}
      </p>
      <p class="bs-learned-meta">
        <span>
          Named in {n.documentCount.toLocaleString('en-US')} {n.documentCount === 1 ? 'document' : 'documents'}:
        </span>
        {n.documents.map((d) => (
          <a key={d.id} href={readerUrl(d.id)} target="_blank" rel="noopener">
            {d.title}
          </a>
        ))}
        {n.documentCount > n.documents.length && <span class="bs-muted">and {(n.documentCount - n.documents.length).toLocaleString('en-US')} more</span>}
      </p>
      <div class="bs-learned-actions">
        {renaming === undefined ? (
          <button type="button" class="bs-button" disabled={busy} onClick={() => setRenaming(n.name)}>
            Rename<span class="bs-visually-hidden"> “{n.name}”</span>
          </button>
        ) : (
          <form
            class="bs-learned-form-row"
            onSubmit={(e) => {
              e.preventDefault();
              const next = renaming.trim();
              setRenaming(undefined);
              if (next && next !== n.name) void onEdit({ kind: 'rename', entity: ref, name: next }, `Renamed “${n.name}” to “${next}”.`);
            }}
            onKeyDown={(e) => e.key === 'Escape' && setRenaming(undefined)}
          >
            <label class="bs-field">
              New name for “{n.name}”
              <input type="text" value={renaming} maxLength={300} ref={(i) => i?.focus()} onInput={(e) => setRenaming(e.currentTarget.value)} />
            </label>
            <button type="submit" class="bs-button" disabled={busy || !renaming.trim()}>
              Save
            </button>
            <button type="button" class="bs-button" onClick={() => setRenaming(undefined)}>
              Cancel
            </button>
          </form>
        )}
        {!n.known && (
          <span class="bs-outlet-choice">
            <select
              value={n.type}
              disabled={busy}
              aria-label={`Type of “${n.name}”`}
              onChange={(e) => {
                const type = e.currentTarget.value as LearnedType;
                void onEdit({ kind: 'retype', entity: ref, type }, `“${n.name}” is now a ${TYPES.find((t) => t.id === type)?.label.toLowerCase()}.`);
              }}
            >
              {TYPES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </span>
        )}
        {mergeable.length > 0 &&
          (merging === undefined ? (
            <button type="button" class="bs-button" disabled={busy} onClick={() => setMerging(mergeable[0]!.id)}>
              Merge<span class="bs-visually-hidden"> “{n.name}”</span> with…
            </button>
          ) : (
            <form
              class="bs-learned-form-row"
              onSubmit={(e) => {
                e.preventDefault();
                const other = mergeable.find((o) => o.id === merging);
                setMerging(undefined);
                if (other) void onEdit({ kind: 'merge', entities: [ref, refOf(other)] }, `Merged “${other.name}” into “${n.name}”.`);
              }}
              onKeyDown={(e) => e.key === 'Escape' && setMerging(undefined)}
            >
              <label class="bs-field">
                Merge “{n.name}” with
                <select value={merging} ref={(s) => s?.focus()} onChange={(e) => setMerging(e.currentTarget.value)}>
                  {mergeable.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" class="bs-button" disabled={busy}>
                Merge
              </button>
              <button type="button" class="bs-button" onClick={() => setMerging(undefined)}>
                Cancel
              </button>
            </form>
          ))}
        <button
          type="button"
          class="bs-button bs-button-danger"
          disabled={busy}
          onClick={() => void onEdit({ kind: 'reject', entity: ref }, `Rejected “${n.name}”: it is no longer marked on pages.`)}
        >
          Reject<span class="bs-visually-hidden"> “{n.name}”</span>
        </button>
      </div>
    </li>
  );
}
