// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher } from '../../lib/engine/matcher';
import type { MatcherEntity } from '../../lib/engine/types';
import type { MentionMarks } from '../../entrypoints/content/marks';
import type { NearListener, Nearness } from '../../entrypoints/content/near-viewport';
import { BUILD_MEASURE, firstNotBefore, SCAN_MEASURE, Spotter } from '../../entrypoints/content/spotter';
import type { SpottedMention } from '../../entrypoints/content/spotted';
import spottingPipeline from '../../entrypoints/spotting-pipeline';
import { registeredPipeline } from '../../entrypoints/content/pipeline-contract';
import { installStaticRange } from '../page/static-range';

beforeAll(installStaticRange);
// What the background's `pipeline/load` does in the browser: the pipeline script registers itself.
beforeAll(() => spottingPipeline.main());

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

/** An observer the test moves by hand: which chunks the reader is near. */
class ManualNearness implements Nearness {
  private listeners = new Map<Element, Set<NearListener>>();
  private state = new Map<Element, boolean>();
  watch(el: Element, listener: NearListener) {
    const set = this.listeners.get(el) ?? new Set();
    set.add(listener);
    this.listeners.set(el, set);
  }
  unwatch(el: Element, listener: NearListener) {
    this.listeners.get(el)?.delete(listener);
  }
  isNear(el: Element) {
    return this.state.get(el);
  }
  settled() {
    return Promise.resolve();
  }
  disconnect() {
    this.listeners.clear();
  }
  watched(): Element[] {
    return [...this.listeners].filter(([, set]) => set.size > 0).map(([el]) => el);
  }
  /** The reader scrolled: `el` is now near (or far). */
  report(el: Element, near: boolean) {
    this.state.set(el, near);
    for (const listener of [...(this.listeners.get(el) ?? [])]) listener([{ element: el, near }]);
  }
}

describe('Spotter: mentions built only near the viewport', () => {
  const paragraphs = ['Soleimani spoke first.', 'The Popular Mobilization Forces replied.', 'Later Mustafa al-Kadhimi and Soleimani met.'];

  it('counts every mention at once but builds and marks only the chunks reported near', async () => {
    const [top, , bottom] = page(paragraphs);
    const marks = new RecordingMarks();
    const near = new ManualNearness();
    const spotter = new Spotter(matcher, marks, [], undefined, undefined, near);
    await spotter.scan([document.body]);
    expect(marks.texts()).toEqual([]);
    expect(spotter.counts().map((c) => [c.entity, c.count])).toEqual([
      ['soleimani', 2],
      ['kadhimi', 1],
      ['pmu', 1],
    ]);
    expect(near.watched()).toHaveLength(3);

    near.report(top!, true);
    expect(marks.texts()).toEqual(['Soleimani']);
    // Scrolled to the bottom: its mentions are built, marked and found under the pointer.
    near.report(bottom!, true);
    expect(marks.texts()).toEqual(['Mustafa al-Kadhimi', 'Soleimani', 'Soleimani']);
    expect(spotter.index.at(bottom!.firstChild as Text, 8)?.entity.id).toBe('kadhimi');
    // A built chunk is no longer watched, and building outside a pass is measured on its own.
    expect(near.watched()).toHaveLength(1);
    expect(performance.getEntriesByName(BUILD_MEASURE, 'measure')).toHaveLength(2);
    performance.clearMeasures(BUILD_MEASURE);
  });

  it('builds the n-th mention of an entity on demand, in document order (the popup reveal)', async () => {
    const [, , bottom] = page(paragraphs);
    const marks = new RecordingMarks();
    const spotter = new Spotter(matcher, marks, [], undefined, undefined, new ManualNearness());
    await spotter.scan([document.body]);
    const second = spotter.mentionOf('soleimani', 1);
    expect(second?.range.startContainer.parentElement).toBe(bottom);
    expect(second?.range.startOffset).toBe('Later Mustafa al-Kadhimi and '.length);
    expect(spotter.mentionOf('soleimani', 2)).toBeNull();
    expect(spotter.mentionOf('pmu', 0)?.entity.id).toBe('pmu');
  });

  it('walks mentions from the chunk holding a node, building only what it passes', async () => {
    const [, middle] = page(paragraphs);
    const marks = new RecordingMarks();
    const spotter = new Spotter(matcher, marks, [], undefined, undefined, new ManualNearness());
    await spotter.scan([document.body]);
    const walk = spotter.mentionsFrom(middle!.firstChild);
    expect(walk.next().value?.entity.id).toBe('pmu');
    expect(marks.texts()).toEqual(['Popular Mobilization Forces']);
    expect([...walk].map((m) => m.entity.id)).toEqual(['kadhimi', 'soleimani']);
    expect([...spotter.mentionsFrom(null)].map((m) => m.entity.id)).toEqual(['soleimani', 'pmu', 'kadhimi', 'soleimani']);
  });

  it('"not this" drops mentions not built yet: out of the counts, never marked later', async () => {
    const [top, , bottom] = page(paragraphs);
    const marks = new RecordingMarks();
    const near = new ManualNearness();
    const spotter = new Spotter(matcher, marks, [], undefined, undefined, near);
    await spotter.scan([document.body]);
    near.report(top!, true);
    spotter.suppress(['soleimani']);
    expect(marks.texts()).toEqual([]);
    near.report(bottom!, true);
    expect(marks.texts()).toEqual(['Mustafa al-Kadhimi']);
    expect(spotter.counts().map((c) => c.entity)).toEqual(['kadhimi', 'pmu']);
    performance.clearMeasures(BUILD_MEASURE);
  });

  it('a rescan of a chunk not built yet replaces what it counted', async () => {
    const [top, , bottom] = page(paragraphs);
    const near = new ManualNearness();
    const marks = new RecordingMarks();
    const spotter = new Spotter(matcher, marks, [], undefined, undefined, near);
    await spotter.scan([document.body]);
    bottom!.textContent = 'Nobody of note.';
    await spotter.scan([bottom!]);
    expect(spotter.counts().map((c) => [c.entity, c.count])).toEqual([
      ['pmu', 1],
      ['soleimani', 1],
    ]);
    expect(near.watched()).not.toContain(bottom);
    near.report(top!, true);
    expect(marks.texts()).toEqual(['Soleimani']);
    performance.clearMeasures(BUILD_MEASURE);
  });
});

describe('firstNotBefore', () => {
  it('finds the chunk holding a node, or the first one after it', () => {
    const ps = page(['one', 'two', 'three']);
    const order = ps.map((root) => ({ root }));
    expect(firstNotBefore(order, ps[1]!.firstChild!)).toBe(1);
    expect(firstNotBefore(order, ps[2]!)).toBe(2);
    expect(firstNotBefore(order, document.body)).toBe(0);
    const after = document.createElement('footer');
    document.body.append(after);
    expect(firstNotBefore(order, after)).toBe(3);
  });
});

describe('Spotter: the pipeline after the matcher, loaded on need', () => {
  const withCue = loadMatcher({
    ...buildMatcher({
      kbVersion: 'test',
      entities: [...entities, { id: 'asad-attack', name: 'Attack on Ain al-Asad', type: 'event' }],
      patterns: [{ entity: 0, text: 'Soleimani', specificity: 'unique' }],
    }),
    eventCues: [{ event: 3, trigger: 'missile attack', words: 'Ain al-Asad' }],
  });
  const loads = () => {
    const loader = vi.fn(async () => registeredPipeline()!);
    return loader;
  };

  it('is not loaded on a page with nothing to spot, and is once a name appears', async () => {
    page(['Weather: sunny.', 'Sports results.']);
    const loader = loads();
    const marks = new RecordingMarks();
    const spotter = new Spotter(withCue, marks, [], undefined, undefined, undefined, loader);
    await spotter.scan([document.body]);
    expect(loader).not.toHaveBeenCalled();
    expect(marks.texts()).toEqual([]);
    const added = Object.assign(document.createElement('p'), { textContent: 'Soleimani was killed in 2020.' });
    document.body.append(added);
    await spotter.scan([added]);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(marks.texts()).toEqual(['Soleimani']);
  });

  it('is loaded for an event named by its cue words alone, with no name on the page', async () => {
    page(['Weather: sunny.', 'The missile attack on Ain al-Asad came at night.']);
    const loader = loads();
    const marks = new RecordingMarks();
    await new Spotter(withCue, marks, [], undefined, undefined, undefined, loader).scan([document.body]);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(marks.texts()).toEqual(['missile attack']);
  });

  it('spots nothing this time when it cannot load, and tries again at the next chunk that needs it', async () => {
    page(['Soleimani was killed in 2020.']);
    const loader = vi.fn().mockRejectedValueOnce(new Error('background restarting')).mockImplementation(async () => registeredPipeline()!);
    const marks = new RecordingMarks();
    const spotter = new Spotter(withCue, marks, [], undefined, undefined, undefined, loader);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await spotter.scan([document.body]);
    warn.mockRestore();
    expect(marks.texts()).toEqual([]);
    const added = Object.assign(document.createElement('p'), { textContent: 'Later, Soleimani again.' });
    document.body.append(added);
    await spotter.scan([added]);
    expect(loader).toHaveBeenCalledTimes(2);
    expect(marks.texts()).toEqual(['Soleimani', 'Soleimani']);
  });
});
