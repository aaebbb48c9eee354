// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BURST_RECORDS, planRescan, type ChangeRecord } from '../../entrypoints/content/mutation-plan';
import { isOwnUi, isSkipped } from '../../lib/page/dom-elements';
import { splitIntoChunks } from '../../entrypoints/content/chunks';

function page() {
  document.body.replaceChildren();
  const main = document.createElement('main');
  for (let i = 0; i < 3; i++) {
    const p = document.createElement('p');
    p.id = `p${i}`;
    p.append(`Paragraph ${i} about `, Object.assign(document.createElement('b'), { textContent: 'Soleimani' }));
    main.append(p);
  }
  document.body.append(main);
  const chunks = new Set(splitIntoChunks(document.body));
  const context = { isChunk: (el: Element) => chunks.has(el), isIgnored: (el: Element) => isOwnUi(el) || isSkipped(el) };
  return { main, chunks, context, p: (i: number) => document.getElementById(`p${i}`)! };
}

const record = (r: Partial<ChangeRecord> & Pick<ChangeRecord, 'target'>): ChangeRecord => ({
  type: 'childList',
  addedNodes: [],
  removedNodes: [],
  ...r,
});

describe('planRescan', () => {
  beforeEach(() => document.body.replaceChildren());

  it('rescans only the paragraph whose text changed', () => {
    const { context, p } = page();
    const text = p(1).querySelector('b')!.firstChild!;
    const plan = planRescan([record({ type: 'characterData', target: text })], context);
    expect(plan.roots).toEqual([p(1)]);
    expect(plan.sweep).toBe(false);
  });

  it('collapses many changes in one paragraph into one rescan of it', () => {
    const { context, p } = page();
    const b = p(2).querySelector('b')!;
    const records = Array.from({ length: 20 }, () => record({ target: b, addedNodes: [document.createTextNode('x')] }));
    expect(planRescan(records, context).roots).toEqual([p(2)]);
  });

  it('scans content appended above every chunk (infinite scroll) as new roots', () => {
    const { context, main } = page();
    const article = document.createElement('article');
    article.textContent = 'Kataib Hezbollah';
    main.append(article);
    const plan = planRescan([record({ target: main, addedNodes: [article] })], context);
    expect(plan.roots).toEqual([article]);
  });

  it('sweeps when chunks were removed above any chunk (SPA navigation)', () => {
    const { context, main, p } = page();
    const removed = p(0);
    removed.remove();
    const plan = planRescan([record({ target: main, removedNodes: [removed] })], context);
    expect(plan.sweep).toBe(true);
    expect(plan.roots).toEqual([]);
  });

  it('ignores its own UI and the page scripts', () => {
    const { context, main } = page();
    const host = document.createElement('backstory-ui');
    document.body.append(host);
    const script = document.createElement('script');
    main.append(script);
    const plan = planRescan(
      [
        record({ target: document.body, addedNodes: [host] }),
        record({ target: host, addedNodes: [document.createElement('div')] }),
        record({ target: main, addedNodes: [script] }),
        record({ type: 'characterData', target: script.appendChild(document.createTextNode('var x')) }),
      ],
      context,
    );
    expect(plan).toEqual({ roots: [], sweep: false });
  });

  it('keeps only the outermost of nested roots', () => {
    const { context, main } = page();
    const section = document.createElement('section');
    const inner = document.createElement('div');
    section.append(inner);
    main.append(section);
    const plan = planRescan(
      [record({ target: main, addedNodes: [section] }), record({ target: section, addedNodes: [inner] })],
      context,
    );
    expect(plan.roots).toEqual([section]);
  });

  it('rescans the common root once for a burst of records', () => {
    const { context, main, p } = page();
    const records = Array.from({ length: BURST_RECORDS + 1 }, (_, i) =>
      record({ type: 'characterData', target: p(i % 2 === 0 ? 0 : 2).querySelector('b')!.firstChild! }),
    );
    const plan = planRescan(records, context);
    expect(plan.roots).toEqual([main]);
    expect(plan.sweep).toBe(true);
  });
});

describe('splitIntoChunks', () => {
  it('splits at block children but keeps inline runs (a split name) in one chunk', () => {
    document.body.replaceChildren();
    const article = document.createElement('article');
    const h1 = document.createElement('h1');
    h1.textContent = 'Talks';
    const p = document.createElement('p');
    p.append(Object.assign(document.createElement('b'), { textContent: 'Mustafa' }), ' ', Object.assign(document.createElement('i'), { textContent: 'al-Kazemi' }));
    const mixed = document.createElement('div');
    mixed.append('Loose text ', Object.assign(document.createElement('p'), { textContent: 'and a block' }));
    const script = document.createElement('script');
    script.textContent = 'ignored()';
    article.append(h1, '\n  ', p, mixed, script);
    document.body.append(article);
    expect(splitIntoChunks(document.body)).toEqual([h1, p, mixed]);
  });

  it('skips editable regions and its own UI', () => {
    document.body.replaceChildren();
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.textContent = 'Soleimani';
    const own = document.createElement('backstory-ui');
    const p = document.createElement('p');
    p.textContent = 'Soleimani';
    document.body.append(editor, own, p);
    const chunks = splitIntoChunks(document.body);
    expect(chunks).toEqual([p]);
  });
});
