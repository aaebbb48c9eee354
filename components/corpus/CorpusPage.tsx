/**
 * *Your documents* (`corpus.html`): the reader's corpus. Adding the page they were reading
 * (when the context menu or the keyboard command opened this page for a tab), importing files,
 * labelling outlets, the list of documents with search, export and removal, the names learned
 * from them with the reader's corrections, and the starter corpus as a pack. Everything comes through `services`; the list reloads after every change
 * here and whenever the knowledge base changes elsewhere.
 */
import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportOptions } from '../../lib/corpus/import-file';
import { AddPreview } from './AddPreview';
import { DocumentList } from './DocumentList';
import type { ParseImport } from './import-run';
import { ImportPanel } from './ImportPanel';
import { LearnedNames } from './LearnedNames';
import { OutletLabels, unlabelledOutlets } from './OutletLabels';
import { PacksSection } from './PacksSection';
import type { AddPageServices, CorpusListing, CorpusServices } from './services';
import './corpus.css';

export interface CorpusPageProps {
  services: CorpusServices;
  /** `corpus.html?add=<tab>`: the preview of that tab's page, above everything else. */
  add?: { services: AddPageServices; tabId: number; openUrl(url: string): void; onReturn?(): void };
  loadParser(): Promise<ParseImport>;
  parseHtml: ImportOptions['parseHtml'];
}

type Listing = { status: 'loading' } | { status: 'ready'; listing: CorpusListing } | { status: 'error' };

export function CorpusPage({ services, add, loadParser, parseHtml }: CorpusPageProps) {
  const [state, setState] = useState<Listing>({ status: 'loading' });
  const [added, setAdded] = useState(false);

  const reload = useCallback(
    () =>
      services.list().then(
        (listing) => setState({ status: 'ready', listing }),
        () => setState((current) => (current.status === 'ready' ? current : { status: 'error' })),
      ),
    [services],
  );
  useEffect(() => {
    void reload();
    const stop = services.onChanged(() => void reload());
    // Back on this tab after adding a page elsewhere: show it without a reload.
    const visible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', visible);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', visible);
    };
  }, [services, reload]);

  useEffect(() => {
    document.title = 'Your documents · Backstory';
  }, []);

  const readerLink = (doc: string, title: string): ComponentChild => (
    <a href={services.readerUrl(doc)} target="_blank" rel="noopener">
      “{title}”
    </a>
  );
  const changed = async (change: Promise<void>) => {
    await change;
    await reload();
  };

  return (
    <main class="bs-corpus">
      <header class="bs-corpus-header">
        <h1>Your documents</h1>
        <p class="bs-muted">
          What Backstory quotes on cards, in lookup and in the reader. Documents you add are read and stored on this device only.
        </p>
      </header>
      {add && (
        <div class="bs-corpus-add">
          <AddPreview
            services={add.services}
            tabId={add.tabId}
            openUrl={add.openUrl}
            onAdded={() => {
              setAdded(true);
              void reload();
            }}
          />
          {added && add.onReturn && (
            <button type="button" class="bs-button" onClick={add.onReturn}>
              Back to the page
            </button>
          )}
        </div>
      )}
      <ImportPanel services={services} loadParser={loadParser} parseHtml={parseHtml} readerLink={readerLink} onImported={() => void reload()} />
      {state.status === 'loading' && <p class="bs-muted">Loading your documents…</p>}
      {state.status === 'error' && (
        <p role="alert" class="bs-corpus-problem">
          Backstory could not read your documents. Reload this page to try again.
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <OutletLabels
            outlets={unlabelledOutlets(state.listing.documents)}
            perspectives={state.listing.perspectives}
            onLabel={(outlet, perspective) => changed(services.labelOutlet(outlet, perspective))}
          />
          <DocumentList
            documents={state.listing.documents}
            packs={state.listing.packs}
            readerUrl={services.readerUrl}
            onRemove={(ids) => changed(services.remove(ids))}
            onExport={async (ids) => {
              const file = await services.exportPack(ids);
              services.download(file.filename, file.text, 'application/json');
            }}
          />
          <LearnedNames
            names={state.listing.names}
            readerUrl={services.readerUrl}
            onEdit={(edit) => services.editName(edit)}
            onRestore={(keys) => services.restoreName(keys)}
          />
          <PacksSection
            packs={state.listing.packs}
            onSetStarter={(installed) => changed(services.setStarterInstalled(installed))}
          />
        </>
      )}
    </main>
  );
}
