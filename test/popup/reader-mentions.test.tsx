// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Reader } from '../../entrypoints/reader/Reader';
import { paragraphRuns } from '../../lib/reader-mentions';
import { fixtureKb } from '../background/fixture-kb';
import { makeMatcher } from '../engine/helpers';

let root: HTMLElement | undefined;
// The fixture knowledge base's names, compiled as `npm run corpus` would.
const matcher = makeMatcher(
  fixtureKb.entities.map((e) => ({
    id: e.id,
    type: e.type,
    names: [e.name, ...e.aliases],
    specificity: e.specificity ?? 'unique',
    contextual: e.contextual,
  })),
);

function show(search: string) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Reader kb={fixtureKb} search={search} matcher={matcher} />, root!));
  return root;
}

afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
});

const mentions = (el: ParentNode) => [...el.querySelectorAll<HTMLElement>('.bs-mention')];

describe('paragraph runs', () => {
  it('keeps a name that straddles the passage edge whole, inside the passage', () => {
    const text = 'Before Mustafa al-Kadhimi spoke.';
    const runs = paragraphRuns(text, [{ start: 7, end: 25, entity: 'k' }], 'al-Kadhimi spoke.');
    expect(runs[0]).toEqual({ kind: 'text', text: 'Before ' });
    expect(runs[1]).toEqual({
      kind: 'passage',
      runs: [
        { kind: 'mention', text: 'Mustafa al-Kadhimi', entity: 'k' },
        { kind: 'text', text: ' spoke.' },
      ],
    });
  });
});

describe('reader marks', () => {
  it('marks the document’s mentions, inside the linked passage too, as focusable names', () => {
    const page = show('?doc=iran-meddles&passage=iran-meddles%3A4%3A1');
    const marked = mentions(page);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => m.tabIndex === 0 && m.getAttribute('role') === 'button')).toBe(true);
    const passage = page.querySelector('mark.bs-passage')!;
    expect(passage.textContent).toBe('The PMU are a violent force that attacked protesters.');
    expect(mentions(passage).map((m) => m.dataset.entity)).toContain('popular-mobilization-units');
    // The text reads the same with or without marks.
    expect(page.querySelector('#p4')!.textContent).toContain('The PMU are a violent force that attacked protesters.');
  });

  it('Enter on a name opens its card with focus in it; Esc closes it and returns focus', () => {
    const page = show('?doc=iran-meddles');
    const pmu = mentions(page).find((m) => m.dataset.entity === 'popular-mobilization-units')!;
    act(() => {
      pmu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    const card = page.querySelector<HTMLElement>('.bs-card[role="dialog"]')!;
    expect(card.querySelector('.bs-card-name')?.textContent).toBe('Popular Mobilization Units');
    expect(document.activeElement).toBe(card);
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(page.querySelector('.bs-card')).toBeNull();
    expect(document.activeElement).toBe(pmu);
  });

  it('“Not this” on the card unmarks that name in this view', () => {
    const page = show('?doc=iran-meddles');
    const pmu = mentions(page).find((m) => m.dataset.entity === 'popular-mobilization-units')!;
    act(() => pmu.click());
    act(() => page.querySelector<HTMLButtonElement>('.bs-card-suppress')!.click());
    expect(mentions(page).some((m) => m.dataset.entity === 'popular-mobilization-units')).toBe(false);
    expect(page.querySelector('.bs-card')).toBeNull();
  });
});
