/**
 * Settings for the source registry: which sites Backstory knows as which outlet and
 * perspective. The shipped entries come with their evidence; the reader can remove any, and add
 * or change their own. Bad input gets a message next to the field and changes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import type { SourceRegistry } from '../../lib/messages';
import { sourceSchema, type ReaderSources } from '../../lib/recognition/sources';

export interface SourceRegistryApi {
  get(): Promise<SourceRegistry>;
  set(edits: ReaderSources): Promise<SourceRegistry>;
}

export function SourceSettings({ api }: { api: SourceRegistryApi }) {
  const [registry, setRegistry] = useState<SourceRegistry | null>(null);
  const [error, setError] = useState('');
  const [form, setForm] = useState({ domain: '', outlet: '', perspective: '' });

  useEffect(() => {
    api.get().then(setRegistry, () => setError('Could not read the sites Backstory knows.'));
  }, [api]);

  const save = async (edits: ReaderSources) => {
    try {
      setRegistry(await api.set(edits));
      setError('');
      return true;
    } catch {
      setError('Could not save the change; nothing was changed.');
      return false;
    }
  };

  if (!registry) return error ? <p role="alert">{error}</p> : null;
  const { edits, perspectives } = registry;
  const label = (id: string) => perspectives.find((p) => p.id === id)?.label ?? id;

  const remove = (domain: string) =>
    save({
      sources: edits.sources.filter((s) => s.domain !== domain),
      removed: edits.removed.includes(domain) ? edits.removed : [...edits.removed, domain],
    });

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = v.safeParse(sourceSchema, { ...form, perspective: form.perspective || perspectives[0]?.id || '' });
    if (!parsed.success) {
      setError(parsed.issues[0]?.message ?? 'Check the fields.');
      return;
    }
    const source = parsed.output;
    const ok = await save({
      sources: [...edits.sources.filter((s) => s.domain !== source.domain), source],
      removed: edits.removed.filter((d) => d !== source.domain),
    });
    if (ok) setForm({ domain: '', outlet: '', perspective: form.perspective });
  };

  return (
    <details class="bs-sources">
      <summary>Sites Backstory knows</summary>
      <ul class="bs-sources-list">
        {registry.sources.map((s) => (
          <li key={s.domain} title={s.evidence}>
            <span class="bs-sources-domain">{s.domain}</span>: {s.outlet}, <span class="bs-muted">{label(s.perspective)}</span>{' '}
            <button type="button" onClick={() => void remove(s.domain)} aria-label={`Remove ${s.domain}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form class="bs-sources-form" onSubmit={(e) => void add(e)}>
        <label>
          Site <input name="domain" placeholder="example.com" value={form.domain} onInput={(e) => setForm({ ...form, domain: e.currentTarget.value })} />
        </label>
        <label>
          Outlet <input name="outlet" value={form.outlet} onInput={(e) => setForm({ ...form, outlet: e.currentTarget.value })} />
        </label>
        <label>
          Perspective{' '}
          <select name="perspective" value={form.perspective} onChange={(e) => setForm({ ...form, perspective: e.currentTarget.value })}>
            {perspectives.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add site</button>
      </form>
      {error && <p role="alert" class="bs-sources-error">{error}</p>}
    </details>
  );
}
