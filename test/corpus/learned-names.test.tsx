// @vitest-environment happy-dom
/**
 * *Your documents*' learned names against an in-memory background (test/corpus/fake-corpus.ts):
 * each name with its forms and counts, its documents and whether pages mark it; the reader's
 * edits — rename, change the type, merge two, split a form off, reject — are sent as the learned
 * state's edits naming the entity by id and forms; a rejected name is listed apart with Restore;
 * a refused edit says why; axe finds nothing.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusPage } from '../../components/corpus/CorpusPage';
import type { LearnedName } from '../../lib/message-schemas-names';
import { parseImport } from '../../lib/corpus/import-file';
import { fakeCorpus } from './fake-corpus';
import { parseHtml } from './saved-pages';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = undefined;
});

async function settle(rounds = 8) {
  for (let i = 0; i < rounds; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

const SPEAKER: LearnedName = {
  id: 'learned:mohammad-al-halboosi',
  name: 'Mohammad al-Halboosi',
  type: 'person',
  active: true,
  reason: 'named in 2 documents',
  rejected: false,
  edited: false,
  forms: [
    { text: 'Mohammad al-Halboosi', key: 'mohammad al halboosi', count: 1, documents: 1 },
    { text: 'Mohammed al-Halbousi', key: 'mohammed al halbousi', count: 1, documents: 1 },
  ],
  documents: [
    { id: 'd-1', title: 'Al-Halboosi wins a second mandate as Parliament Speaker' },
    { id: 'd-2', title: 'Iraq’s Parliament Re-elects al-Halbousi as Speaker' },
  ],
  documentCount: 2,
  mentions: 5,
  definition: 'the head of al-Takaddom bloc, Mohammad al-Halboosi',
};
const DARRAJI: LearnedName = {
  ...SPEAKER,
  id: 'learned:khalid-al-darraji',
  name: 'Khalid al-Darraji',
  active: false,
  reason: 'named in only 1 document',
  forms: [{ text: 'Khalid al-Darraji', key: 'khalid al darraji', count: 1, documents: 1 }],
  documents: [SPEAKER.documents[1]!],
  documentCount: 1,
  mentions: 1,
  definition: undefined,
};

async function open(names: LearnedName[] = [SPEAKER, DARRAJI]) {
  const corpus = fakeCorpus({ names });
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<CorpusPage services={corpus.services} loadParser={async () => parseImport} parseHtml={parseHtml} />, root!));
  await settle();
  return corpus;
}

const $$ = (css: string) => [...root!.querySelectorAll<HTMLElement>(css)];
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const item = (name: string) => $$('.bs-learned-list[aria-label="Learned names"] > li').find((li) => text(li.querySelector('.bs-learned-title')) === name);
const button = (within: Element, name: string) => {
  const found = [...within.querySelectorAll('button')].find((b) => text(b) === name);
  if (!found) throw new Error(`no button "${name}" in: ${[...within.querySelectorAll('button')].map((b) => text(b)).join(' | ')}`);
  return found;
};
const ref = { id: SPEAKER.id, keys: ['mohammad al halboosi', 'mohammed al halbousi'] };

describe('learned names on Your documents', () => {
  it('lists each name with its forms, counts, documents and whether pages mark it; axe finds nothing', async () => {
    await open();
    expect(text(root!.querySelector('#bs-learned-title'))).toBe('Names learned from your documents (2)');
    const speaker = text(item(SPEAKER.name));
    expect(speaker).toContain('Person');
    expect(speaker).toContain('marked on pages');
    expect(speaker).toContain('the head of al-Takaddom bloc, Mohammad al-Halboosi');
    expect(speaker).toContain('Mohammad al-Halboosi (1)');
    expect(speaker).toContain('Mohammed al-Halbousi (1)');
    expect(speaker).toContain('Named in 2 documents:');
    const links = [...item(SPEAKER.name)!.querySelectorAll('a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(links).toEqual(SPEAKER.documents.map((d) => [d.title, `reader.html?doc=${d.id}`]));
    expect(text(item(DARRAJI.name))).toContain('not marked: named in only 1 document');
    const axe = (await import('axe-core')).default;
    const result = await axe.run(root!, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  it('sends rename, retype, merge, split and reject as edits of the entity by id and forms', async () => {
    const corpus = await open();
    act(() => button(item(SPEAKER.name)!, `Rename “${SPEAKER.name}”`).click());
    const input = item(SPEAKER.name)!.querySelector<HTMLInputElement>('input[type="text"]')!;
    act(() => {
      input.value = 'Mohamed al-Halbousi';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button(item(SPEAKER.name)!, 'Save').click());
    await settle();
    expect(corpus.edits.at(-1)).toEqual({ kind: 'rename', entity: ref, name: 'Mohamed al-Halbousi' });
    expect(text(root!.querySelector('.bs-learned .bs-documents-notice'))).toBe(`Renamed “${SPEAKER.name}” to “Mohamed al-Halbousi”.`);

    const renamed = 'Mohamed al-Halbousi';
    const select = item(renamed)!.querySelector<HTMLSelectElement>('select[aria-label^="Type of"]')!;
    act(() => {
      select.value = 'organization';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(corpus.edits.at(-1)).toEqual({ kind: 'retype', entity: ref, type: 'organization' });

    act(() => button(item(renamed)!, `split off “Mohammad al-Halboosi” from “${renamed}”`).click());
    await settle();
    expect(corpus.edits.at(-1)).toEqual({ kind: 'split', entity: ref, key: 'mohammad al halboosi' });

    act(() => button(item(renamed)!, `Merge “${renamed}” with…`).click());
    act(() => button(item(renamed)!, 'Merge').click());
    await settle();
    expect(corpus.edits.at(-1)).toEqual({ kind: 'merge', entities: [{ id: SPEAKER.id, keys: ['mohammed al halbousi'] }, { id: DARRAJI.id, keys: ['khalid al darraji'] }] });
  });

  it('rejects a name: listed apart with Restore, which takes it back', async () => {
    const corpus = await open();
    act(() => button(item(SPEAKER.name)!, `Reject “${SPEAKER.name}”`).click());
    await settle();
    expect(corpus.edits.at(-1)).toEqual({ kind: 'reject', entity: ref });
    expect(item(SPEAKER.name)).toBeUndefined();
    const rejected = $$('.bs-learned-list[aria-label="Rejected names"] > li');
    expect(rejected.map((li) => text(li.querySelector('.bs-learned-title')))).toEqual([SPEAKER.name]);
    act(() => button(rejected[0]!, `Restore “${SPEAKER.name}”`).click());
    await settle();
    expect(corpus.calls.at(-2)).toBe('restore mohammad al halboosi mohammed al halbousi');
    expect(item(SPEAKER.name)).toBeDefined();
  });

  it('says why when the background refuses an edit, and changes nothing', async () => {
    const corpus = await open([SPEAKER]);
    corpus.services.editName = async () => ({ ok: false, reason: 'Backstory has not learned that name (the list may be out of date: reload it).' });
    act(() => render(<CorpusPage services={corpus.services} loadParser={async () => parseImport} parseHtml={parseHtml} />, root!));
    await settle();
    act(() => button(item(SPEAKER.name)!, `Reject “${SPEAKER.name}”`).click());
    await settle();
    expect(text(root!.querySelector('.bs-learned [role="alert"]'))).toBe('Backstory has not learned that name (the list may be out of date: reload it).');
    expect(item(SPEAKER.name)).toBeDefined();
  });
});
