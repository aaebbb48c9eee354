/**
 * Outlets whose perspective nobody has labelled: shown by name and domain with how many
 * documents they have, each labelled once for all its documents — an entry of the source
 * registry, the same one the popup's "Sites Backstory knows" edits.
 */
import { useState } from 'preact/hooks';
import type { DocumentSummary, PerspectiveLabel } from './services';

/** An outlet whose perspective nobody has labelled yet, with how many documents it has. */
export interface OutletSummary {
  outlet: string;
  /** Without a domain (a text file's outlet), the source registry cannot label it. */
  domain?: string;
  documents: number;
}

/** The outlets of the documents whose perspective is not labelled, by domain (else by name), largest first. */
export function unlabelledOutlets(documents: readonly DocumentSummary[]): OutletSummary[] {
  const byKey = new Map<string, OutletSummary>();
  for (const d of documents) {
    if (d.perspective) continue;
    const key = d.domain ? `domain:${d.domain}` : `name:${d.outlet}`;
    const known = byKey.get(key);
    if (known) known.documents++;
    else byKey.set(key, { outlet: d.outlet, ...(d.domain ? { domain: d.domain } : {}), documents: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.documents - a.documents || a.outlet.localeCompare(b.outlet));
}

export interface OutletLabelsProps {
  outlets: OutletSummary[];
  perspectives: PerspectiveLabel[];
  onLabel(outlet: { domain: string; outlet: string }, perspective: string): Promise<void>;
}

export function OutletLabels({ outlets, perspectives, onLabel }: OutletLabelsProps) {
  const [notice, setNotice] = useState<{ kind: 'status' | 'error'; text: string } | undefined>();
  if (outlets.length === 0 && !notice) return null;
  const withDomain = outlets.filter((o): o is OutletSummary & { domain: string } => o.domain !== undefined);
  const without = outlets.filter((o) => o.domain === undefined);

  const label = async (outlet: OutletSummary & { domain: string }, perspective: string) => {
    const name = perspectives.find((p) => p.id === perspective)?.label ?? perspective;
    try {
      await onLabel(outlet, perspective);
      setNotice({ kind: 'status', text: `${outlet.outlet} (${outlet.domain}) is now labelled ${name}, for all its documents.` });
    } catch {
      setNotice({ kind: 'error', text: `Could not label ${outlet.outlet}; nothing was changed.` });
    }
  };

  return (
    <section class="bs-outlets" aria-labelledby="bs-outlets-title">
      <h2 id="bs-outlets-title">Outlets without a perspective</h2>
      {outlets.length > 0 && (
        <p class="bs-muted">
          Cards show these outlets’ accounts under their own name, “perspective not labelled”. Label an outlet once and all its
          documents, today’s and those you add later, carry the label.
        </p>
      )}
      <ul class="bs-outlet-list">
        {withDomain.map((o) => (
          <OutletRow key={o.domain} outlet={o} perspectives={perspectives} onLabel={(p) => label(o, p)} />
        ))}
        {without.map((o) => (
          <li key={`name:${o.outlet}`} class="bs-outlet">
            <span class="bs-outlet-name">{o.outlet}</span>{' '}
            <span class="bs-muted">
              {o.documents.toLocaleString('en-US')} {o.documents === 1 ? 'document' : 'documents'} · no web address, so its
              documents cannot be labelled by site
            </span>
          </li>
        ))}
      </ul>
      <p role={notice?.kind === 'error' ? 'alert' : 'status'} class="bs-outlets-notice">
        {notice?.text}
      </p>
    </section>
  );
}

function OutletRow({
  outlet,
  perspectives,
  onLabel,
}: {
  outlet: OutletSummary & { domain: string };
  perspectives: PerspectiveLabel[];
  onLabel(perspective: string): Promise<void>;
}) {
  const [perspective, setPerspective] = useState(perspectives[0]?.id ?? '');
  const [saving, setSaving] = useState(false);
  const id = `bs-outlet-${outlet.domain.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <li class="bs-outlet">
      <form
        class="bs-outlet-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setSaving(true);
          await onLabel(perspective);
          setSaving(false);
        }}
      >
        <span class="bs-outlet-name" id={`${id}-name`}>
          {outlet.outlet}
        </span>{' '}
        <span class="bs-muted">
          {outlet.domain} · {outlet.documents.toLocaleString('en-US')} {outlet.documents === 1 ? 'document' : 'documents'}
        </span>
        <label class="bs-outlet-choice">
          <span class="bs-visually-hidden">Perspective of {outlet.outlet}</span>
          <select value={perspective} onChange={(e) => setPerspective(e.currentTarget.value)}>
            {perspectives.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="bs-button" disabled={saving || !perspective} aria-label={`Label ${outlet.outlet}`}>
          Label
        </button>
      </form>
    </li>
  );
}
