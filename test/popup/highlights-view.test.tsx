// @vitest-environment happy-dom
/**
 * The popup's Highlights view against an in-memory background: newest first, search and
 * filters, edit note and tags, delete with undo, orphans listed with their text, import report
 * and refusal, and no axe violations.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HighlightsView } from '../../components/popup/HighlightsView';
import type { HighlightsClient } from '../../components/popup/highlights-client';
import { parseImport, planImport } from '../../lib/highlights/json';
import type { HighlightRow } from '../../lib/storage/types';
import { sampleHighlights } from '../highlights/sample-highlights';

const NAMES: Record<string, string> = { 'mustafa-al-kadhimi': 'Mustafa al-Kadhimi', iraq: 'Iraq', tehran: 'Tehran', 'kataib-hezbollah': 'Kataib Hezbollah' };

let root: HTMLElement;
let store: HighlightRow[];
let downloads: { filename: string; text: string }[];

/** What the background does with each message, over an array. */
const client = (async (name: string, data: Record<string, unknown>) => {
  switch (name) {
    case 'highlights/list':
      return [...store].sort((a, b) => b.createdAt - a.createdAt);
    case 'highlights/update': {
      const row = store.find((h) => h.id === data.id);
      if (!row) return null;
      Object.assign(row, { note: data.note, tags: data.tags, updatedAt: row.updatedAt + 1 });
      return { ...row };
    }
    case 'highlights/delete': {
      const row = store.find((h) => h.id === data.id) ?? null;
      store = store.filter((h) => h.id !== data.id);
      return row;
    }
    case 'highlights/restore':
      store.push(data.highlight as HighlightRow);
      return { ok: true };
    case 'highlights/export':
      return { filename: 'x.json', text: JSON.stringify(store) };
    case 'highlights/import': {
      const parsed = parseImport(data.text as string);
      if (!parsed.ok) return parsed;
      const plan = planImport(store, parsed.highlights);
      store.push(...plan.put);
      return { ok: true, added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
    }
    default:
      return { ok: true };
  }
}) as unknown as HighlightsClient;

/** Let the view's promises settle and re-render. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

beforeEach(async () => {
  store = structuredClone(sampleHighlights);
  downloads = [];
  root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <HighlightsView client={client} entityName={(id) => NAMES[id] ?? id} download={(filename, text) => downloads.push({ filename, text })} />,
      root,
    ),
  );
  await settle();
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const quotes = () => [...root.querySelectorAll('.bs-highlight-quote')].map((q) => q.textContent);
const field = <T extends HTMLElement>(label: string) =>
  [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!.querySelector<T>('input, select, textarea')!;
const button = (name: string, within: ParentNode = root) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label')?.startsWith(name))!;

async function change(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string, event = 'input') {
  el.value = value;
  act(() => void el.dispatchEvent(new Event(event, { bubbles: true })));
  await settle();
}

describe('HighlightsView', () => {
  it('lists highlights newest first, and flags orphans with their text', () => {
    expect(quotes()).toEqual([sampleHighlights[1]!.quote, sampleHighlights[0]!.quote, sampleHighlights[2]!.quote]);
    const orphans = [...root.querySelectorAll('.bs-highlight-orphan')];
    expect(orphans).toHaveLength(1);
    expect(orphans[0]!.querySelector('.bs-highlight-quote')!.textContent).toBe(sampleHighlights[2]!.quote);
    expect(orphans[0]!.textContent).toContain('Orphan');
  });

  it('shows a passage saved across two paragraphs as two paragraphs, labelled on one line', async () => {
    store[0]!.quote = 'The talks ended.\u2029Militias close to Tehran demanded more.';
    await change(field<HTMLInputElement>('Search highlights'), 'talks ended');
    const paragraphs = [...root.querySelectorAll('.bs-highlight-quote p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['The talks ended.', 'Militias close to Tehran demanded more.']);
    expect(button('Open').getAttribute('aria-label')).toBe('Open: The talks ended. Militias close to Tehra…');
  });

  it('searches quote, note and entity names, and filters by entity and site', async () => {
    await change(field<HTMLInputElement>('Search highlights'), 'tasnim');
    expect(quotes()).toEqual([sampleHighlights[0]!.quote]);
    await change(field<HTMLInputElement>('Search highlights'), 'kataib');
    expect(quotes()).toEqual([sampleHighlights[1]!.quote]);
    await change(field<HTMLInputElement>('Search highlights'), '');
    await change(field<HTMLSelectElement>('Entity'), 'mustafa-al-kadhimi', 'change');
    expect(quotes()).toEqual([sampleHighlights[0]!.quote]);
    await change(field<HTMLSelectElement>('Entity'), '', 'change');
    await change(field<HTMLSelectElement>('Site'), 'other.example', 'change');
    expect(quotes()).toEqual([sampleHighlights[2]!.quote]);
  });

  it('edits a note and tags', async () => {
    act(() => button('Edit').click());
    await change(field<HTMLTextAreaElement>('Note'), 'New note');
    await change(field<HTMLInputElement>('Tags'), 'iraq, troops, iraq');
    act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(store.find((h) => h.id === sampleHighlights[1]!.id)).toMatchObject({ note: 'New note', tags: ['iraq', 'troops'] });
    expect(root.querySelector('.bs-highlight')!.textContent).toContain('New note');
  });

  it('deletes with undo', async () => {
    act(() => button('Delete').click());
    await settle();
    expect(quotes()).toHaveLength(2);
    expect(root.querySelector('[role="status"]')!.textContent).toContain('Highlight deleted.');
    act(() => button('Undo').click());
    await settle();
    expect(quotes()).toHaveLength(3);
    expect(store).toHaveLength(3);
  });

  it('exports, and refuses a foreign import without changing anything', async () => {
    act(() => button('Export JSON').click());
    await settle();
    expect(downloads).toHaveLength(1);
    const input = field<HTMLInputElement>('Import JSON');
    const file = new File(['{"annotations": []}'], 'other.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('Nothing imported: This is not a Backstory highlights export.');
    expect(store).toHaveLength(3);
  });

  it('has no axe violations, in the list and while editing', async () => {
    const axe = (await import('axe-core')).default;
    // happy-dom does no layout, so contrast is checked in the end-to-end suite instead.
    const options = { rules: { 'color-contrast': { enabled: false } } };
    const list = await axe.run(root, options);
    expect(list.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
    act(() => button('Edit').click());
    await settle();
    const editing = await axe.run(root, options);
    expect(editing.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });
});
