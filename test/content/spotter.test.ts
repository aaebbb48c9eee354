// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher } from '../../lib/engine/matcher';
import type { MatcherEntity } from '../../lib/engine/types';
import type { MentionMarks } from '../../entrypoints/content/marks';
import { SCAN_MEASURE, Spotter } from '../../entrypoints/content/spotter';
import type { SpottedMention } from '../../entrypoints/content/spotted';

beforeAll(() => {
  // happy-dom has no usable StaticRange; the spotter only stores its four boundary fields.
  {
    class StaticRangeDouble {
      startContainer: Node;
      startOffset: number;
      endContainer: Node;
      endOffset: number;
      constructor(init: StaticRangeInit) {
        this.startContainer = init.startContainer;
        this.startOffset = init.startOffset;
        this.endContainer = init.endContainer;
        this.endOffset = init.endOffset;
      }
    }
    Object.defineProperty(globalThis, 'StaticRange', { value: StaticRangeDouble, configurable: true, writable: true });
  }
});

const entities: MatcherEntity[] = [
  { id: 'soleimani', name: 'Qassem Soleimani', type: 'person' },
  { id: 'pmu', name: 'Popular Mobilization Forces', type: 'organization' },
  { id: 'kadhimi', name: 'Mustafa al-Kadhimi', type: 'person' },
];
const matcher = loadMatcher(
  buildMatcher({
    kbVersion: 'test',
    entities,
    patterns: [
      { entity: 0, text: 'Qassem Soleimani', specificity: 'unique' },
      { entity: 0, text: 'Soleimani', specificity: 'unique' },
      { entity: 1, text: 'Popular Mobilization Forces', specificity: 'unique' },
      { entity: 1, text: 'PMU', specificity: 'ambiguous' },
      { entity: 2, text: 'Mustafa al-Kazemi', specificity: 'unique' },
      { entity: 2, text: 'Mustafa al-Kadhimi', specificity: 'unique' },
    ],
  }),
);

/** Marks that only remember what is drawn: what the reader would see highlighted. */
class RecordingMarks implements MentionMarks {
  shown = new Set<SpottedMention>();
  add(ms: readonly SpottedMention[]) {
    ms.forEach((m) => this.shown.add(m));
  }
  remove(ms: readonly SpottedMention[]) {
    ms.forEach((m) => this.shown.delete(m));
  }
  clear() {
    this.shown.clear();
  }
  settled() {
    return Promise.resolve();
  }
  flash() {}
  texts(): string[] {
    return [...this.shown]
      .map((m) => m.segments.map((s) => s.node.data.slice(s.from, s.to)).join('|'))
      .sort();
  }
}

type Part = string | [tag: string, text: string];

/** One paragraph per entry; `['b', 'Mustafa']` is an inline element holding that text. */
function page(paragraphs: (string | Part[])[]): HTMLElement[] {
  document.body.replaceChildren();
  return paragraphs.map((parts) => {
    const p = document.createElement('p');
    for (const part of typeof parts === 'string' ? [parts] : parts) {
      if (typeof part === 'string') p.append(part);
      else p.append(Object.assign(document.createElement(part[0]), { textContent: part[1] }));
    }
    document.body.append(p);
    return p;
  });
}

afterEach(() => {
  document.body.replaceChildren();
  performance.clearMeasures(SCAN_MEASURE);
});

const split: Part[] = ['Talks between ', ['b', 'Mustafa'], ' ', ['i', 'al-Kazemi'], ' and Washington.'];

describe('Spotter', () => {
  it('marks names, including one split over inline elements, and records a scan measure', async () => {
    page([split, 'Qassem Soleimani was killed in 2020.']);
    const marks = new RecordingMarks();
    const spotter = new Spotter(matcher, marks, []);
    await spotter.scan([document.body]);
    expect(marks.texts()).toEqual(['Mustafa| |al-Kazemi', 'Qassem Soleimani']);
    expect(spotter.counts().map((c) => [c.entity, c.count])).toEqual([
      ['kadhimi', 1],
      ['soleimani', 1],
    ]);
    expect(performance.getEntriesByName(SCAN_MEASURE, 'measure')).toHaveLength(1);
  });

  it('finds a split name from the text node under the caret, in either part', async () => {
    const [p] = page([split]);
    const spotter = new Spotter(matcher, new RecordingMarks(), []);
    await spotter.scan([document.body]);
    const first = p!.querySelector('b')!.firstChild as Text;
    const last = p!.querySelector('i')!.firstChild as Text;
    expect(spotter.index.at(first, 2)?.entity.id).toBe('kadhimi');
    expect(spotter.index.at(last, 5)?.entity.id).toBe('kadhimi');
    expect(spotter.index.at(p!.firstChild as Text, 3)).toBeUndefined();
  });

  it('accepts an ambiguous name once a later chunk names the entity unambiguously', async () => {
    page(['The PMU said nothing.', 'Filler paragraph.', 'The Popular Mobilization Forces were formed in 2014.']);
    const marks = new RecordingMarks();
    await new Spotter(matcher, marks, []).scan([document.body]);
    expect(marks.texts()).toEqual(['PMU', 'Popular Mobilization Forces']);
  });

  it('leaves an ambiguous name alone on a page that gives it no context', async () => {
    page(['The PMU annual meeting of the Photo Mounting Union.']);
    const marks = new RecordingMarks();
    await new Spotter(matcher, marks, []).scan([document.body]);
    expect(marks.texts()).toEqual([]);
  });

  it('"not this" removes every mark of the entity at once, and it stays out of counts', async () => {
    page(['Soleimani and the Popular Mobilization Forces.', 'Soleimani again.']);
    const marks = new RecordingMarks();
    const spotter = new Spotter(matcher, marks, []);
    await spotter.scan([document.body]);
    spotter.suppress(['soleimani']);
    expect(marks.texts()).toEqual(['Popular Mobilization Forces']);
    expect(spotter.counts().map((c) => c.entity)).toEqual(['pmu']);
  });

  it('does not mark names suppressed on this site', async () => {
    page(['Soleimani and the Popular Mobilization Forces.']);
    const marks = new RecordingMarks();
    await new Spotter(matcher, marks, ['pmu']).scan([document.body]);
    expect(marks.texts()).toEqual(['Soleimani']);
  });

  it('rescans a changed paragraph: old marks go, new ones come, others stay', async () => {
    const [a, b] = page(['Soleimani spoke.', 'Popular Mobilization Forces replied.']);
    const marks = new RecordingMarks();
    const spotter = new Spotter(matcher, marks, []);
    await spotter.scan([document.body]);
    const kept = [...marks.shown].find((m) => m.entity.id === 'pmu');
    a!.textContent = 'Mustafa al-Kadhimi spoke.';
    await spotter.scan([a!]);
    expect(marks.texts()).toEqual(['Mustafa al-Kadhimi', 'Popular Mobilization Forces']);
    expect(marks.shown.has(kept!)).toBe(true);
    expect(performance.getEntriesByName(SCAN_MEASURE, 'measure')).toHaveLength(2);
    b!.remove();
    await spotter.scan([], { sweep: true });
    expect(marks.texts()).toEqual(['Mustafa al-Kadhimi']);
  });

  it('stop() removes every mark', async () => {
    page(['Soleimani spoke.']);
    const marks = new RecordingMarks();
    const spotter = new Spotter(matcher, marks, []);
    await spotter.scan([document.body]);
    spotter.stop();
    expect(marks.texts()).toEqual([]);
    expect(spotter.counts()).toEqual([]);
  });
});
