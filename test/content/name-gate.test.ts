// @vitest-environment happy-dom
// The content script's token gate: a page that names nobody is not spotted (so never sent the
// matcher) until a change of its own brings a name.
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_MEASURE, whenPageMayName } from '../../entrypoints/content/name-gate';
import type { PageWatcher } from '../../entrypoints/content/page-watcher';
import type { RescanPlan } from '../../entrypoints/content/mutation-plan';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { buildTokenGate, TokenGate } from '../../lib/engine/token-gate';

const gate = new TokenGate(
  buildTokenGate(
    buildMatcher({
      kbVersion: 't',
      entities: [{ id: 'kadhimi', name: 'Mustafa al-Kadhimi', type: 'person' }],
      patterns: [
        { entity: 0, text: 'Mustafa al-Kadhimi', specificity: 'unique' },
        { entity: 0, text: 'Kadhimi', specificity: 'unique' },
      ],
    }),
  ),
);

/** The page watcher as the gate uses it: the test plays the page's changes. */
function fakeWatcher() {
  const state = { listener: null as ((plan: RescanPlan) => void) | null, unsubscribed: false };
  const watcher = {
    subscribe(listener: (plan: RescanPlan) => void) {
      state.listener = listener;
      return () => {
        state.unsubscribed = true;
      };
    },
    observeShadowRoot: () => {},
  } as unknown as PageWatcher;
  return { watcher, state };
}

/** The body as paragraphs of text. */
function setBody(...paragraphs: string[]): void {
  document.body.replaceChildren(
    ...paragraphs.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    }),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const gateReads = () => performance.getEntriesByName(GATE_MEASURE).map((m) => (m as PerformanceMeasure).detail as { names: boolean });

afterEach(() => {
  document.body.replaceChildren();
  performance.clearMeasures();
});

describe('the token gate on a page', () => {
  it('spots a page that names someone at once', async () => {
    setBody('The library is open.', 'Prime Minister Mustafa al-Kadhimi spoke.');
    const { watcher } = fakeWatcher();
    let started = 0;
    whenPageMayName(gate, watcher, () => started++);
    await settle();
    expect(started).toBe(1);
    expect(gateReads()).toEqual([{ names: true }]);
  });

  it('does not spot a page that names nobody, until the page adds a name', async () => {
    setBody('Opening hours', 'The library is open from nine until five.');
    const { watcher, state } = fakeWatcher();
    let started = 0;
    whenPageMayName(gate, watcher, () => started++);
    await settle();
    expect(started).toBe(0);
    expect(gateReads()).toEqual([{ names: false }]);

    const other = document.createElement('p');
    other.textContent = 'Books may be returned at the front desk.';
    document.body.append(other);
    state.listener!({ roots: [other], sweep: false });
    await settle();
    expect(started).toBe(0);

    const story = document.createElement('p');
    story.textContent = 'Kadhimi visited the library.';
    document.body.append(story);
    state.listener!({ roots: [story], sweep: false });
    await settle();
    expect(started).toBe(1);
    expect(state.unsubscribed).toBe(true);
  });

  it('stops waiting when torn down', async () => {
    setBody('Nothing here.');
    const { watcher, state } = fakeWatcher();
    let started = 0;
    const stop = whenPageMayName(gate, watcher, () => started++);
    await settle();
    stop();
    expect(state.unsubscribed).toBe(true);
    const story = document.createElement('p');
    story.textContent = 'Kadhimi visited.';
    document.body.append(story);
    state.listener!({ roots: [story], sweep: false });
    await settle();
    expect(started).toBe(0);
  });
});
