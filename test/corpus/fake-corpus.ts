/**
 * An in-memory background for the corpus UI's unit tests: documents, the starter pack, the
 * source registry's outlet labels and import jobs that journal their items, build a few per
 * status request (so progress moves), skip duplicates by address or title and can be cancelled,
 * with the shapes of the message contract. The real builder is tested on its own; this stands in
 * for it the way plain objects stand in for the popup's services.
 */
import type { LearnedName } from '../../lib/message-schemas-names';
import type { NameEdit } from '../../lib/names/types';
import type { DocumentDraft } from '../../lib/corpus/draft';
import type {
  AddPageServices,
  ArticlePreview,
  CorpusServices,
  DocumentSummary,
  ImportItem,
  ImportStatus,
  PackSummary,
  PerspectiveLabel,
} from '../../components/corpus/services';

export const PERSPECTIVES: PerspectiveLabel[] = [
  { id: 'iranian-opposition', label: 'Iranian opposition (MEK-aligned)' },
  { id: 'israeli', label: 'Israeli press' },
  { id: 'iranian-state', label: 'Iranian state-affiliated' },
];

export const STARTER_TITLE = 'Starter corpus: the US–Iraq talks, 2020';

export function summary(fields: Partial<DocumentSummary> & Pick<DocumentSummary, 'id' | 'title'>): DocumentSummary {
  return { outlet: 'Example Wire', perspective: null, perspectiveFrom: 'none', names: 3, paragraphs: 4, addedAt: 1, ...fields };
}

export const STARTER_DOCUMENTS: DocumentSummary[] = [
  summary({ id: 'iran-meddles', title: 'Iran meddles in Iraq', outlet: 'The Jerusalem Post', domain: 'jpost.com', published: '2020-06', perspective: PERSPECTIVES[1]!, perspectiveFrom: 'outlet', names: 24, pack: 'starter' }),
  summary({ id: 'isis-revival', title: 'The US revives ISIS', outlet: 'Nour News', domain: 'nournews.ir', published: '2020-06', perspective: PERSPECTIVES[2]!, perspectiveFrom: 'outlet', names: 17, pack: 'starter' }),
];

interface Job extends ImportStatus {
  items: ImportItem[];
  built: number;
}

export interface FakeCorpusOptions {
  documents?: DocumentSummary[];
  /** Items built per status request (progress steps). */
  buildPerStatus?: number;
  /** Unfinished imports the page finds on opening. */
  jobs?: ImportStatus[];
  /** Learned names the list starts with. */
  names?: LearnedName[];
}

export function fakeCorpus(options: FakeCorpusOptions = {}) {
  let documents = [...(options.documents ?? STARTER_DOCUMENTS)];
  let names = structuredClone(options.names ?? []);
  /** The edits the page sent, as sent. */
  const edits: NameEdit[] = [];
  const starter: PackSummary = { id: 'starter', title: STARTER_TITLE, packVersion: 1, documents: 0, starter: true, installed: true };
  const labels = new Map<string, string>();
  const jobs = new Map<string, Job>();
  for (const job of options.jobs ?? []) jobs.set(job.id, { ...job, items: [], built: job.processed });
  const changed = new Set<() => void>();
  const progress = new Set<(s: ImportStatus) => void>();
  const calls: string[] = [];
  /** The file names each import was opened with. */
  const journalled: string[][] = [];
  const downloads: { filename: string; text: string; type: string }[] = [];
  let clock = 1_000;
  let nextId = 1;

  const tellChanged = () => changed.forEach((l) => l());
  const snapshot = (job: Job): ImportStatus => {
    const { items: _items, built: _built, ...status } = job;
    return structuredClone(status);
  };
  const label = (d: DocumentSummary): DocumentSummary => {
    const perspective = d.perspectiveFrom !== 'document' && d.domain && labels.has(d.domain) ? PERSPECTIVES.find((p) => p.id === labels.get(d.domain!))! : d.perspective;
    return { ...d, perspective, perspectiveFrom: perspective ? (d.perspectiveFrom === 'document' ? 'document' : 'outlet') : 'none' };
  };
  const duplicateOf = (draft: { url?: string; title: string }) =>
    documents.find((d) => (draft.url !== undefined && d.url === draft.url) || d.title === draft.title);
  const addDraft = (draft: DocumentDraft, pack?: string): DocumentSummary => {
    const doc = summary({
      id: `d-${String(nextId++).padStart(16, '0')}`,
      title: draft.title,
      outlet: draft.outlet ?? draft.domain ?? 'Unknown outlet',
      ...(draft.domain ? { domain: draft.domain } : {}),
      ...(draft.url ? { url: draft.url } : {}),
      ...(draft.published ? { published: draft.published } : {}),
      perspective: draft.perspective ? PERSPECTIVES.find((p) => p.id === draft.perspective)! : null,
      perspectiveFrom: draft.perspective ? 'document' : 'none',
      paragraphs: draft.paragraphs.length,
      addedAt: clock++,
      ...(pack ? { pack } : {}),
    });
    documents.push(doc);
    return doc;
  };
  const build = (job: Job, count: number) => {
    for (let n = 0; n < count && job.built < job.items.length; n++) {
      const item = job.items[job.built++]!;
      if (item.kind === 'pack') continue;
      const line = 'line' in item && item.line ? { line: item.line } : {};
      if (item.kind === 'refused') {
        job.refused++;
        job.refusedList.push({ name: item.name, ...line, reason: item.reason });
      } else {
        const draft = item.kind === 'draft' ? item.draft : { ...item.document, origin: { kind: 'pack' as const, pack: item.pack } };
        const known = duplicateOf(draft);
        if (known) {
          job.duplicates++;
          job.duplicateList.push({ name: item.name, ...line, doc: known.id, title: known.title, reason: known.url === draft.url ? 'address' : 'text' });
        } else {
          addDraft(draft, item.kind === 'pack-document' ? item.pack : undefined);
          job.added++;
        }
      }
      job.processed++;
    }
    if (job.state === 'building' && job.built >= job.items.length) job.state = 'done';
    job.updatedAt = clock++;
    tellChanged();
    progress.forEach((l) => l(snapshot(job)));
  };

  const services: CorpusServices = {
    async list() {
      calls.push('list');
      return {
        documents: documents.map(label),
        packs: [{ ...starter, documents: documents.filter((d) => d.pack === 'starter').length }],
        perspectives: PERSPECTIVES,
        names: structuredClone(names),
      };
    },
    async editName(edit) {
      calls.push(`edit ${edit.kind}`);
      edits.push(structuredClone(edit));
      const ref = edit.kind === 'merge' ? edit.entities[0] : edit.entity;
      const target = names.find((n) => n.id === ref.id);
      if (!target) return { ok: false, reason: 'Backstory has not learned that name.' };
      if (edit.kind === 'reject') target.rejected = true;
      if (edit.kind === 'rename') target.name = edit.name;
      if (edit.kind === 'retype') target.type = edit.type;
      if (edit.kind === 'merge') names = names.filter((n) => n.id !== edit.entities[1].id);
      if (edit.kind === 'split') target.forms = target.forms.filter((f) => f.key !== edit.key);
      tellChanged();
      return { ok: true, names: structuredClone(names) };
    },
    async restoreName(keys) {
      calls.push(`restore ${keys.join(' ')}`);
      for (const n of names) if (n.forms.some((f) => keys.includes(f.key))) n.rejected = false;
      tellChanged();
      return { ok: true, names: structuredClone(names) };
    },
    async remove(ids) {
      calls.push(`remove ${ids.join(' ')}`);
      documents = documents.filter((d) => !ids.includes(d.id));
      tellChanged();
    },
    async exportPack(ids) {
      calls.push(`export ${ids ? ids.join(' ') : 'all'}`);
      const exported = documents.filter((d) => !ids || ids.includes(d.id)).map((d) => d.id);
      return { filename: 'backstory-corpus.json', text: JSON.stringify(exported) };
    },
    async setStarterInstalled(installed) {
      calls.push(`starter ${installed}`);
      starter.installed = installed;
      documents = installed ? [...STARTER_DOCUMENTS, ...documents.filter((d) => d.pack !== 'starter')] : documents.filter((d) => d.pack !== 'starter');
      tellChanged();
    },
    async labelOutlet({ domain }, perspective) {
      calls.push(`label ${domain} ${perspective}`);
      labels.set(domain, perspective);
      tellChanged();
    },
    async startImport(expected, text, files) {
      calls.push(`start ${expected}`);
      journalled.push(files);
      const id = `i-${String(nextId++).padStart(16, '0')}`;
      const job: Job = {
        id, label: text, state: 'receiving', expected, received: 0, processed: 0, added: 0, duplicates: 0, refused: 0, notAdded: 0,
        startedAt: clock++, updatedAt: clock++, duplicateList: [], refusedList: [], notAddedList: [], items: [], built: 0,
      };
      jobs.set(id, job);
      return snapshot(job);
    },
    async sendImportBatch(id, items) {
      calls.push(`batch ${items.length}`);
      const job = jobs.get(id)!;
      job.items.push(...structuredClone(items));
      job.received += items.length;
      return snapshot(job);
    },
    async endImport(id) {
      calls.push('end');
      const job = jobs.get(id)!;
      job.state = 'building';
      return snapshot(job);
    },
    async cancelImport(id) {
      calls.push('cancel');
      const job = jobs.get(id)!;
      for (const item of job.items.slice(job.built)) {
        if (item.kind === 'pack') continue;
        job.notAdded++;
        job.notAddedList.push({ name: item.name, ...('line' in item && item.line ? { line: item.line } : {}) });
      }
      job.notAdded += job.expected - job.received;
      job.built = job.items.length;
      job.state = 'cancelled';
      job.updatedAt = clock++;
      return snapshot(job);
    },
    async importStatus(id) {
      const job = jobs.get(id);
      if (!job) return undefined;
      if (job.state === 'building') build(job, options.buildPerStatus ?? 2);
      return snapshot(job);
    },
    async dismissImport(id) {
      calls.push(`dismiss ${id}`);
      jobs.delete(id);
    },
    async recentImports() {
      return [...jobs.values()].map(snapshot);
    },
    onChanged(listener) {
      changed.add(listener);
      return () => changed.delete(listener);
    },
    onImportProgress(listener) {
      progress.add(listener);
      return () => progress.delete(listener);
    },
    download(filename, text, type) {
      downloads.push({ filename, text, type });
    },
    readerUrl: (doc) => `reader.html?doc=${doc}`,
  };

  return {
    services,
    calls,
    journalled,
    edits,
    downloads,
    documents: () => documents.map(label),
    /** "Add this page" against the same corpus, for a tab showing `draft` (or no article). */
    addPage(draft: DocumentDraft | { reason: string }): AddPageServices & { added: { draft: DocumentDraft; edits: object }[] } {
      const added: { draft: DocumentDraft; edits: object }[] = [];
      return {
        added,
        async preview(): Promise<ArticlePreview> {
          if ('reason' in draft) return { ok: false, reason: draft.reason };
          const known = duplicateOf(draft);
          const perspective = draft.domain && labels.has(draft.domain) ? PERSPECTIVES.find((p) => p.id === labels.get(draft.domain!))! : null;
          return {
            ok: true,
            draft,
            label: { outlet: draft.outlet ?? draft.domain ?? 'Unknown outlet', ...(draft.domain ? { domain: draft.domain } : {}), perspective, perspectiveFrom: perspective ? 'outlet' : 'none' },
            duplicate: known ? { doc: known.id, title: known.title, reason: known.url === draft.url ? 'address' : 'text' } : null,
          };
        },
        perspectives: async () => PERSPECTIVES,
        async add(d, edits) {
          added.push({ draft: d, edits });
          const known = duplicateOf(d);
          if (known) return { ok: false, reason: 'already in your documents', duplicate: { doc: known.id, title: known.title, reason: 'address' } };
          return { ok: true, document: label(addDraft({ ...d, ...edits })) };
        },
        readerUrl: (doc) => `reader.html?doc=${doc}`,
        corpusUrl: 'corpus.html',
      };
    },
  };
}
