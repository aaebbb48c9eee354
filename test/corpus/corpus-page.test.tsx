// @vitest-environment happy-dom
/**
 * *Your documents* against an in-memory background (test/corpus/fake-corpus.ts) and the real
 * file parser: picking saved pages, a .jsonl file, a pack and files that are not documents gives
 * the right summary, each refused file by name with its reason and each duplicate with the
 * document it duplicates; the progress bar moves and Cancel stops the import; the list shows
 * each document's outlet, date, perspective or "perspective not labelled" and names, is
 * searchable, exports all or a selection, removes a document after a confirmation; an outlet is
 * labelled once for all its documents; the starter corpus is removed and restored; an import a
 * closed page left unfinished is shown on opening; and axe finds nothing throughout.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusPage } from '../../components/corpus/CorpusPage';
import { parseImport } from '../../lib/corpus/import-file';
import type { ImportStatus } from '../../components/corpus/services';
import { fakeCorpus, STARTER_DOCUMENTS, STARTER_TITLE, summary, type FakeCorpusOptions } from './fake-corpus';
import { fixtureBytes, parseHtml } from './saved-pages';
import { FOLDER_IMPORT_SUMMARY, SAVED_PAGES } from '../fixtures/corpus/import-folder';

let root: HTMLElement | undefined;

afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = undefined;
});

async function settle(rounds = 8) {
  for (let i = 0; i < rounds; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

/** Lets the page work (the import follows its job every 250 ms) until `done()` holds. */
async function until(done: () => boolean, what: string, timeout = 5_000) {
  const end = Date.now() + timeout;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await act(async () => await new Promise((r) => setTimeout(r, 20)));
  }
}

async function open(options: FakeCorpusOptions = {}) {
  const corpus = fakeCorpus({ buildPerStatus: 100, ...options });
  root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(<CorpusPage services={corpus.services} loadParser={async () => parseImport} parseHtml={parseHtml} />, root!),
  );
  await settle();
  return corpus;
}

const $ = <T extends Element = HTMLElement>(css: string) => root!.querySelector<T>(css);
const $$ = (css: string) => [...root!.querySelectorAll<HTMLElement>(css)];
const text = (css: string) => $(css)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (name: string) => {
  const found = $$('button').find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`no button "${name}" in: ${$$('button').map((b) => b.getAttribute('aria-label') ?? b.textContent).join(' | ')}`);
  return found as HTMLButtonElement;
};
const click = async (name: string) => {
  act(() => button(name).click());
  await settle();
};
const input = (label: string) => $$('input').find((i) => i.getAttribute('aria-label') === label || i.closest('label')?.textContent?.includes(label)) as HTMLInputElement;

function file(name: string, path?: string): File {
  return new File([new Uint8Array(path ? fixtureBytes(path) : [])], name);
}

const status = () => text('.bs-import-status');

/** Picks files in "Import documents", as the file dialog would; by default waits for the summary. */
async function pick(files: File[], { wait = true } = {}) {
  const picker = input('Import documents');
  Object.defineProperty(picker, 'files', { value: files, configurable: true });
  act(() => {
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  if (wait) await until(() => /^Import (finished|cancelled|stopped|interrupted)/.test(status()), 'the import summary');
}
const titles = () => $$('.bs-document-title').map((a) => a.textContent);

async function axeViolations(): Promise<string[]> {
  const axe = (await import('axe-core')).default;
  // happy-dom does no layout, so contrast is checked in the end-to-end suite instead.
  const result = await axe.run(root!, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('Your documents', () => {
  it('lists each document with its outlet, domain, date, perspective or none, and names found', async () => {
    await open({ documents: [...STARTER_DOCUMENTS, summary({ id: 'd-1', title: 'Rockets near the airport', outlet: 'Tigris Monitor', domain: 'tigris.example', names: 1 })] });
    expect(text('#bs-documents-title')).toBe('Documents (3)');
    const rows = $$('.bs-document').map((li) => li.querySelector('.bs-document-meta')!.textContent);
    expect(rows[0]).toBe(['The Jerusalem Post', 'jpost.com', 'June 2020', 'Israeli press', '24 names found', STARTER_TITLE].join(''));
    expect(rows[2]).toBe(['Tigris Monitor', 'tigris.example', 'no date', 'perspective not labelled', '1 name found'].join(''));
    expect($('.bs-document-title')!.getAttribute('href')).toBe('reader.html?doc=iran-meddles');
    expect(await axeViolations()).toEqual([]);
  });

  it('imports saved pages, a .jsonl file and a pack; refuses what it cannot take by name; says how many', async () => {
    const corpus = await open();
    await pick([
      file('wordpress.html', 'saved-pages/wordpress.html'),
      file('news-graph.html', 'saved-pages/news-graph.html'),
      file('articles.jsonl', 'files/articles.jsonl'),
      file('photo.png', 'files/photo.png'),
      file('empty.txt'),
      file('sample-pack.json', 'packs/sample-pack.json'),
    ]);
    // The pack holds the WordPress article too: skipped as a duplicate of the saved page.
    expect(status()).toBe('Import finished: 6 documents added, 1 skipped as a duplicate, 5 refused.');
    expect(text('.bs-import-details')).toContain(
      'sample-pack.json: already in your documents as “Rocket attacks test Kadhimi’s promise to rein in armed factions” (the same address)',
    );
    const refused = $$('.bs-import-list').find((l) => l.textContent?.startsWith('Refused'))!;
    const reasons = [...refused.querySelectorAll('li')].map((li) => li.textContent);
    expect(reasons).toEqual([
      expect.stringMatching(/^articles\.jsonl, line 3: not valid JSON/),
      'articles.jsonl, line 4: "text" is missing or empty',
      'articles.jsonl, line 7: "url" "ftp://files.example/article.txt" is not a web address',
      expect.stringMatching(/^photo\.png: a \.png file is not something Backstory imports/),
      'empty.txt: the file is empty',
    ]);
    // One import: opened for every item the files hold, sent in one batch (a small drop), then ended.
    const [start, batch, ...rest] = corpus.calls.filter((c) => /^(start|batch|end)/.test(c));
    expect(start).toMatch(/^start \d+$/);
    expect(batch).toBe(start!.replace('start', 'batch'));
    expect(rest).toEqual(['end']);
    expect(corpus.journalled).toEqual([['wordpress.html', 'news-graph.html', 'articles.jsonl', 'photo.png', 'empty.txt', 'sample-pack.json']]);
    expect(titles()).toEqual(expect.arrayContaining(['Rocket attacks test Kadhimi’s promise to rein in armed factions', 'US and Iraq open strategic dialogue']));
    expect(text('#bs-documents-title')).toBe('Documents (8)');
    expect(await axeViolations()).toEqual([]);

    // The same files again: every document is skipped as a duplicate of the one already in.
    await pick([file('wordpress.html', 'saved-pages/wordpress.html'), file('copy.jsonl', 'files/articles.jsonl')]);
    expect(status()).toBe('Import finished: 0 documents added, 4 skipped as duplicates, 3 refused.');
    const skipped = $$('.bs-import-list').find((l) => l.textContent?.startsWith('Skipped'))!;
    expect(skipped.querySelector('li')!.textContent).toBe(
      'wordpress.html: already in your documents as “Rocket attacks test Kadhimi’s promise to rein in armed factions” (the same address)',
    );
    expect(skipped.querySelector('a')!.getAttribute('href')).toMatch(/^reader\.html\?doc=d-/);
  });

  it('imports a folder of saved pages with a .jsonl file; a truncated pack is refused by name and the rest added', async () => {
    await open();
    await pick([...SAVED_PAGES.map((name) => file(name, `saved-pages/${name}`)), file('articles.jsonl', 'files/articles.jsonl'), file('truncated-pack.json', 'packs/truncated-pack.json')]);
    expect(status()).toBe(FOLDER_IMPORT_SUMMARY);
    const refused = $$('.bs-import-list').find((l) => l.textContent?.startsWith('Refused'))!;
    expect([...refused.querySelectorAll('li')].map((li) => li.textContent).at(-1)).toMatch(/^truncated-pack\.json: /);
    expect(titles()).toEqual(expect.arrayContaining(['Six years after the fatwa, the PMF faces questions about its future', 'Rockets land near Baghdad airport']));
  });

  it('shows progress while adding, and Cancel stops the import with what was not added', async () => {
    const corpus = await open({ buildPerStatus: 1 });
    await pick([file('articles.jsonl', 'files/articles.jsonl'), file('field-notes.md', 'files/field-notes.md')], { wait: false });
    await until(() => text('#bs-import-progress-label').startsWith('Adding documents'), 'the adding phase');
    const progress = $<HTMLProgressElement>('progress');
    expect(progress).not.toBeNull();
    expect(progress!.getAttribute('aria-labelledby')).toBe('bs-import-progress-label');
    expect(text('#bs-import-progress-label')).toMatch(/^(Reading files|Adding documents): \d+ of \d+$/);
    expect(status()).toBe('Importing 2 files…');
    expect(await axeViolations()).toEqual([]);
    await click('Cancel import');
    await until(() => status().startsWith('Import cancelled'), 'the cancelled summary');
    expect(corpus.calls).toContain('cancel');
    expect($('progress')).toBeNull();
    expect(status()).toMatch(/^Import cancelled: \d documents? added, 0 skipped as duplicates, \d refused; \d items? not added\.$/);
    expect($$('.bs-import-list h3').some((h) => /^Not added \(\d\)$/.test(h.textContent ?? ''))).toBe(true);
  });

  it('searches titles, outlets, sites and perspectives, with transliterations folded', async () => {
    await open({ documents: [...STARTER_DOCUMENTS, summary({ id: 'd-1', title: 'Al-Kadhimi visits Tehran', outlet: 'Tigris Monitor' })] });
    const search = input('Search your documents');
    const type = async (q: string) => {
      act(() => {
        search.value = q;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await settle(2);
    };
    await type('kazimi');
    expect(titles()).toEqual(['Al-Kadhimi visits Tehran']);
    await type('jerusalem po');
    expect(titles()).toEqual(['Iran meddles in Iraq']);
    await type('state-affil');
    expect(titles()).toEqual(['The US revives ISIS']);
    await type('nothing like this');
    expect(text('.bs-documents')).toContain('No document matches “nothing like this”.');
  });

  it('exports all documents or the selected ones as a corpus pack', async () => {
    const corpus = await open();
    await click('Export all');
    act(() => input('Select “The US revives ISIS”').click());
    await settle(2);
    await click('Export selected (1)');
    expect(corpus.downloads).toEqual([
      { filename: 'backstory-corpus.json', text: '["iran-meddles","isis-revival"]', type: 'application/json' },
      { filename: 'backstory-corpus.json', text: '["isis-revival"]', type: 'application/json' },
    ]);
  });

  it('removes a document only after a confirmation that says highlights stay', async () => {
    const corpus = await open();
    await click('Remove “Iran meddles in Iraq”');
    expect(text('.bs-confirm')).toContain('Your highlights stay.');
    expect(document.activeElement?.textContent).toBe('Remove document');
    expect(await axeViolations()).toEqual([]);
    await click('Keep');
    expect(corpus.calls.some((c) => c.startsWith('remove'))).toBe(false);
    await click('Remove “Iran meddles in Iraq”');
    await click('Remove document');
    expect(corpus.calls).toContain('remove iran-meddles');
    expect(titles()).toEqual(['The US revives ISIS']);
    expect(text('.bs-documents-notice')).toBe('Removed “Iran meddles in Iraq”. Its accounts are gone from cards, lookup and the reader; your highlights stay.');
  });

  it('labels an unknown outlet once for all its documents', async () => {
    const corpus = await open({
      documents: [
        summary({ id: 'd-1', title: 'One', outlet: 'Tigris Monitor', domain: 'tigris.example' }),
        summary({ id: 'd-2', title: 'Two', outlet: 'Tigris Monitor', domain: 'tigris.example' }),
        summary({ id: 'd-3', title: 'Notes', outlet: 'Field notes' }),
      ],
    });
    expect(text('.bs-outlets')).toContain('Tigris Monitor tigris.example · 2 documents');
    expect(text('.bs-outlets')).toContain('Field notes 1 document · no web address');
    const select = $<HTMLSelectElement>('.bs-outlet-form select')!;
    act(() => {
      select.value = 'iranian-state';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click('Label Tigris Monitor');
    expect(corpus.calls).toContain('label tigris.example iranian-state');
    expect($$('.bs-document .bs-chip').map((c) => c.textContent)).toEqual(['Iranian state-affiliated', 'Iranian state-affiliated']);
    expect(text('.bs-outlets-notice')).toBe('Tigris Monitor (tigris.example) is now labelled Iranian state-affiliated, for all its documents.');
    expect(await axeViolations()).toEqual([]);
  });

  it('removes the starter corpus after a confirmation and restores it', async () => {
    const corpus = await open();
    await click(`Remove ${STARTER_TITLE}…`);
    await click('Remove pack');
    expect(corpus.calls).toContain('starter false');
    expect(titles()).toEqual([]);
    expect(text('.bs-packs')).toContain(`${STARTER_TITLE} removed`);
    await click(`Restore ${STARTER_TITLE}`);
    expect(corpus.calls).toContain('starter true');
    expect(titles()).toEqual(['Iran meddles in Iraq', 'The US revives ISIS']);
  });

  it('shows an import a closed page left unfinished, with what was not added', async () => {
    const interrupted: ImportStatus = {
      id: 'i-00000000000000aa', label: 'archive.jsonl', state: 'interrupted', expected: 40, received: 12, processed: 12, added: 10,
      duplicates: 1, refused: 1, notAdded: 28, startedAt: Date.UTC(2026, 0, 5, 9, 30), updatedAt: Date.UTC(2026, 0, 5, 9, 31),
      duplicateList: [{ name: 'archive.jsonl', line: 4, doc: 'iran-meddles', title: 'Iran meddles in Iraq', reason: 'text' }],
      refusedList: [{ name: 'archive.jsonl', line: 7, reason: 'the line is not JSON' }],
      notAddedList: [{ name: 'archive.jsonl', line: 13 }],
    };
    const corpus = await open({ jobs: [interrupted] });
    const box = $('.bs-interrupted')!;
    expect(box.querySelector('h3')!.textContent).toBe('An import did not finish');
    expect(box.textContent).toContain('10 of 40 documents were added, each whole; 28 not.');
    expect(box.textContent).toContain('archive.jsonl, line 13');
    expect(box.textContent).toContain('import the same files again: the documents already added are skipped as duplicates');
    expect(button('Import the files again…')).toBeTruthy();
    expect(await axeViolations()).toEqual([]);
    // Seen: dismissed, it is forgotten (what it added stays).
    await click('Dismiss');
    expect(corpus.calls).toContain('dismiss i-00000000000000aa');
    expect($('.bs-interrupted')).toBeNull();
  });
});
