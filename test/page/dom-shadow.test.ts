// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK } from '../../lib/engine/alphabet';
import { readPageText, locate } from '../../lib/page/dom-page-text';
import { spotText } from '../../lib/engine/evidence';
import { makeMatcher } from '../engine/helpers';

const matcher = makeMatcher([
  { id: 'kadhimi', names: ['Mustafa al-Kadhimi', 'Kadhimi'] },
  { id: 'soleimani', names: ['Qasem Soleimani', 'Soleimani'] },
]);

/** Parsed markup appended to `parent` (markup is parsed, never assigned as HTML). */
function fill(parent: Node, html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
  for (const node of [...parsed.childNodes]) parent.appendChild(document.importNode(node, true));
}

/** A connected body (slot assignment needs the host in a document). */
function page(html: string): HTMLElement {
  document.body.replaceChildren();
  fill(document.body, html);
  return document.body;
}

function shadow(host: Element, html: string, mode: ShadowRootMode = 'open'): ShadowRoot {
  const root = host.attachShadow({ mode });
  fill(root, html);
  return root;
}

/** The text of each spotted name, read back from the DOM nodes the map points at. */
function namesInDom(body: Element): string[] {
  const map = readPageText(body);
  return spotText(matcher, map.text).map((m) => {
    const start = locate(map, m.start, 'start')!;
    const end = locate(map, m.end, 'end')!;
    expect(start.node).toBe(end.node);
    return start.node.data.slice(start.offset, end.offset);
  });
}

describe('readPageText in open shadow roots', () => {
  it('reads the shadow tree of a host in the page, with the page text around it', () => {
    const body = page('<p>Before.</p><article-body></article-body><p>After.</p>');
    shadow(body.querySelector('article-body')!, '<p>Kadhimi met Soleimani.</p>');
    const map = readPageText(body);
    expect(map.text.split(BLOCK_BREAK)).toEqual(['Before.', 'Kadhimi met Soleimani.', 'After.']);
    expect(namesInDom(body)).toEqual(['Kadhimi', 'Soleimani']);
    // The offsets point into the shadow tree's own text node.
    expect(map.nodes[1]!.getRootNode()).toBe(body.querySelector('article-body')!.shadowRoot);
  });

  it('reads a host that is itself the root being scanned (a scan chunk)', () => {
    const body = page('<article-body></article-body>');
    const host = body.querySelector('article-body')!;
    shadow(host, '<h2>Profile</h2><p>Soleimani</p>');
    expect(readPageText(host).text.split(BLOCK_BREAK)).toEqual(['Profile', 'Soleimani']);
  });

  it('descends into nested shadow roots and reports each root it reads', () => {
    const body = page('<outer-card></outer-card>');
    const outer = shadow(body.querySelector('outer-card')!, '<p>Outer Kadhimi</p><inner-quote></inner-quote>');
    const inner = shadow(outer.querySelector('inner-quote')!, '<p>Inner Soleimani</p>');
    const seen: ShadowRoot[] = [];
    const map = readPageText(body, { onShadowRoot: (root) => seen.push(root) });
    expect(map.text.split(BLOCK_BREAK)).toEqual(['Outer Kadhimi', 'Inner Soleimani']);
    expect(seen).toEqual([outer, inner]);
  });

  it('reads slotted light-DOM text once, where its slot renders it', () => {
    const body = page('<byline-box><span slot="name">Qasem Soleimani</span><b>unslotted</b></byline-box>');
    shadow(body.querySelector('byline-box')!, '<p>By <slot name="name">nobody</slot>, Baghdad</p>');
    const map = readPageText(body);
    expect(map.text).toBe('By Qasem Soleimani, Baghdad');
    expect(namesInDom(body)).toEqual(['Qasem Soleimani']);
  });

  it('reads a slot fallback when nothing is assigned to it', () => {
    const body = page('<byline-box></byline-box>');
    shadow(body.querySelector('byline-box')!, '<p>By <slot name="name">Kadhimi</slot></p>');
    expect(readPageText(body).text).toBe('By Kadhimi');
  });

  it('ignores closed shadow roots', () => {
    const body = page('<p>Kadhimi</p><secret-box></secret-box>');
    shadow(body.querySelector('secret-box')!, '<p>Soleimani</p>', 'closed');
    expect(namesInDom(body)).toEqual(['Kadhimi']);
  });

  it('applies the skip rules inside shadow trees', () => {
    const body = page('<article-body></article-body>');
    shadow(
      body.querySelector('article-body')!,
      [
        '<p>Seen: Kadhimi</p>',
        '<textarea>Soleimani</textarea>',
        '<code>Soleimani</code>',
        '<p hidden>Soleimani</p>',
        '<p aria-hidden="true">Soleimani</p>',
        '<div contenteditable="true">Soleimani</div>',
        '<backstory-ui>Soleimani</backstory-ui>',
        '<script>Soleimani</script>',
      ].join(''),
    );
    expect(readPageText(body).text).toBe('Seen: Kadhimi');
  });

  it('never reads a shadow host that is itself skipped', () => {
    const body = page('<div aria-hidden="true"><article-body></article-body></div>');
    shadow(body.querySelector('article-body')!, '<p>Soleimani</p>');
    expect(readPageText(body).text).toBe('');
  });
});
