// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { locate, offsetAt, rangeOffsets, readPageText, segmentsOf, staticRangeAt, type PageText } from '../../lib/page/dom-page-text';
import { spotText } from '../../lib/engine/evidence';
import { makeMatcher } from '../engine/helpers';
import { installStaticRange } from './static-range';

const matcher = makeMatcher([
  { id: 'kadhimi', names: ['Mustafa al-Kadhimi', 'Mustafa al-Kazemi'] },
  { id: 'soleimani', names: ['Qasem Soleimani', 'Soleimani'] },
]);

function page(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return doc.body;
}

/** The text each mention covers, read back from the DOM nodes `locate` points at. */
function mentionsInDom(map: PageText): string[] {
  return spotText(matcher, map.text).map((m) => {
    const start = locate(map, m.start, 'start')!;
    const end = locate(map, m.end, 'end')!;
    const first = map.nodes.indexOf(start.node);
    const last = map.nodes.indexOf(end.node);
    let covered = '';
    for (let i = first; i <= last; i++) {
      const data = map.nodes[i]!.data;
      covered += data.slice(i === first ? start.offset : 0, i === last ? end.offset : data.length);
    }
    return covered;
  });
}

describe('readPageText', () => {
  it('joins a name split across inline elements', () => {
    const map = readPageText(page('<p>Premier <b>Mustafa</b> <i>al-<span>Kazemi</span></i> spoke.</p>'));
    expect(map.text).toBe('Premier Mustafa al-Kazemi spoke.');
    expect(mentionsInDom(map)).toEqual(['Mustafa al-Kazemi']);
  });

  it('never joins text across blocks', () => {
    for (const html of [
      '<p>Mustafa</p><p>al-Kazemi</p>',
      '<div>Mustafa<div>al-Kazemi</div></div>',
      '<ul><li>Mustafa</li><li>al-Kazemi</li></ul>',
      '<table><tr><td>Mustafa</td><td>al-Kazemi</td></tr></table>',
      '<h2>Mustafa</h2>al-Kazemi',
    ]) {
      const map = readPageText(page(html));
      expect(map.text.replace('\u2029', '|'), html).toBe('Mustafa|al-Kazemi');
      expect(mentionsInDom(map), html).toEqual([]);
    }
  });

  // A line break inside a paragraph is not a block boundary ("Adel Abdul<br>Mahdi").
  it('lets a name run across a <br> inside a paragraph, as across a newline', () => {
    const map = readPageText(page('<p>Premier <a>Mustafa<br>al-Kazemi</a> spoke.</p>'));
    expect(map.text).toBe('Premier Mustafa\nal-Kazemi spoke.');
    // The mention's range covers both text nodes (the <br> itself has no text).
    expect(mentionsInDom(map)).toEqual(['Mustafa' + 'al-Kazemi']);
  });

  it('keeps words apart where a block ends inside a paragraph of text', () => {
    const map = readPageText(page('<div><p>Qasem</p>Soleimani</div>'));
    expect(mentionsInDom(map)).toEqual(['Soleimani']);
  });

  it.each([
    ['script', '<script>var x = "Soleimani";</script>'],
    ['style', '<style>.Soleimani { color: red }</style>'],
    ['textarea', '<textarea>Soleimani</textarea>'],
    ['input value', '<input value="Soleimani">'],
    ['contenteditable', '<div contenteditable="true"><p>Soleimani</p></div>'],
    ['contenteditable (empty value)', '<div contenteditable>Soleimani</div>'],
    ['aria-hidden', '<div aria-hidden="true">Soleimani</div>'],
    ['hidden', '<section hidden><p>Soleimani</p></section>'],
    ['code', '<p>Run <code>Soleimani</code></p>'],
    ['noscript', '<noscript>Soleimani</noscript>'],
    ['svg', '<svg><text>Soleimani</text></svg>'],
    ['our own card', '<backstory-ui>Soleimani</backstory-ui>'],
  ])('skips %s', (_what, html) => {
    const map = readPageText(page(`<p>Before</p>${html}<p>after</p>`));
    expect(map.text).not.toContain('Soleimani');
    expect(map.text).toContain('after');
  });

  it('reads contenteditable="false" inside the page', () => {
    expect(readPageText(page('<div contenteditable="false">Soleimani</div>')).text).toBe('Soleimani');
  });

  it('leaves out the blank text between blocks of pretty-printed HTML, and keeps spaces between words', () => {
    const map = readPageText(page('\n  <h1>Title</h1>\n  <p>One <b>Qasem</b> <i>Soleimani</i></p>\n\n  <ul>\n    <li>Two</li>\n  </ul>\n'));
    expect(map.text).toBe('Title\u2029One Qasem Soleimani\u2029Two');
  });

  it('separates the blocks of minified HTML as it separates pretty-printed ones', () => {
    const minified = readPageText(page('<h1>Talks</h1><p>Kadhimi met the envoys.</p><p>US announces troop cuts.</p>')).text;
    const pretty = readPageText(page('<h1>Talks</h1>\n<p>Kadhimi met the envoys.</p>\n  <p>US announces troop cuts.</p>')).text;
    expect(minified).toBe('Talks\u2029Kadhimi met the envoys.\u2029US announces troop cuts.');
    expect(pretty).toBe(minified);
  });

  it('maps every node to its offset in the text', () => {
    const map = readPageText(page('<p>A <b>bc</b></p><p>d</p>'));
    expect(map.text).toBe('A bc\u2029d');
    expect(map.nodes.map((n) => n.data)).toEqual(['A ', 'bc', 'd']);
    expect(map.starts).toEqual([0, 2, 5]);
  });

  it('reads a text node or a detached subtree as the root', () => {
    const body = page('<p>Qasem <em>Soleimani</em></p>');
    expect(readPageText(body.querySelector('p')!).text).toBe('Qasem Soleimani');
    expect(readPageText(body.querySelector('em')!.firstChild!).text).toBe('Soleimani');
  });
});

describe('locate', () => {
  const map = readPageText(page('<p>ab<b>cd</b></p><p>ef</p>'));
  const at = (offset: number, affinity: 'start' | 'end') => {
    const pos = locate(map, offset, affinity);
    return pos && [pos.node.data, pos.offset];
  };

  it('gives the later node for a start and the earlier one for an end at a node edge', () => {
    expect(at(2, 'start')).toEqual(['cd', 0]);
    expect(at(2, 'end')).toEqual(['ab', 2]);
  });

  it('skips the block break between paragraphs', () => {
    expect(map.text).toBe('abcd\u2029ef');
    expect(at(4, 'start')).toEqual(['ef', 0]);
    expect(at(5, 'start')).toEqual(['ef', 0]);
    expect(at(5, 'end')).toEqual(['cd', 2]);
    expect(at(4, 'end')).toEqual(['cd', 2]);
  });

  it('handles the ends of the text and refuses offsets outside it', () => {
    expect(at(0, 'start')).toEqual(['ab', 0]);
    expect(at(0, 'end')).toEqual(['ab', 0]);
    expect(at(7, 'end')).toEqual(['ef', 2]);
    expect(at(7, 'start')).toEqual(['ef', 2]);
    expect(at(8, 'start')).toBeNull();
    expect(at(-1, 'end')).toBeNull();
  });

  it('inside a node, both affinities agree', () => {
    expect(at(1, 'start')).toEqual(['ab', 1]);
    expect(at(1, 'end')).toEqual(['ab', 1]);
  });
});

describe('the selectable reading (what highlights count in)', () => {
  it('keeps the text a reader sees but no name is marked in, with the same blocks', () => {
    const body = page('<p>Run <code>npm test</code> first.</p><div contenteditable>Draft</div><p aria-hidden="true">Decor</p>');
    expect(readPageText(body).text).toBe('Run  first.');
    expect(readPageText(body, { reading: 'selectable' }).text).toBe('Run npm test first.\u2029Draft\u2029Decor');
  });

  it('still leaves out what is never page text', () => {
    const body = page('<p>A</p><textarea>typed</textarea><script>x()</script><p hidden>gone</p><backstory-ui>card</backstory-ui><p>B</p>');
    expect(readPageText(body, { reading: 'selectable' }).text).toBe('A\u2029B');
  });
});

describe('text offsets ↔ DOM', () => {
  beforeAll(installStaticRange);
  /** In the window's own document: ranges across a parsed document's nodes do not work in happy-dom. */
  const live = (html: string) => {
    document.body.replaceChildren(...[...page(html).childNodes].map((n) => document.importNode(n, true)));
    return document.body;
  };
  const body = () => live('<h1>Talks</h1><p>Kadhimi <b>met</b> the envoys.</p><p>US cuts.</p>');
  const range = (startNode: Node, startOffset: number, endNode: Node, endOffset: number) => {
    const r = startNode.ownerDocument!.createRange();
    r.setStart(startNode, startOffset);
    r.setEnd(endNode, endOffset);
    return r;
  };

  it('round-trips a range across elements and paragraphs', () => {
    const root = body();
    const text = readPageText(root);
    const start = text.text.indexOf('met');
    const end = text.text.indexOf('cuts');
    const found = staticRangeAt(text, start, end)!;
    expect(rangeOffsets(text, found)).toEqual({ start, end });
    expect(range(found.startContainer, found.startOffset, found.endContainer, found.endOffset).toString()).toBe('met the envoys.US ');
  });

  it('gives each text node its stretch of a range', () => {
    const text = readPageText(body());
    const start = text.text.indexOf('Kadhimi');
    const segments = segmentsOf(text, start, text.text.indexOf(' the'));
    expect(segments.map((s) => s.node.data.slice(s.from, s.to))).toEqual(['Kadhimi ', 'met']);
    expect(segmentsOf(text, 5, 6)).toEqual([]); // the block break alone covers no text
  });

  it('maps element boundaries to the nearest text on the side of the range', () => {
    const root = body();
    const text = readPageText(root);
    const [h1, p1, p2] = [...root.children];
    // A selection from the start of the first paragraph to the start of the second.
    expect(rangeOffsets(text, range(p1!, 0, p2!, 0))).toEqual({ start: text.text.indexOf('Kadhimi'), end: text.text.indexOf('\u2029US') });
    expect(offsetAt(text, root, 0, 'start')).toBe(0);
    expect(offsetAt(text, root, root.childNodes.length, 'end')).toBe(text.text.length);
    expect(offsetAt(text, h1!, 1, 'end')).toBe('Talks'.length);
  });

  it('maps a boundary inside skipped text to the text around it, and a selection of skipped text only to nothing', () => {
    const root = live('<p>Before <code>npm test</code> after</p><p><textarea>typed</textarea></p>');
    const text = readPageText(root);
    const code = root.querySelector('code')!.firstChild!;
    expect(rangeOffsets(text, range(code, 2, root.querySelector('p')!.lastChild!, 3))).toEqual({ start: 'Before '.length, end: 'Before  af'.length });
    expect(rangeOffsets(text, range(code, 0, code, 4))).toBeNull();
    const typed = root.querySelector('textarea')!.firstChild!;
    expect(rangeOffsets(text, range(typed, 0, typed, 5))).toBeNull();
  });
});
