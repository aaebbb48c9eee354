// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText, locate, type TextMap } from '../../lib/engine/dom-text';
import { spotText } from '../../lib/engine/evidence';
import { makeMatcher } from './helpers';

const matcher = makeMatcher([
  { id: 'kadhimi', names: ['Mustafa al-Kadhimi', 'Mustafa al-Kazemi'] },
  { id: 'soleimani', names: ['Qasem Soleimani', 'Soleimani'] },
]);

function page(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return doc.body;
}

/** The text each mention covers, read back from the DOM nodes `locate` points at. */
function mentionsInDom(map: TextMap): string[] {
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

describe('extractText', () => {
  it('joins a name split across inline elements', () => {
    const map = extractText(page('<p>Premier <b>Mustafa</b> <i>al-<span>Kazemi</span></i> spoke.</p>'));
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
      const map = extractText(page(html));
      expect(map.text.replace('\u2029', '|'), html).toBe('Mustafa|al-Kazemi');
      expect(mentionsInDom(map), html).toEqual([]);
    }
  });

  // Issue 3: a line break inside a paragraph is not a block boundary ("Adel Abdul<br>Mahdi").
  it('lets a name run across a <br> inside a paragraph, as across a newline', () => {
    const map = extractText(page('<p>Premier <a>Mustafa<br>al-Kazemi</a> spoke.</p>'));
    expect(map.text).toBe('Premier Mustafa\nal-Kazemi spoke.');
    // The mention's range covers both text nodes (the <br> itself has no text).
    expect(mentionsInDom(map)).toEqual(['Mustafa' + 'al-Kazemi']);
  });

  it('keeps words apart where a block ends inside a paragraph of text', () => {
    const map = extractText(page('<div><p>Qasem</p>Soleimani</div>'));
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
    const map = extractText(page(`<p>Before</p>${html}<p>after</p>`));
    expect(map.text).not.toContain('Soleimani');
    expect(map.text).toContain('after');
  });

  it('reads contenteditable="false" inside the page, and asks isOwnUi about every element', () => {
    const body = page('<div contenteditable="false">Soleimani</div><aside class="mine">Qasem Soleimani</aside>');
    const map = extractText(body, { isOwnUi: (el) => el.classList.contains('mine') });
    expect(map.text).toBe('Soleimani');
  });

  it('maps every node to its offset in the text', () => {
    const map = extractText(page('<p>A <b>bc</b></p><p>d</p>'));
    expect(map.text).toBe('A bc\u2029d');
    expect(map.nodes.map((n) => n.data)).toEqual(['A ', 'bc', 'd']);
    expect(map.starts).toEqual([0, 2, 5]);
  });

  it('reads a text node or a detached subtree as the root', () => {
    const body = page('<p>Qasem <em>Soleimani</em></p>');
    expect(extractText(body.querySelector('p')!).text).toBe('Qasem Soleimani');
    expect(extractText(body.querySelector('em')!.firstChild!).text).toBe('Soleimani');
  });
});

describe('locate', () => {
  const map = extractText(page('<p>ab<b>cd</b></p><p>ef</p>'));
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
