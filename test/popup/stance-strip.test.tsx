// @vitest-environment happy-dom
// The entity view's stance strip and automatic contrasts: one mark per document's account from
// negative to positive, the arrow keys move along it and show each quote, the same accounts as a
// table; automatic contrasts say so, and the reader can keep or dismiss them.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityView } from '../../components/popup/EntityView';
import type { ReaderHref } from '../../components/shared/Citation';
import { readerSearch } from '../../lib/card-data';
import type { KnowledgeBase } from '../../lib/kb/types';
import { fixtureKb } from '../background/fixture-kb';

const readerHref: ReaderHref = (target) => `chrome-extension://test/reader.html${readerSearch(target)}`;
const PMU = 'popular-mobilization-units';

const kb: KnowledgeBase = {
  ...fixtureKb,
  entities: fixtureKb.entities.map((e) =>
    e.id === PMU
      ? {
          ...e,
          stanceStrip: [
            { doc: 'iran-meddles', perspective: 'israeli', stance: -0.6, quote: 'The PMU are a violent force that attacked protesters.', passage: 'iran-meddles:4:1', characterisation: { kind: 'copular', text: 'are a violent force' } },
            { doc: 'tasnim-pmu', perspective: 'iranian-state', stance: 0.5, quote: 'The Hashd al-Shaabi was decisive in securing the country against Daesh.', passage: 'tasnim-pmu:2:0' },
          ],
        }
      : e,
  ),
};

let root: HTMLElement;
const onReview = vi.fn();

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<EntityView kb={kb} entityId={PMU} readerHref={readerHref} onBack={() => {}} onOpen={() => {}} decisions={[]} onReview={onReview} />, root));
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
  onReview.mockReset();
});

const marks = () => [...root.querySelectorAll<HTMLButtonElement>('.bs-strip-mark')];
const chosenQuote = () => root.querySelector('.bs-strip-chosen blockquote')!.textContent;

describe('stance strip', () => {
  it('puts each document’s account on the strip, most negative left, labelled by outlet, perspective and stance', () => {
    expect(marks().map((m) => m.getAttribute('aria-label'))).toEqual([
      'The Jerusalem Post, Israeli press: negative (−0.60)',
      'Tasnim, Iranian state-affiliated: positive (+0.50)',
    ]);
    const [left, right] = marks().map((m) => parseFloat(m.style.left));
    expect(left!).toBeLessThan(right!);
    expect(marks()[0]!.dataset.colour).not.toBe(marks()[1]!.dataset.colour);
  });

  it('is one tab stop; the arrow keys move along it and show the chosen account’s quote', () => {
    expect(marks().map((m) => m.tabIndex)).toEqual([0, -1]);
    expect(chosenQuote()).toContain('violent force');
    act(() => {
      marks()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(marks().map((m) => m.tabIndex)).toEqual([-1, 0]);
    expect(marks()[1]!.getAttribute('aria-pressed')).toBe('true');
    expect(chosenQuote()).toContain('decisive in securing the country');
    expect(root.querySelector('.bs-strip-chosen a')!.getAttribute('href')).toContain('passage=tasnim-pmu%3A2%3A0');
  });

  it('has the same accounts as a table', () => {
    const rows = [...root.querySelectorAll('.bs-strip-table tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['The Jerusalem Post', 'Israeli press', 'negative (−0.60)'],
      ['Tasnim', 'Iranian state-affiliated', 'positive (+0.50)'],
    ]);
  });
});

describe('automatic contrasts in the entity view', () => {
  it('are labelled as found automatically and can be kept or dismissed', () => {
    const contrast = root.querySelector<HTMLElement>('[data-origin="automatic"]')!;
    expect(contrast.textContent).toContain('Found automatically, not reviewed');
    expect([...contrast.querySelectorAll('.bs-account-outlet')].map((o) => o.textContent)).toEqual(['The Jerusalem Post', 'Tasnim']);
    act(() => contrast.querySelector<HTMLButtonElement>('.bs-review-dismiss')!.click());
    expect(onReview).toHaveBeenCalledWith('auto-contrast:popular-mobilization-units:iran-meddles+tasnim-pmu', 'dismissed');
    act(() => contrast.querySelector<HTMLButtonElement>('.bs-review-keep')!.click());
    expect(onReview).toHaveBeenLastCalledWith('auto-contrast:popular-mobilization-units:iran-meddles+tasnim-pmu', 'kept');
  });
});
