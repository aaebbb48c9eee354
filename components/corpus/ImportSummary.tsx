/**
 * What an import did, item by item: the refused files by name with the reason, the duplicates
 * with the document each duplicates, and (cancelled, stopped or interrupted) what was not added.
 * The one-line count is `importSummaryText`, which the import panel's `role="status"` region
 * announces.
 */
import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { Duplicate } from '../../lib/messages';
import type { ImportStatus } from './services';

/** Longer lists show this many items until the reader asks for the rest. */
export const LIST_PREVIEW = 50;

const number = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

/** "Import finished: 7 documents added, 1 skipped as a duplicate, 2 refused." */
export function importSummaryText(status: ImportStatus): string {
  const counts = `${plural(status.added, 'document', 'documents')} added, ${plural(status.duplicates, 'skipped as a duplicate', 'skipped as duplicates')}, ${number(status.refused)} refused`;
  const notAdded = plural(status.notAdded, 'item', 'items');
  switch (status.state) {
    case 'done':
      return `Import finished: ${counts}.`;
    case 'cancelled':
      return `Import cancelled: ${counts}; ${notAdded} not added.`;
    case 'stopped':
      return `Import stopped: ${status.error ?? 'Backstory could not go on'}. ${counts}; ${notAdded} not added. Everything added before it stopped is whole.`;
    case 'interrupted':
      return `Import interrupted: ${counts}; ${notAdded} not added.`;
    default:
      return `Import under way: ${counts} so far.`;
  }
}

const DUPLICATE_WORDS: Record<Duplicate['reason'], string> = {
  address: 'the same address',
  text: 'the same text',
  document: 'the same article in another layout',
  copy: 'a copy of it',
};

function itemName(item: { name: string; line?: number }): string {
  return item.line ? `${item.name}, line ${item.line}` : item.name;
}

export function ImportSummary({
  status,
  ignored = 0,
  readerLink,
}: {
  status: ImportStatus;
  /** Files in dropped folders that were not documents. */
  ignored?: number;
  readerLink(doc: string, title: string): ComponentChild;
}) {
  return (
    <div class="bs-import-details">
      <ItemList
        title="Refused"
        count={status.refused}
        items={status.refusedList}
        render={(r) => (
          <>
            <span class="bs-item-name">{itemName(r)}</span>: {r.reason}
          </>
        )}
      />
      <ItemList
        title="Skipped as duplicates"
        count={status.duplicates}
        items={status.duplicateList}
        render={(d) => (
          <>
            <span class="bs-item-name">{itemName(d)}</span>: already in your documents as {readerLink(d.doc, d.title)} ({DUPLICATE_WORDS[d.reason]})
          </>
        )}
      />
      <ItemList title="Not added" count={status.notAdded} items={status.notAddedList} render={(n) => <span class="bs-item-name">{itemName(n)}</span>} />
      {ignored > 0 && (
        <p class="bs-muted">
          {plural(ignored, 'other file in the folders was', 'other files in the folders were')} not a document (scripts, styles,
          images) and {ignored === 1 ? 'was' : 'were'} left out.
        </p>
      )}
    </div>
  );
}

function ItemList<T>({ title, count, items, render }: { title: string; count: number; items: readonly T[]; render(item: T): ComponentChild }) {
  const [all, setAll] = useState(false);
  if (count === 0 && items.length === 0) return null;
  const shown = all ? items : items.slice(0, LIST_PREVIEW);
  return (
    <div class="bs-import-list">
      <h3 class="bs-import-list-title">
        {title} ({number(Math.max(count, items.length))})
      </h3>
      <ul>
        {shown.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" class="bs-button" onClick={() => setAll(true)}>
          Show all {number(items.length)}
        </button>
      )}
      {count > items.length && <p class="bs-muted">{plural(count - items.length, 'more is', 'more are')} not listed.</p>}
    </div>
  );
}
