// @vitest-environment happy-dom
/**
 * "This page" on a busy page: the first names come with what the other documents say, and every
 * other name the page holds is one button away — listed, each opening its entity view, with focus
 * moved to the first of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENTITIES_WITH_ACCOUNTS } from '../../components/popup/PageEntities';
import { ThisPageView, type ThisPageContent } from '../../components/popup/ThisPageView';
import type { ReaderHref } from '../../components/shared/Citation';
import { readerSearch } from '../../lib/card-data';
import type { PageMention } from '../../lib/messages';
import type { KnowledgeBase } from '../../lib/kb/types';

// The shipped knowledge base: a busy page needs more names than the small fixture has.
const kb = JSON.parse(readFileSync(join(process.cwd(), 'data', 'kb.json'), 'utf8')) as KnowledgeBase;

const readerHref: ReaderHref = (target) => `chrome-extension://test/reader.html${readerSearch(target)}`;

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

/** The page names this many of the corpus's entities, most mentioned first. */
function pageNaming(count: number): ThisPageContent {
  const mentions: PageMention[] = kb.entities
    .slice(0, count)
    .map((e, i) => ({ entity: e.id, name: e.name, type: e.type, count: count - i }));
  return { reachable: true, mentions, recognition: null };
}

async function show(content: ThisPageContent, onOpen = vi.fn()) {
  act(() => render(<ThisPageView kb={kb} load={async () => content} readerHref={readerHref} onOpen={onOpen} />, root));
  await settle();
  return onOpen;
}

const listedNames = () => [...root.querySelectorAll('.bs-page-entity .bs-page-entity-name')].map((b) => b.textContent);
const showAll = () => [...root.querySelectorAll('button')].find((b) => /^Show all/.test(b.textContent ?? ''));

describe('"This page" on a page with many names', () => {
  it('lists the first names with accounts and offers the rest by count', async () => {
    const count = ENTITIES_WITH_ACCOUNTS + 5;
    expect(kb.entities.length).toBeGreaterThanOrEqual(count);
    await show(pageNaming(count));
    expect(listedNames()).toHaveLength(ENTITIES_WITH_ACCOUNTS);
    expect(showAll()?.textContent).toBe(`Show all ${count} names (5 more)`);
    expect(showAll()?.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows every name when asked, focus on the first one added, each opening its entity view', async () => {
    const content = pageNaming(ENTITIES_WITH_ACCOUNTS + 3);
    const onOpen = await show(content);
    act(() => showAll()!.click());
    await settle();
    expect(listedNames()).toEqual(content.mentions.map((m) => m.name));
    const first = content.mentions[ENTITIES_WITH_ACCOUNTS]!;
    expect(document.activeElement?.textContent).toBe(first.name);
    expect(root.querySelector('#bs-page-more-names')?.getAttribute('aria-label')).toBe('3 more names on this page');
    expect(showAll()).toBeUndefined();
    act(() => (document.activeElement as HTMLElement).click());
    expect(onOpen).toHaveBeenCalledWith(first.entity);
  });

  it('offers nothing more when every name is already listed', async () => {
    await show(pageNaming(ENTITIES_WITH_ACCOUNTS));
    expect(listedNames()).toHaveLength(ENTITIES_WITH_ACCOUNTS);
    expect(showAll()).toBeUndefined();
  });
});
