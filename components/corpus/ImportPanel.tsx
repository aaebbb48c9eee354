/**
 * Import on *Your documents*: drop files or folders anywhere on the page, or pick them
 * ("Import documents"); a progress bar with the count and Cancel while the page reads the files
 * and the background adds them; then the summary. An import a killed worker or browser left
 * unfinished is shown here on the next visit, with what was not added, Resume and Dismiss.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { IMPORT_ACCEPT } from '../../lib/corpus/import-kinds';
import type { ImportOptions } from '../../lib/corpus/import-file';
import { resumeImport, runImport, type ImportOutcome, type ImportProgress, type ParseImport } from './import-run';
import { ImportSummary, importSummaryText } from './ImportSummary';
import { fromDrop, fromFileList, type PickedFiles } from './picked-files';
import type { CorpusServices, ImportStatus } from './services';

export interface ImportPanelProps {
  services: CorpusServices;
  /** The parser, loaded on first need so the page paints without it. */
  loadParser(): Promise<ParseImport>;
  parseHtml: ImportOptions['parseHtml'];
  readerLink(doc: string, title: string): ComponentChild;
  /** The corpus changed: the list reloads. */
  onImported(): void;
}

type Run = { progress: ImportProgress; cancel: AbortController };
type Finished = { outcome: ImportOutcome; ignored: number } | { nothing: string };

const ACCEPTED_WORDS = '.html, .htm, .txt, .md, .jsonl and Backstory corpus packs (.json)';

export function ImportPanel({ services, loadParser, parseHtml, readerLink, onImported }: ImportPanelProps) {
  const [run, setRun] = useState<Run | undefined>();
  const [finished, setFinished] = useState<Finished | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState('');
  const [dragging, setDragging] = useState(false);
  const [interrupted, setInterrupted] = useState<ImportStatus[]>([]);
  const running = useRef(false);

  const refreshInterrupted = () =>
    services.interruptedImports().then(setInterrupted, () => setInterrupted([]));
  useEffect(() => void refreshInterrupted(), [services]);

  const follow = async (what: string, work: (options: { signal: AbortSignal; onProgress(p: ImportProgress): void }) => Promise<ImportOutcome>, ignored: number) => {
    if (running.current) return;
    running.current = true;
    const cancel = new AbortController();
    setProblem('');
    setFinished(undefined);
    setAnnouncement(what);
    setRun({ progress: { phase: 'reading', done: 0, total: 0 }, cancel });
    try {
      const outcome = await work({ signal: cancel.signal, onProgress: (progress) => setRun({ progress, cancel }) });
      setFinished({ outcome, ignored });
      setAnnouncement(importSummaryText(outcome));
    } catch {
      setAnnouncement('');
      setProblem(
        'The import stopped: Backstory’s background did not answer. Everything added before it stopped is whole; open this page again to see what was not added and resume.',
      );
    } finally {
      running.current = false;
      setRun(undefined);
      onImported();
      void refreshInterrupted();
    }
  };

  const start = (picked: PickedFiles) => {
    if (picked.files.length === 0) {
      const nothing = `Nothing to import: Backstory takes ${ACCEPTED_WORDS}${picked.ignored ? `, and the ${picked.ignored === 1 ? 'file' : `${picked.ignored} files`} dropped ${picked.ignored === 1 ? 'is' : 'are'} none of those` : ''}.`;
      setFinished({ nothing });
      setAnnouncement(nothing);
      return;
    }
    const count = picked.files.length;
    void follow(
      `Importing ${count.toLocaleString('en-US')} ${count === 1 ? 'file' : 'files'}…`,
      async (options) => runImport(picked.files, { services, parse: await loadParser(), parseHtml, ...options }),
      picked.ignored,
    );
  };

  const resume = (job: ImportStatus) =>
    void follow('Resuming the import…', (options) => resumeImport(job.job, { services, ...options }), 0);
  const dismiss = async (job: ImportStatus) => {
    await services.dismissImport(job.job).catch(() => undefined);
    await refreshInterrupted();
  };

  // A file dropped anywhere on the page is an import, never a navigation to the file.
  const startDropped = useRef(start);
  startDropped.current = start;
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = running.current ? 'none' : 'copy';
    };
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
      void loadParser();
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (running.current || !event.dataTransfer) return;
      fromDrop(event.dataTransfer).then(startDropped.current, () => setProblem('Backstory could not read what was dropped. Try choosing the files instead.'));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [loadParser]);

  const picked = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.files && input.files.length > 0) start(fromFileList(input.files));
    // The same files picked again are a new import.
    input.value = '';
  };

  return (
    <section class="bs-import-panel" aria-labelledby="bs-import-title">
      <h2 id="bs-import-title">Import</h2>
      {interrupted.map((job) => (
        <Interrupted key={job.job} job={job} busy={run !== undefined} onResume={() => resume(job)} onDismiss={() => void dismiss(job)} readerLink={readerLink} />
      ))}
      <div class={`bs-dropzone${dragging ? ' bs-dropzone-active' : ''}`} onPointerEnter={() => void loadParser()}>
        <p class="bs-dropzone-text">
          Drop files or folders here, or choose them: saved web pages ({'.html'}, {'.htm'}), text ({'.txt'}, {'.md'}), {'.jsonl'} (one{' '}
          <code>{'{url, title, outlet, published, text}'}</code> per line) and Backstory corpus packs.
        </p>
        <div class="bs-dropzone-buttons">
          <label class="bs-button bs-button-primary bs-file-button">
            Choose files…
            <input
              type="file"
              multiple
              accept={IMPORT_ACCEPT}
              aria-label="Import documents"
              disabled={run !== undefined}
              onFocus={() => void loadParser()}
              onChange={picked}
            />
          </label>
          <label class="bs-button bs-file-button">
            Choose a folder…
            <input type="file" {...{ webkitdirectory: '' }} aria-label="Import a folder" disabled={run !== undefined} onChange={picked} />
          </label>
        </div>
      </div>
      {run && <Progress run={run} />}
      <p role="status" class="bs-import-status">
        {announcement}
      </p>
      {problem && (
        <p role="alert" class="bs-import-problem">
          {problem}
        </p>
      )}
      {finished && 'outcome' in finished && <ImportSummary outcome={finished.outcome} ignored={finished.ignored} readerLink={readerLink} />}
    </section>
  );
}

function Progress({ run }: { run: Run }) {
  const { phase, done, total } = run.progress;
  const text =
    phase === 'reading'
      ? `Reading files: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`
      : `Adding documents: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
  return (
    <div class="bs-import-progress">
      <span id="bs-import-progress-label">{text}</span>
      <progress aria-labelledby="bs-import-progress-label" max={Math.max(total, 1)} value={done} />
      <button type="button" class="bs-button" onClick={() => run.cancel.abort()} disabled={run.cancel.signal.aborted}>
        {run.cancel.signal.aborted ? 'Cancelling…' : 'Cancel import'}
      </button>
    </div>
  );
}

function Interrupted({
  job,
  busy,
  onResume,
  onDismiss,
  readerLink,
}: {
  job: ImportStatus;
  busy: boolean;
  onResume(): void;
  onDismiss(): void;
  readerLink(doc: string, title: string): ComponentChild;
}) {
  const started = new Date(job.startedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="bs-interrupted" aria-labelledby={`bs-interrupted-${job.job}`}>
      <h3 id={`bs-interrupted-${job.job}`}>An import did not finish</h3>
      <p>
        The import started {started} stopped before the end (the browser or Backstory’s background was closed):{' '}
        {job.added.toLocaleString('en-US')} of {job.total.toLocaleString('en-US')} documents were added, each whole;{' '}
        {job.notAdded.length.toLocaleString('en-US')} {job.notAdded.length === 1 ? 'item was' : 'items were'} not.
      </p>
      <ImportSummary outcome={{ status: job, refused: [], unread: [] }} ignored={0} readerLink={readerLink} />
      <div class="bs-interrupted-actions">
        <button type="button" class="bs-button bs-button-primary" disabled={busy} onClick={onResume}>
          Resume import
        </button>
        <button type="button" class="bs-button" disabled={busy} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
