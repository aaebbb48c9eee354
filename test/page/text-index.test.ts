import { describe, expect, it } from 'vitest';
import { TextIndex, lastAtOrBefore } from '../../lib/page/text-index';

// Text nodes are only keys here: any object will do.
const node = () => ({});

describe('TextIndex: which mention is at a caret position', () => {
  it('finds the mention covering an offset, including the caret just after its last character', () => {
    const index = new TextIndex<object, string>();
    const text = node(); // "Mustafa al-Kadhimi met Qassem Soleimani"
    index.add(text, 0, 18, 'kadhimi');
    index.add(text, 23, 39, 'soleimani');
    expect(index.at(text, 0)).toBe('kadhimi');
    expect(index.at(text, 10)).toBe('kadhimi');
    expect(index.at(text, 18)).toBe('kadhimi');
    expect(index.at(text, 20)).toBeUndefined(); // "met"
    expect(index.at(text, 23)).toBe('soleimani');
    expect(index.at(text, 39)).toBe('soleimani');
    expect(index.at(text, 40)).toBeUndefined();
  });

  it('keeps stretches sorted when mentions arrive out of order', () => {
    const index = new TextIndex<object, string>();
    const text = node();
    index.add(text, 50, 55, 'c');
    index.add(text, 0, 5, 'a');
    index.add(text, 20, 25, 'b');
    expect(index.stretches(text).map((s) => s.value)).toEqual(['a', 'b', 'c']);
    expect(index.at(text, 22)).toBe('b');
    expect(index.at(text, 52)).toBe('c');
    expect(index.at(text, 30)).toBeUndefined();
  });

  it('answers per node: a name split over two nodes is found from either', () => {
    const index = new TextIndex<object, string>();
    const first = node(); // "<b>Mustafa</b>"
    const second = node(); // " al-Kazemi"
    index.add(first, 0, 7, 'kadhimi');
    index.add(second, 0, 10, 'kadhimi');
    expect(index.at(first, 3)).toBe('kadhimi');
    expect(index.at(second, 8)).toBe('kadhimi');
    expect(index.at(node(), 3)).toBeUndefined();
  });

  it('forgets a removed mention but keeps its neighbours', () => {
    const index = new TextIndex<object, string>();
    const text = node();
    index.add(text, 0, 5, 'a');
    index.add(text, 10, 15, 'b');
    index.remove(text, 'a');
    expect(index.at(text, 2)).toBeUndefined();
    expect(index.at(text, 12)).toBe('b');
    index.remove(text, 'b');
    expect(index.stretches(text)).toHaveLength(0);
  });

  it('binary search finds the last stretch starting at or before an offset', () => {
    const list = [0, 10, 20, 30, 40].map((from) => ({ from, to: from + 5, value: from }));
    expect(lastAtOrBefore(list, -1)).toBe(-1);
    expect(lastAtOrBefore(list, 0)).toBe(0);
    expect(lastAtOrBefore(list, 29)).toBe(2);
    expect(lastAtOrBefore(list, 30)).toBe(3);
    expect(lastAtOrBefore(list, 1000)).toBe(4);
    expect(lastAtOrBefore([], 5)).toBe(-1);
  });
});
