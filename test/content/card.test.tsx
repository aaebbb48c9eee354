// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, type CardContent } from '../../components/card/Card';
import type { CardData } from '../../lib/messages';

const data: CardData = {
  id: 'pmu',
  name: 'Popular Mobilization Forces',
  type: 'organization',
  summary: 'Iraqi state-sponsored umbrella of mostly Shia militias.',
  background: [
    { text: 'Formed in 2014 to fight ISIS.', cites: ['doc-a:3'] },
    { text: 'Several of its factions are close to Iran.', cites: ['doc-b:5'] },
    { text: 'A third statement the card leaves to the popup.', cites: ['doc-c:1'] },
  ],
  accounts: [
    {
      doc: 'doc-a',
      title: 'Why does the regime fear the talks?',
      outlet: 'Opposition site',
      perspective: { id: 'iranian-opposition', label: 'Iranian opposition' },
      quote: 'A <b>violent</b> force & a proxy',
      passage: 'doc-a:4:0',
      readerUrl: 'chrome-extension://id/reader.html?doc=doc-a&passage=doc-a%3A4%3A0',
    },
    {
      doc: 'doc-c',
      title: 'Tehran view',
      outlet: 'State-affiliated outlet',
      perspective: { id: 'iran-state', label: 'Iranian state-affiliated' },
      quote: 'Decisive in securing the country.',
      passage: 'doc-c:2:1',
      readerUrl: 'chrome-extension://id/reader.html?doc=doc-c&passage=doc-c%3A2%3A1',
    },
  ],
  related: [{ id: 'kataib-hezbollah', name: 'Kataib Hezbollah', type: 'organization', rel: 'faction' }],
  documentCount: 3,
  documentTotal: 5,
};

const anchor = { top: 100, left: 50, width: 120, height: 20 };

function show(content: CardContent) {
  const container = document.createElement('div');
  document.body.append(container);
  const handlers = { onClose: vi.fn(), onSuppress: vi.fn(), onRelated: vi.fn() };
  render(<Card content={content} anchor={anchor} {...handlers} />, container);
  const card = container.querySelector<HTMLElement>('.bs-card')!;
  return { card, ...handlers };
}

afterEach(() => document.body.replaceChildren());

describe('Card', () => {
  it('is a non-modal dialog labelled by the entity name', () => {
    const { card } = show({ status: 'ready', data });
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-modal')).toBe('false');
    const name = card.querySelector('h2.bs-card-name')!;
    expect(name.textContent).toBe('Popular Mobilization Forces');
    expect(card.getAttribute('aria-labelledby')).toBe(name.id);
    expect(card.querySelector('.bs-card-type')!.textContent).toBe('Organisation');
    expect(card.querySelector('.bs-card-summary')!.textContent).toBe(data.summary);
  });

  it('shows each account with outlet, perspective, quote and a reader link in a new tab', () => {
    const { card } = show({ status: 'ready', data });
    const accounts = card.querySelectorAll('section.bs-accounts .bs-account');
    expect(accounts).toHaveLength(2);
    const first = accounts[0]!;
    expect(first.querySelector('.bs-account-outlet')!.textContent).toBe('Opposition site');
    expect(first.querySelector('.bs-account-perspective')!.textContent).toBe('Iranian opposition');
    const link = first.querySelector<HTMLAnchorElement>('a.bs-account-link')!;
    expect(link.getAttribute('href')).toBe(data.accounts[0]!.readerUrl);
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
    expect(link.textContent).toContain('Read in context');
  });

  it('renders corpus text as text, never as HTML', () => {
    const { card } = show({ status: 'ready', data });
    const quote = card.querySelector('blockquote.bs-account-quote')!;
    expect(quote.textContent).toBe('A <b>violent</b> force & a proxy');
    expect(quote.querySelector('b')).toBeNull();
  });

  it('shows the first background statements, related entities and the document count', () => {
    const { card, onRelated } = show({ status: 'ready', data });
    const statements = [...card.querySelectorAll('.bs-card-background li')].map((li) => li.textContent);
    expect(statements).toEqual([data.background[0]!.text, data.background[1]!.text]);
    expect(card.querySelector('.bs-card-documents')!.textContent).toBe('Mentioned in 3 of 5 documents');
    const chip = card.querySelector<HTMLButtonElement>('.bs-related .bs-related-chip')!;
    expect(chip.textContent).toBe('Kataib Hezbollah');
    chip.click();
    expect(onRelated).toHaveBeenCalledWith('kataib-hezbollah');
  });

  it('shows an event date', () => {
    const event: CardData = { ...data, id: 'vote', type: 'event', name: 'Parliament vote', date: { start: '2020-01-05', note: 'one outlet says February' } };
    const { card } = show({ status: 'ready', data: event });
    expect(card.querySelector('.bs-card-date')!.textContent).toBe('5 January 2020 (one outlet says February)');
  });

  it('"Not this" suppresses the entity; Esc and the close button close the card', () => {
    const { card, onSuppress, onClose } = show({ status: 'ready', data });
    card.querySelector<HTMLButtonElement>('.bs-card-suppress')!.click();
    expect(onSuppress).toHaveBeenCalledWith('pmu');
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    card.querySelector<HTMLButtonElement>('.bs-card-close')!.click();
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('shows the name while loading, and says so when there is no data', () => {
    const entity = { id: 'hale', name: 'David Hale', type: 'person' as const };
    const loading = show({ status: 'loading', entity });
    expect(loading.card.querySelector('.bs-card-name')!.textContent).toBe('David Hale');
    expect(loading.card.getAttribute('aria-busy')).toBe('true');
    expect(loading.card.querySelector('.bs-accounts')).toBeNull();
    const missing = show({ status: 'missing', entity });
    expect(missing.card.querySelector('.bs-card-status')!.textContent).toMatch(/no background/i);
  });
});
