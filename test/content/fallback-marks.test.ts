// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { FallbackMarks } from '../../entrypoints/content/fallback-marks';
import type { SpottedMention } from '../../entrypoints/content/spotted';
import { installStaticRange } from '../page/static-range';

beforeAll(installStaticRange);

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number, clearTimeout };

function mention(id: string, segments: { node: Text; from: number; to: number }[], chunk: Element): SpottedMention {
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  return {
    entity: { id, name: id, type: 'person' },
    range: new StaticRange({ startContainer: first.node, startOffset: first.from, endContainer: last.node, endOffset: last.to }),
    segments,
    chunk,
    anchor: chunk,
  };
}

describe('FallbackMarks', () => {
  it('wraps each mention in <mark>, several in one text node and one split over two', () => {
    const p = document.createElement('p');
    const text = document.createTextNode('Soleimani met Pompeo and ');
    const b = document.createElement('b');
    b.textContent = 'Mustafa';
    const tail = document.createTextNode(' al-Kazemi.');
    p.append(text, b, tail);
    document.body.replaceChildren(p);

    const kadhimi = mention('kadhimi', [
      { node: b.firstChild as Text, from: 0, to: 7 },
      { node: tail, from: 0, to: 10 },
    ], p);
    const marks = new FallbackMarks(timers);
    marks.add([
      mention('soleimani', [{ node: text, from: 0, to: 9 }], p),
      mention('pompeo', [{ node: text, from: 14, to: 20 }], p),
      kadhimi,
    ]);

    const marked = [...p.querySelectorAll('mark[data-backstory-mention]')].map((m) => [m.getAttribute('data-backstory-mention'), m.textContent]);
    expect(marked).toEqual([
      ['soleimani', 'Soleimani'],
      ['pompeo', 'Pompeo'],
      ['kadhimi', 'Mustafa'],
      ['kadhimi', ' al-Kazemi'],
    ]);
    expect(p.textContent).toBe('Soleimani met Pompeo and Mustafa al-Kazemi.');
    // The mention now points at the wrapped text, so the hit-test and reveal keep working.
    expect(kadhimi.segments.map((s) => s.node.parentElement?.localName)).toEqual(['mark', 'mark']);
  });

  it('unwraps cleanly: the page gets back the text nodes it had', () => {
    const p = document.createElement('p');
    const text = document.createTextNode('Before Soleimani after');
    p.append(text);
    document.body.replaceChildren(p);
    const marks = new FallbackMarks(timers);
    marks.add([mention('soleimani', [{ node: text, from: 7, to: 16 }], p)]);
    expect(p.childNodes).toHaveLength(3);
    marks.clear();
    expect(p.querySelector('mark')).toBeNull();
    expect(p.childNodes).toHaveLength(1);
    expect(p.textContent).toBe('Before Soleimani after');
  });

  it('runs its DOM writes through the quiet hook so they are not taken for page changes', () => {
    const p = document.createElement('p');
    const text = document.createTextNode('Soleimani');
    p.append(text);
    document.body.replaceChildren(p);
    let quiet = 0;
    const marks = new FallbackMarks(timers, (write) => {
      quiet++;
      write();
    });
    const m = mention('soleimani', [{ node: text, from: 0, to: 9 }], p);
    marks.add([m]);
    marks.remove([m]);
    expect(quiet).toBe(2);
    expect(p.querySelector('mark')).toBeNull();
  });
});
