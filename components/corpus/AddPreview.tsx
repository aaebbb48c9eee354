/**
 * "Add this page": what Backstory read from the tab — title, outlet, date, perspective, the
 * opening of the text — for the reader to check and correct before anything is saved, and
 * whether the corpus has the page already. Shared by the popup's add view and *Your documents*
 * opened by the context menu or the keyboard command (`corpus.html?add=<tab>`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PUBLISHED_DATE, type DraftEdits } from '../../lib/corpus/draft';
import { formatIsoDate } from '../card/format';
import type { AddDocumentResult, AddPageServices, ArticlePreview, PerspectiveLabel } from './services';
import './add-preview.css';

export interface AddPreviewProps {
  services: AddPageServices;
  tabId: number;
  /** Opens an extension page (the reader, *Your documents*). */
  openUrl(url: string): void;
  /** The heading level where the preview sits (the popup's panel: 2; a page's section: 2). */
  headingLevel?: 1 | 2;
  onAdded?(doc: string): void;
}

type Fields = { title: string; outlet: string; published: string; perspective: string };

const WORDS = /\S+/g;

export function AddPreview({ services, tabId, openUrl, headingLevel = 2, onAdded }: AddPreviewProps) {
  const [preview, setPreview] = useState<ArticlePreview | 'loading'>('loading');
  const [perspectives, setPerspectives] = useState<PerspectiveLabel[]>([]);
  const [fields, setFields] = useState<Fields>({ title: '', outlet: '', published: '', perspective: '' });
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<AddDocumentResult | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);

  // The view replaces what the reader was looking at: take them to its heading.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let live = true;
    services.perspectives().then((list) => live && setPerspectives(list), () => undefined);
    services.preview(tabId).then(
      (answer) => {
        if (!live) return;
        setPreview(answer);
        if (answer.ok) {
          setFields({
            title: answer.draft.title,
            outlet: answer.label.outlet,
            published: answer.draft.published ?? '',
            perspective: answer.label.perspective?.id ?? '',
          });
        }
      },
      () => live && setPreview({ ok: false, reason: 'Backstory could not read this page. Reload it and try again.' }),
    );
    return () => {
      live = false;
    };
  }, [services, tabId]);

  const Heading = `h${headingLevel}` as 'h1' | 'h2';
  const title = (
    <Heading ref={heading} tabIndex={-1} class="bs-add-title" id="bs-add-title">
      Add this page
    </Heading>
  );

  if (preview === 'loading') {
    return (
      <section class="bs-add" aria-labelledby="bs-add-title" aria-busy="true">
        {title}
        <p class="bs-muted">Reading the page…</p>
      </section>
    );
  }
  if (!preview.ok) {
    return (
      <section class="bs-add" aria-labelledby="bs-add-title">
        {title}
        <p role="alert" class="bs-add-problem">
          This page cannot be added: {preview.reason}.
        </p>
      </section>
    );
  }

  const { draft } = preview;
  const words = draft.paragraphs.reduce((n, p) => n + (p.match(WORDS)?.length ?? 0), 0);
  const added = result?.ok ? result.document : undefined;
  const knownAs = preview.duplicate ?? (result && !result.ok ? result.duplicate : undefined);
  const refusal = result && !result.ok && !result.duplicate ? result.reason : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const edits = editsOf(fields, preview);
    if (typeof edits === 'string') {
      setError(edits);
      return;
    }
    setError('');
    setSaving(true);
    try {
      const answer = await services.add(draft, edits);
      setResult(answer);
      if (answer.ok) onAdded?.(answer.document.id);
    } catch {
      setResult({ ok: false, reason: 'Backstory could not save it; nothing was added. Try again.' });
    } finally {
      setSaving(false);
    }
  };

  const set = (field: keyof Fields) => (event: Event) => setFields({ ...fields, [field]: (event.currentTarget as HTMLInputElement).value });

  return (
    <section class="bs-add" aria-labelledby="bs-add-title">
      {title}
      <p class="bs-muted bs-add-facts">
        {[draft.byline && `By ${draft.byline}`, `${words.toLocaleString('en-US')} words`, draft.domain].filter(Boolean).join(' · ')}
      </p>
      <blockquote class="bs-add-opening">{draft.paragraphs[0]}</blockquote>
      {knownAs && (
        <p class="bs-add-duplicate">
          Already in your documents as{' '}
          <a
            href={services.readerUrl(knownAs.doc)}
            onClick={(e) => {
              e.preventDefault();
              openUrl(services.readerUrl(knownAs.doc));
            }}
          >
            “{knownAs.title}”
          </a>
          {knownAs.reason === 'copy' ? ' (this page is a copy of it).' : knownAs.reason === 'document' ? ' (the same article in another layout).' : '.'}
        </p>
      )}
      {!knownAs && !added && (
        <form class="bs-add-form" onSubmit={(e) => void submit(e)} noValidate>
          <label class="bs-field">
            Title
            <input name="title" required value={fields.title} onInput={set('title')} />
          </label>
          <label class="bs-field">
            Outlet
            <input name="outlet" value={fields.outlet} onInput={set('outlet')} />
          </label>
          <label class="bs-field">
            Date
            <input
              name="published"
              inputMode="numeric"
              placeholder="2020-06-15"
              aria-describedby="bs-add-date-help"
              value={fields.published}
              onInput={set('published')}
            />
          </label>
          <p id="bs-add-date-help" class="bs-muted bs-add-help">
            {fields.published && PUBLISHED_DATE.test(fields.published)
              ? formatIsoDate(fields.published)
              : 'As 2020, 2020-06 or 2020-06-15; empty when the page gives none.'}
          </p>
          <label class="bs-field">
            Perspective
            <select name="perspective" value={fields.perspective} onChange={set('perspective')}>
              <option value="">Not labelled</option>
              {perspectives.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="bs-button bs-button-primary" disabled={saving}>
            {saving ? 'Adding…' : 'Add'}
          </button>
        </form>
      )}
      <div role="status" class="bs-add-status">
        {added && (
          <>
            Added “{added.title}” to your documents.{' '}
            <a
              href={services.readerUrl(added.id)}
              onClick={(e) => {
                e.preventDefault();
                openUrl(services.readerUrl(added.id));
              }}
            >
              Open it in the reader
            </a>
            {' · '}
            <a
              href={services.corpusUrl}
              onClick={(e) => {
                e.preventDefault();
                openUrl(services.corpusUrl);
              }}
            >
              Your documents
            </a>
          </>
        )}
      </div>
      {(error || refusal) && (
        <p role="alert" class="bs-add-problem">
          {error || `Not added: ${refusal}`}
        </p>
      )}
    </section>
  );
}

/** The reader's changes to what was read, or what is wrong with them. */
function editsOf(fields: Fields, preview: Extract<ArticlePreview, { ok: true }>): DraftEdits | string {
  const { draft } = preview;
  const edits: DraftEdits = {};
  const title = fields.title.trim();
  if (!title) return 'Enter a title.';
  if (title !== draft.title) edits.title = title;
  const outlet = fields.outlet.trim();
  if (outlet && outlet !== preview.label.outlet) edits.outlet = outlet;
  const published = fields.published.trim();
  if (published) {
    if (!PUBLISHED_DATE.test(published)) return 'Enter the date as 2020, 2020-06 or 2020-06-15.';
    if (published !== draft.published) edits.published = published;
  } else if (draft.published) {
    return `Enter the date as 2020, 2020-06 or 2020-06-15 (the page gives ${formatIsoDate(draft.published)}).`;
  }
  // A perspective the reader chose for this document; the outlet's label stays the outlet's.
  if (fields.perspective && fields.perspective !== (preview.label.perspective?.id ?? '')) edits.perspective = fields.perspective;
  return edits;
}
