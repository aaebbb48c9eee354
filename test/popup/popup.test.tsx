// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import type { ReaderHref } from '../../components/shared/Citation';
import { readerSearch } from '../../lib/card-data';
import { fixtureKb } from '../background/fixture-kb';

const readerHref: ReaderHref = (target) => `chrome-extension://test/reader.html${readerSearch(target)}`;

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Popup kb={fixtureKb} readerHref={readerHref} />, root));
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const input = () => root.querySelector<HTMLInputElement>('input[type="search"]')!;
const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const optionNames = () => options().map((o) => o.querySelector('.bs-result-name')?.textContent);

function type(text: string) {
  act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(key: string) {
  act(() => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

describe('popup lookup', () => {
  it('opens with the labelled search box focused and no results', () => {
    expect(document.activeElement).toBe(input());
    const label = root.querySelector(`label[for="${input().id}"]`);
    expect(label?.textContent).toBe('Look up a name');
    expect(input().getAttribute('aria-controls')).toBe(root.querySelector('[role="listbox"]')?.id);
    expect(options()).toHaveLength(0);
  });

  it('filters results on every keystroke and shows the matched alias', () => {
    const names = () => root.querySelectorAll('.bs-result-entity').length;
    type('ha');
    const broad = names();
    type('hashd');
    expect(optionNames()[0]).toBe('Popular Mobilization Units');
    // Names narrow as the word grows (passages may join once a word is long enough to search prose).
    expect(names()).toBeLessThanOrEqual(broad);
    expect(options()[0]?.textContent).toContain('Hashd al-Shaabi');
    expect(options()[0]?.textContent).toContain('Organisation');
    type('zzzzqqq');
    expect(options()).toHaveLength(0);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('No names match');
  });

  it('Enter opens the first result’s entity view; Back returns to the same results', () => {
    type('kazimi');
    press('Enter');
    expect(root.querySelector('h1')?.textContent).toBe('Mustafa al-Kadhimi');
    expect(document.activeElement).toBe(root.querySelector('h1'));
    expect(root.textContent).toContain('Prime minister of Iraq from May 2020.');
    // Background statement with its citation, linking to the reader at that paragraph.
    const cite = root.querySelector<HTMLAnchorElement>('a.bs-cite')!;
    expect(cite.textContent).toBe('The Jerusalem Post ¶6');
    expect(cite.href).toContain('reader.html?doc=iran-meddles&para=6');
    // Accounts: two different perspectives first.
    const perspectives = [...root.querySelectorAll('[data-perspective]')].map((a) => a.getAttribute('data-perspective'));
    expect(perspectives[0]).not.toBe(perspectives[1]);
    expect(root.textContent).toMatch(/Mentioned in 4 of 4 documents/);

    const back = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Back'))!;
    act(() => back.click());
    expect(input().value).toBe('kazimi');
    expect(optionNames()[0]).toBe('Mustafa al-Kadhimi');
    expect(document.activeElement).toBe(input());
  });

  it('Arrow keys move the active result; Enter opens that one', () => {
    type('soleimani');
    const names = optionNames();
    expect(names[0]).toBe('Qasem Soleimani');
    press('ArrowDown');
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]?.id);
    press('ArrowUp');
    expect(options().at(-1)?.getAttribute('aria-selected')).toBe('true');
    press('ArrowDown');
    press('Enter');
    expect(root.querySelector('h1')?.textContent).toBe('Qasem Soleimani');
  });

  it('a click opens a result, and related entities open their own view', () => {
    type('soleimani');
    act(() => options()[0]!.click());
    expect(root.querySelector('h1')?.textContent).toBe('Qasem Soleimani');
    const related = [...root.querySelectorAll<HTMLButtonElement>('.bs-related-button')];
    expect(related.map((b) => b.textContent)).toContain('Quds Force');
    act(() => related.find((b) => b.textContent === 'Quds Force')!.click());
    expect(root.querySelector('h1')?.textContent).toBe('Quds Force');
  });
});

describe('popup accessibility', () => {
  it('has no axe violations in the results list or the entity view', async () => {
    const axe = (await import('axe-core')).default;
    // happy-dom does no layout, so contrast is checked in the end-to-end suite instead.
    const options = { rules: { 'color-contrast': { enabled: false } } };
    type('soleimani');
    press('ArrowDown');
    const lookup = await axe.run(root, options);
    expect(lookup.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['label', 'aria-valid-attr-value']));
    expect(lookup.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
    press('Enter');
    const entity = await axe.run(root, options);
    expect(entity.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });
});
