/**
 * What an import did, item by item: the refused files by name with the reason, the duplicates
 * with the document each duplicates, and (cancelled or interrupted) what was not added. The
 * one-line count is `importSummaryText`, which the panel's `role="status"` region announces.
 */
import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { Refusal } from '../../lib/corpus/draft';
import type { ImportOutcome } from './import-run';
import type { NotAdded } from './services';

/** Longer lists show this many items until the reader asks for the rest. */
export const LIST_PREVIEW = 50;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Import finished: 7 documents added, 1 skipped as a duplicate, 2 refused." */
export function importSummaryText({ status, refused, unread }: ImportOutcome): string {
  const refusedCount = refused.length + status.refused.length;
  const counts = `${plural(status.added, 'document', 'documents')} added, ${plural(status.skipped.length, 'skipped as a duplicate', 'skipped as duplicates')}, ${refusedCount.toLocaleString('en-US')} refused`;
  const notAdded = status.notAdded.length + unread.length;
  switch (status.state) {
    case 'done':
      return `Import finished: ${counts}.`;
    case 'cancelled':
      return `Import cancelled: ${counts}; ${plural(notAdded, 'item', 'items')} not added.`;
    case 'failed':
      return `Import stopped: ${status.error ?? 'Backstory could not go on'}. ${counts}; ${plural(notAdded, 'item', 'items')} not added. Everything added before it stopped is whole.`;
    default:
      return `Import interrupted: ${counts}; ${plural(notAdded, 'item', 'items')} not added yet.`;
  }
}

function itemName(item: { name: string; line?: number }): string {
  return item.line ? `${item.name}, line ${item.line}` : item.name;
}

export function ImportSummary({
  outcome,
  ignored,
  readerLink,
}: {
  outcome: ImportOutcome;
  /** Files in dropped folders that were not documents. */
  ignored: number;
  readerLink(doc: string, title: string): ComponentChild;
}) {
  const refused: Refusal[] = [...outcome.refused, ...outcome.status.refused];
  const notAdded: NotAdded[] = [...outcome.status.notAdded, ...outcome.unread.map((name) => ({ name }))];
  return (
    <div class="bs-import-details">
      {refused.length > 0 && (
        <ItemList title="Refused" items={refused} render={(r) => <><span class="bs-item-name">{itemName(r)}</span>: {r.reason}</>} />
      )}
      {outcome.status.skipped.length > 0 && (
        <ItemList
          title="Skipped as duplicates"
          items={outcome.status.skipped}
          render={(s) => (
            <>
              <span class="bs-item-name">{itemName(s)}</span> (“{s.title}”): already in your corpus as {readerLink(s.duplicateOf.doc, s.duplicateOf.title)}
            </>
          )}
        />
      )}
      {notAdded.length > 0 && (
        <ItemList
          title="Not added"
          items={notAdded}
          render={(n) => (
            <>
              <span class="bs-item-name">{itemName(n)}</span>
              {n.title && ` (“${n.title}”)`}
            </>
          )}
        />
      )}
      {ignored > 0 && (
        <p class="bs-muted">
          {plural(ignored, 'other file in the folders was', 'other files in the folders were')} not a document (scripts, styles,
          images) and {ignored === 1 ? 'was' : 'were'} left out.
        </p>
      )}
    </div>
  );
}

function ItemList<T>({ title, items, render }: { title: string; items: readonly T[]; render(item: T): ComponentChild }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, LIST_PREVIEW);
  return (
    <div class="bs-import-list">
      <h3 class="bs-import-list-title">
        {title} ({items.length.toLocaleString('en-US')})
      </h3>
      <ul>
        {shown.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" class="bs-button" onClick={() => setAll(true)}>
          Show all {items.length.toLocaleString('en-US')}
        </button>
      )}
    </div>
  );
}
