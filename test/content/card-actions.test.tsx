// @vitest-environment happy-dom
// The card's curated contrast, disputed facts, Pin and actions.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, type CardProps } from '../../components/card/Card';
import type { CardAccount, CardData } from '../../lib/messages';

const account = (doc: string, perspective: string, quote: string): CardAccount => ({
  doc,
  title: `${doc} title`,
  outlet: `${doc} outlet`,
  perspective: { id: perspective, label: `${perspective} label` },
  quote,
  passage: `${doc}:2:0`,
  readerUrl: `chrome-extension://id/reader.html?doc=${doc}&passage=${doc}%3A2%3A0`,
});

const data: CardData = {
  id: 'pmu',
  name: 'Popular Mobilization Units',
  type: 'organization',
  summary: 'Iraqi umbrella of militias.',
  background: [],
  accounts: [account('doc-a', 'opp', 'An account.'), account('doc-b', 'state', 'Another account.')],
  related: [],
  documentCount: 3,
  documentTotal: 5,
  contrasts: [
    {
      id: 'what-is-the-pmu',
      topic: 'What is the PMU?',
      positions: [
        { ...account('doc-c', 'israeli', 'a <i>violent</i> force'), stance: 'A violent force' },
        { ...account('doc-d', 'state', 'decisive in securing the country'), stance: 'Protector' },
      ],
    },
  ],
  disagreements: [
    {
      id: 'vote-month',
      question: 'When was the vote?',
      note: 'It was in January.',
      claims: [
        { ...account('doc-a', 'opp', 'in February'), claim: 'February' },
        { ...account('doc-b', 'state', 'in January'), claim: 'January' },
      ],
    },
  ],
};

function show(extra: Partial<CardProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const props: CardProps = {
    content: { status: 'ready', data },
    anchor: { top: 100, left: 50, width: 120, height: 20 },
    onClose: vi.fn(),
    onSuppress: vi.fn(),
    onRelated: vi.fn(),
    ...extra,
  };
  render(<Card {...props} />, container);
  return container.querySelector<HTMLElement>('.bs-card')!;
}

afterEach(() => document.body.replaceChildren());

describe('Card: accounts differ', () => {
  it('leads with the curated topic, each position with outlet, perspective, stance and quote as text', () => {
    const card = show();
    const sections = [...card.querySelectorAll('section')].map((s) => s.getAttribute('aria-label'));
    expect(sections.slice(0, 3)).toEqual(['Accounts differ', 'Facts differ', 'More accounts']);
    expect(card.querySelector('.bs-contrast-topic')!.textContent).toBe('What is the PMU?');
    const first = card.querySelector('.bs-position')!;
    expect(first.querySelector('.bs-account-outlet')!.textContent).toBe('doc-c outlet');
    expect(first.querySelector('.bs-account-perspective')!.textContent).toBe('israeli label');
    expect(first.querySelector('.bs-position-stance')!.textContent).toBe('A violent force');
    expect(first.querySelector('.bs-account-quote')!.textContent).toBe('a <i>violent</i> force');
    expect(first.querySelector('i')).toBeNull();
  });

  it('calls out the disputed fact with each document’s version and the record', () => {
    const card = show();
    const claims = [...card.querySelectorAll('.bs-claim-value')].map((c) => c.textContent);
    expect(claims).toEqual(['February', 'January']);
    expect(card.querySelector('.bs-disagreement-note')!.textContent).toBe('It was in January.');
  });

  it('turns a "Read in context" click into onOpenReader(doc, passage) instead of navigating', () => {
    const onOpenReader = vi.fn();
    const card = show({ onOpenReader });
    const link = card.querySelector<HTMLAnchorElement>('.bs-position a.bs-account-link')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(onOpenReader).toHaveBeenCalledWith('doc-c', 'doc-c:2:0');
  });

  it('Pin toggles and says its state; Open in Backstory and Save work only when wired', () => {
    const onPin = vi.fn();
    const onOpenEntity = vi.fn();
    let card = show({ onPin, pinned: false, onOpenEntity });
    const pin = card.querySelector<HTMLButtonElement>('.bs-card-pin')!;
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    pin.click();
    expect(onPin).toHaveBeenCalledWith(true);
    card.querySelector<HTMLButtonElement>('.bs-card-open')!.click();
    expect(onOpenEntity).toHaveBeenCalledWith('pmu');
    expect(card.querySelector<HTMLButtonElement>('.bs-card-save')!.disabled).toBe(true);

    document.body.replaceChildren();
    const onSave = vi.fn();
    card = show({ onPin, pinned: true, onSave });
    expect(card.querySelector('.bs-card-pin')!.getAttribute('aria-pressed')).toBe('true');
    expect(card.querySelector<HTMLButtonElement>('.bs-card-open')!.disabled).toBe(true);
    card.querySelector<HTMLButtonElement>('.bs-card-save')!.click();
    expect(onSave).toHaveBeenCalledWith('pmu');
  });
});
