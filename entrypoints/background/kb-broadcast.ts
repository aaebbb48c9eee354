/**
 * Telling everyone the knowledge base changed: every extension page (`toPages` in
 * lib/messages.ts: *Your documents* reloads its list, the popup its lookup) and the content
 * script of every tab (it forgets its cached cards and, when the names changed, fetches the
 * matcher again and rescans), so an added document shows without a reload. Tabs' recognitions
 * are forgotten too: a page may now be a document of the corpus.
 */
import { browser } from 'wxt/browser';
import type { ImportStatus, KbChange, MessageName, Request, ToPages } from '../../lib/messages';
import { generation } from '../../lib/storage/kb-reader';
import { tellTab } from './content-client';
import type { Knowledge } from './knowledge';
import type { PageRecognitions } from './recognition';

export interface KbBroadcast {
  /** The builder changed the knowledge base. */
  changed(change: KbChange): Promise<void>;
  /** An import moved on. */
  importProgress(status: ImportStatus): Promise<void>;
  /** Outlets were labelled: the same documents, other perspectives on cards. */
  labelsChanged(knowledge: Pick<Knowledge, 'db'>): Promise<void>;
}

/** A broadcast to the extension's open pages; none open is not an error. */
async function tellPages<K extends MessageName<ToPages>>(name: K, data: Request<ToPages, K>): Promise<void> {
  await browser.runtime.sendMessage({ backstory: 1, name, data }).catch(() => undefined);
}

async function tellTabs(change: Pick<KbChange, 'generation' | 'matcherChanged'>): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.flatMap((tab) => (tab.id === undefined ? [] : [tellTab(tab.id, 'kb/changed', { generation: change.generation, matcherChanged: change.matcherChanged })])),
  );
}

export function createKbBroadcast(recognitions: Pick<PageRecognitions, 'forgetAll'>): KbBroadcast {
  const changed = async (change: KbChange) => {
    recognitions.forgetAll();
    await Promise.all([tellPages('kb/changed', change), tellTabs(change)]);
  };
  return {
    changed,
    importProgress: (status) => tellPages('import/progress', status),
    labelsChanged: async (knowledge) =>
      changed({ generation: await generation(knowledge.db), matcherChanged: false, added: [], removed: [] }),
  };
}
