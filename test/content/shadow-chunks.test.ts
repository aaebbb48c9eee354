// @vitest-environment happy-dom
/**
 * Web components in the content script's bookkeeping: a shadow host is one scan chunk,
 * and a change inside its shadow tree rescans that chunk only.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isOwnUi, isSkipped } from '../../lib/page/dom-elements';
import { splitIntoChunks } from '../../entrypoints/content/chunks';
import { planRescan, type ChangeRecord } from '../../entrypoints/content/mutation-plan';

function el(tag: string, text = '', parent: Node = document.body): HTMLElement {
  const made = document.createElement(tag);
  if (text) made.textContent = text;
  parent.appendChild(made);
  return made;
}

function host(tag: string, parent: Node = document.body): { host: HTMLElement; root: ShadowRoot } {
  const made = el(tag, '', parent);
  return { host: made, root: made.attachShadow({ mode: 'open' }) };
}

function planFor(records: ChangeRecord[]) {
  const chunks = new Set(splitIntoChunks(document.body));
  return planRescan(records, {
    isChunk: (e) => chunks.has(e),
    isIgnored: (e) => isOwnUi(e) || isSkipped(e),
  });
}

const textChange = (target: Node): ChangeRecord => ({ type: 'characterData', target, addedNodes: [], removedNodes: [] });

describe('shadow hosts as scan chunks', () => {
  beforeEach(() => document.body.replaceChildren());

  it('makes a shadow host a chunk of its own beside the page blocks', () => {
    const heading = el('h1', 'Title');
    const { host: article } = host('article-body');
    const after = el('p', 'After');
    expect(splitIntoChunks(document.body)).toEqual([heading, article, after]);
  });

  it('never splits a host by its light children (its shadow tree is what renders)', () => {
    const { host: article } = host('article-body');
    el('p', 'slotted one', article);
    el('p', 'slotted two', article);
    expect(splitIntoChunks(document.body)).toEqual([article]);
  });
});

describe('planRescan inside shadow trees', () => {
  beforeEach(() => document.body.replaceChildren());

  it('rescans only the host whose shadow text changed', () => {
    el('p', 'Elsewhere');
    const { host: article, root } = host('article-body');
    const lead = el('p', 'Kadhimi met the envoys.', root);
    const plan = planFor([textChange(lead.firstChild!)]);
    expect(plan.roots).toEqual([article]);
  });

  it('maps a change in a nested shadow tree to the outermost host in the page', () => {
    el('p', 'Elsewhere');
    const outer = host('article-body');
    const inner = host('pull-quote', outer.root);
    const quote = el('blockquote', 'Pompeo spoke.', inner.root);
    const added = el('p', 'Soleimani', inner.root);
    const plan = planFor([
      textChange(quote.firstChild!),
      { type: 'childList', target: inner.root, addedNodes: [added], removedNodes: [] },
    ]);
    expect(plan.roots).toEqual([outer.host]);
  });

  it('still sweeps when the host itself left the page', () => {
    const { host: article, root } = host('article-body');
    const lead = el('p', 'Kadhimi', root);
    article.remove();
    const plan = planFor([textChange(lead.firstChild!)]);
    expect(plan.roots).toEqual([]);
    expect(plan.sweep).toBe(true);
  });
});
