/**
 * *Your documents*' `CorpusServices` in the browser: every
 * write is a `corpus/*` message to the background (the one builder), the list and the export
 * come from the corpus reader (the page reads IndexedDB itself: no message carries the corpus),
 * and the background's broadcasts (`toPages`) say when to read again.
 */
import { browser } from 'wxt/browser';
import type { CorpusServices, DocumentSummary } from '../../components/corpus/services';
import { downloadText } from '../../components/shared/download';
import { toPages } from '../../lib/messages';
import type { CorpusReader } from '../../lib/storage/corpus-reader';
import { receiveBroadcasts } from '../../lib/messaging';
import { askBackground as ask } from '../popup/background-client';
import { readerUrl } from './add-page-services';

/** What the page reads from the corpus without a message. */
export interface CorpusReading {
  listDocuments(): Promise<DocumentSummary[]>;
  exportPack(ids?: string[]): Promise<{ filename: string; text: string }>;
}

/** Every document, newest first (the list pages and searches them itself: 10,000 summaries are ~2 MB). */
export async function allDocuments(reader: Pick<CorpusReader, 'listDocuments'>): Promise<DocumentSummary[]> {
  const first = await reader.listDocuments({ limit: 1 });
  return first.total <= 1 ? first.documents : (await reader.listDocuments({ limit: first.total })).documents;
}

function onBroadcast(handlers: Parameters<typeof receiveBroadcasts<typeof toPages>>[1]): () => void {
  return receiveBroadcasts(toPages, handlers, browser.runtime.onMessage, browser.runtime.id);
}

export function createCorpusServices(reading: CorpusReading): CorpusServices {
  return {
    async list() {
      const [documents, packs, registry, names] = await Promise.all([
        reading.listDocuments(),
        ask('corpus/packs', {}),
        ask('sources/get', {}),
        ask('names/list', {}),
      ]);
      return { documents, packs, perspectives: registry.perspectives, names };
    },
    async remove(ids) {
      await ask('corpus/remove', { docs: ids });
    },
    exportPack: (ids) => reading.exportPack(ids),
    async setStarterInstalled(installed) {
      await ask('corpus/starter', { installed });
    },
    editName: (edit) => ask('names/edit', { edit }),
    restoreName: (keys) => ask('names/restore', { keys }),
    async labelOutlet({ domain, outlet }, perspective) {
      await ask('sources/label', { domain, outlet, perspective });
    },
    startImport: (expected, label, files) => ask('corpus/import-start', { expected, label, files }),
    sendImportBatch: (importId, items) => ask('corpus/import-batch', { importId, items }),
    endImport: (importId) => ask('corpus/import-end', { importId }),
    cancelImport: (importId) => ask('corpus/import-cancel', { importId }),
    importStatus: async (importId) => (await ask('corpus/import-status', { importId }))[0],
    async dismissImport(importId) {
      await ask('corpus/import-dismiss', { importId });
    },
    recentImports: () => ask('corpus/import-status', {}),
    onChanged: (listener) =>
      onBroadcast({
        'kb/changed': () => {
          listener();
          return { ok: true };
        },
      }),
    onImportProgress: (listener) =>
      onBroadcast({
        'import/progress': (status) => {
          listener(status);
          return { ok: true };
        },
      }),
    download: downloadText,
    readerUrl,
  };
}
