/**
 * Import on *Your documents*: drop files or folders anywhere on the page, or pick them
 * ("Import documents"); a progress bar with the count and Cancel while the page reads the files
 * and the background adds them; then the summary. On opening, an import still being built is
 * followed, one that a closed page or a killed browser left unfinished is shown with what was
 * not added and a way to finish it (the same files again: what was added is skipped as a
 * duplicate), and the last finished import's summary is kept at hand.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { IMPORT_ACCEPT } from '../../lib/corpus/import-kinds';
import type { ImportOptions } from '../../lib/corpus/import-file';
import { followImport, isFinished, runImport, type ImportOutcome, type ImportProgress, type ParseImport } from './import-run';
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
/** What the panel reports under the drop zone: this visit's import, or what the page found on opening. */
type Report =
  | { kind: 'finished'; status: ImportStatus; ignored: number }
  | { kind: 'nothing'; text: string }
  | { kind: 'cancelled-early' };

const ACCEPTED_WORDS = '.html, .htm, .txt, .md, .jsonl and Backstory corpus packs (.json)';

const number = (n: number) => n.toLocaleString('en-US');

export function ImportPanel({ services, loadParser, parseHtml, readerLink, onImported }: ImportPanelProps) {
  const [run, setRun] = useState<Run | undefined>();
  const [report, setReport] = useState<Report | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState('');
  const [dragging, setDragging] = useState(false);
  const [unfinished, setUnfinished] = useState<ImportStatus[]>([]);
  const [last, setLast] = useState<ImportStatus | undefined>();
  const running = useRef(false);
  const picker = useRef<HTMLInputElement>(null);

  const follow = async (what: string, work: (options: { signal: AbortSignal; onProgress(p: ImportProgress): void }) => Promise<ImportOutcome>, ignored: number) => {
    if (running.current) return;
    running.current = true;
    const cancel = new AbortController();
    setProblem('');
    setReport(undefined);
    setAnnouncement(what);
    setRun({ progress: { phase: 'reading', done: 0, total: 0 }, cancel });
    try {
      const outcome = await work({ signal: cancel.signal, onProgress: (progress) => setRun({ progress, cancel }) });
      if ('status' in outcome) {
        setReport({ kind: 'finished', status: outcome.status, ignored });
        setAnnouncement(importSummaryText(outcome.status));
        setUnfinished((jobs) => jobs.filter((j) => j.id !== outcome.status.id));
      } else {
        setReport({ kind: 'cancelled-early' });
        setAnnouncement('Import cancelled before anything was added.');
      }
    } catch {
      setAnnouncement('');
      setProblem(
        'The import stopped: Backstory’s background did not answer. Everything added before it stopped is whole; open this page again to see what was not added.',
      );
    } finally {
      running.current = false;
      setRun(undefined);
      onImported();
    }
  };

  // On opening: follow an import still being built; show the ones left unfinished and the last one.
  useEffect(() => {
    let live = true;
    services.recentImports().then(
      (jobs) => {
        if (!live) return;
        const finished = jobs.filter(isFinished).sort((a, b) => b.updatedAt - a.updatedAt);
        const newest = finished.find((j) => j.state !== 'interrupted');
        setLast(newest);
        // An interruption older than a later finished import was dealt with by it.
        setUnfinished(
          jobs.filter((j) => (j.state === 'interrupted' || j.state === 'receiving') && (!newest || j.startedAt > newest.startedAt)),
        );
        const building = jobs.find((j) => j.state === 'building');
        if (building) {
          void follow(`An import is being added: ${building.label ?? ''}`.trim(), (options) => followImport(building, { services, ...options }).then((status) => ({ status })), 0);
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [services]);

  const start = (picked: PickedFiles) => {
    if (picked.files.length === 0) {
      const text = `Nothing to import: Backstory takes ${ACCEPTED_WORDS}${picked.ignored ? `, and none of the ${number(picked.ignored)} ${picked.ignored === 1 ? 'file' : 'files'} dropped is one of those` : ''}.`;
      setReport({ kind: 'nothing', text });
      setAnnouncement(text);
      return;
    }
    const count = picked.files.length;
    void follow(
      `Importing ${number(count)} ${count === 1 ? 'file' : 'files'}…`,
      async (options) => runImport(picked.files, { services, parse: await loadParser(), parseHtml, ...options }),
      picked.ignored,
    );
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
      fromDrop(event.dataTransfer).then(
        (files) => startDropped.current(files),
        () => setProblem('Backstory could not read what was dropped. Try choosing the files instead.'),
      );
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
      {unfinished.map((job) => (
        <Unfinished
          key={job.id}
          job={job}
          busy={run !== undefined}
          onAgain={() => picker.current?.click()}
          onDismiss={() =>
            services.dismissImport(job.id).then(
              () => setUnfinished((jobs) => jobs.filter((j) => j.id !== job.id)),
              () => setProblem('Backstory’s background did not answer; the unfinished import is kept. Try again.'),
            )
          }
          readerLink={readerLink}
        />
      ))}
      <div class={`bs-dropzone${dragging ? ' bs-dropzone-active' : ''}`} onPointerEnter={() => void loadParser()}>
        <p class="bs-dropzone-text">
          Drop files or folders here, or choose them: saved web pages (.html, .htm), text (.txt, .md), .jsonl (one document per
          line: <code>{'{"url", "title", "outlet", "published", "text"}'}</code>) and Backstory corpus packs.
        </p>
        <div class="bs-dropzone-buttons">
          <label class="bs-button bs-button-primary bs-file-button">
            Choose files…
            <input
              ref={picker}
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
      {report?.kind === 'finished' && <ImportSummary status={report.status} ignored={report.ignored} readerLink={readerLink} />}
      {!report && !run && last && (
        <details class="bs-last-import">
          <summary>
            Last import, {formatTime(last.updatedAt)}: {importSummaryText(last)}
          </summary>
          <ImportSummary status={last} readerLink={readerLink} />
        </details>
      )}
    </section>
  );
}

function formatTime(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function Progress({ run }: { run: Run }) {
  const { phase, done, total } = run.progress;
  const text = phase === 'reading' ? `Reading files: ${number(done)} of ${number(total)}` : `Adding documents: ${number(done)} of ${number(total)}`;
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

function Unfinished({
  job,
  busy,
  onAgain,
  onDismiss,
  readerLink,
}: {
  job: ImportStatus;
  busy: boolean;
  onAgain(): void;
  /** The reader has seen it: forget it (what it added stays). */
  onDismiss(): void;
  readerLink(doc: string, title: string): ComponentChild;
}) {
  const heading = `bs-unfinished-${job.id}`;
  return (
    <section class="bs-interrupted" aria-labelledby={heading}>
      <h3 id={heading}>An import did not finish</h3>
      <p>
        The import of {job.label ?? 'your files'} started {formatTime(job.startedAt)} stopped before the end (the page or the
        browser was closed): {number(job.added)} of {number(job.expected)} documents were added, each whole;{' '}
        {number(Math.max(job.notAdded, job.expected - job.processed))} not.
      </p>
      <ImportSummary status={job} readerLink={readerLink} />
      <p class="bs-muted">
        To add the rest, import the same files again: the documents already added are skipped as duplicates.
      </p>
      <div class="bs-interrupted-actions">
        <button type="button" class="bs-button bs-button-primary" disabled={busy} onClick={onAgain}>
          Import the files again…
        </button>{' '}
        <button type="button" class="bs-button" disabled={busy} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
