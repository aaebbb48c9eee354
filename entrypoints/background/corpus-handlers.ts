/**
 * The background's answers to *Your documents*, "Add this page" and the import messages
 * (`corpus/*`, `sources/label` in lib/messages.ts). Only extension pages can send these (the
 * router checks the sender); every write goes to the one builder, which tells open tabs and
 * pages what changed.
 */
import { browser } from 'wxt/browser';
import { ARTICLE_READER_FILE, ARTICLE_READER_KEY } from '../../lib/corpus/article-reader-contract';
import { checkDraft, type Checked, type DocumentDraft, type DraftEdits } from '../../lib/corpus/draft';
import { documentLabel } from '../../lib/kb/labels';
import type { AddDocumentResult, ArticlePreview } from '../../lib/messages';
import { documentSummary } from '../../lib/storage/corpus-reader';
import { readSourceEdits, type PageRecognitions } from './recognition';
import type { PageHandlers } from './handlers';
import type { KbBroadcast } from './kb-broadcast';
import type { Knowledge } from './knowledge';

export type CorpusHandlers = Pick<
  PageHandlers,
  | 'corpus/preview'
  | 'corpus/add'
  | 'corpus/add-tab'
  | 'corpus/import-start'
  | 'corpus/import-batch'
  | 'corpus/import-end'
  | 'corpus/import-cancel'
  | 'corpus/import-status'
  | 'corpus/import-dismiss'
  | 'corpus/remove'
  | 'corpus/starter'
  | 'corpus/packs'
  | 'sources/label'
>;

/**
 * The article of a tab's top frame: the article reader is injected into the content script's
 * isolated world (pages cannot see or call it) and asked to read a copy of the page. Its answer
 * is page-world data, checked again here.
 */
export async function readTabArticle(tabId: number): Promise<Checked<DocumentDraft>> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [ARTICLE_READER_FILE] });
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      // Runs in the tab, serialised: it may use nothing from this module but its argument.
      func: (key: string) => {
        const reader = (globalThis as unknown as Record<symbol, { readPage(): unknown } | undefined>)[Symbol.for(key)];
        return reader ? reader.readPage() : { ok: false, reason: 'the article reader did not start on this page' };
      },
      args: [ARTICLE_READER_KEY.description!],
    });
    const answer = result?.result as { ok?: unknown; value?: unknown; reason?: unknown } | undefined;
    if (answer?.ok === true) return checkDraft(answer.value);
    return { ok: false, reason: typeof answer?.reason === 'string' ? answer.reason.slice(0, 500) : 'no article found on this page' };
  } catch {
    return { ok: false, reason: 'Backstory cannot read this page (a browser page, or a site it has no access to)' };
  }
}

export function createCorpusHandlers(knowledge: Knowledge, recognitions: PageRecognitions, broadcast: KbBroadcast): CorpusHandlers {
  const { builder } = knowledge;

  const preview = async (tabId: number): Promise<ArticlePreview> => {
    const read = await readTabArticle(tabId);
    if (!read.ok) return read;
    await knowledge.ready();
    const checked = await builder.checkDraft(read.value);
    if (!checked.ok) return checked;
    return { ok: true, draft: read.value, label: documentLabel(checked.check.record, await knowledge.labels()), duplicate: checked.check.duplicate };
  };

  const add = async (draft: DocumentDraft, edits: DraftEdits): Promise<AddDocumentResult> => {
    await knowledge.ready();
    const labels = await knowledge.labels();
    if (edits.perspective && !labels.perspectives.some((p) => p.id === edits.perspective)) {
      return { ok: false, reason: `“${edits.perspective}” is not a perspective Backstory knows` };
    }
    const outcome = await builder.addDraft(draft, edits);
    return outcome.ok ? { ok: true, document: documentSummary(outcome.row, labels) } : outcome;
  };

  return {
    'corpus/preview': ({ tabId }) => preview(tabId),
    'corpus/add': ({ draft, edits }) => add(draft, edits),
    'corpus/add-tab': async ({ tabId }) => {
      const read = await readTabArticle(tabId);
      return read.ok ? add(read.value, {}) : read;
    },
    'corpus/import-start': async ({ expected, label, files }) => {
      await knowledge.ready();
      return builder.startImport(expected, label, files);
    },
    'corpus/import-batch': ({ importId, items }) => builder.receive(importId, items),
    'corpus/import-end': ({ importId }) => builder.endImport(importId),
    'corpus/import-cancel': ({ importId }) => builder.cancelImport(importId),
    'corpus/import-status': ({ importId }) => builder.importStatus(importId),
    'corpus/import-dismiss': async ({ importId }) => ({ ok: await builder.dismissImport(importId) }),
    'corpus/remove': async ({ docs }) => ({ removed: await builder.remove(docs) }),
    'corpus/starter': async ({ installed }) => {
      const row = await builder.setStarter(installed);
      return (await knowledge.packs()).find((p) => p.id === row.id)!;
    },
    'corpus/packs': async () => {
      await knowledge.ready();
      return knowledge.packs();
    },
    // Labelling an outlet is an edit of the reader's source registry: every document from the
    // domain is labelled by it when next read.
    'sources/label': async ({ domain, outlet, perspective }) => {
      await knowledge.ready();
      const labels = await knowledge.labels();
      if (perspective && !labels.perspectives.some((p) => p.id === perspective)) throw new Error('unknown perspective');
      const edits = await readSourceEdits();
      const others = edits.sources.filter((s) => s.domain !== domain);
      const next = perspective ? { ...edits, sources: [...others, { domain, outlet, perspective }] } : { ...edits, sources: others };
      const registry = await recognitions.setSources(next);
      await broadcast.labelsChanged(knowledge);
      void knowledge.builder.relabelled([domain]);
      return registry;
    },
  };
}
