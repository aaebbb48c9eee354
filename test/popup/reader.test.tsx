// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Reader } from '../../entrypoints/reader/Reader';
import { fixtureKb } from '../background/fixture-kb';

let root: HTMLElement | undefined;

function show(search: string) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Reader kb={fixtureKb} search={search} />, root!));
  return root;
}

afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
});

describe('document reader', () => {
  it('shows the document with its outlet, perspective and evidence, at the linked passage', () => {
    const page = show('?doc=iran-meddles&passage=iran-meddles%3A4%3A1');
    expect(page.querySelector('h1')?.textContent).toBe('Iran meddles in US-Iraq strategic talks');
    expect(page.textContent).toContain('The Jerusalem Post');
    expect(page.textContent).toContain('Israeli press');
    expect(page.textContent).toContain('Hawkish.');
    const target = page.querySelector('#p4')!;
    expect(document.activeElement).toBe(target);
    expect(target.querySelector('mark')?.textContent).toBe('The PMU are a violent force that attacked protesters.');
    expect(page.querySelectorAll('mark')).toHaveLength(1);
  });

  it('goes to a paragraph given by number', () => {
    const page = show('?doc=iran-meddles&para=6');
    expect(document.activeElement).toBe(page.querySelector('#p6'));
    expect(page.querySelector('mark')).toBeNull();
  });

  it('lists the documents when no document is given', () => {
    const page = show('');
    const links = [...page.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(fixtureKb.documents.map((d) => `?doc=${d.id}`));
  });

  it('says clearly when the document does not exist', () => {
    const page = show('?doc=nope');
    expect(page.querySelector('h1')?.textContent).toBe('Document not found');
    expect(page.textContent).toContain('“nope”');
  });
});
