// @vitest-environment happy-dom
/**
 * The popup reads the live knowledge base: a document the reader added is among those the entity
 * view lists for a name it mentions, and its account shows under "On this page"; with the starter
 * corpus removed, only the reader's documents are left there; a name the store does not know
 * says so.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPopupKnowledge } from '../../entrypoints/popup/popup-knowledge';
import type { KnowledgeBase } from '../../lib/kb/types';
import { Popup } from '../../components/popup/Popup';
import type { ThisPageContent } from '../../components/popup/ThisPageView';
import type { ReaderHref } from '../../components/shared/Citation';
import { readerSearch } from '../../lib/card-data';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
import { DB_NAME, openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { newBuilder, starterPack, type BuilderUnderTest } from '../storage/builder-fixture';

const readerHref: ReaderHref = (target) => `chrome-extension://test/reader.html${readerSearch(target)}`;
const KADHIMI = 'mustafa-al-kadhimi';
const ADDED = {
  title: 'Kadhimi in Baghdad',
  paragraphs: ['Mustafa al-Kadhimi met militia leaders in Baghdad on Tuesday.', 'He said the state alone decides on war and peace.'],
  url: 'https://smallpaper.example/k',
  domain: 'smallpaper.example',
  outlet: 'The Small Paper',
  origin: { kind: 'page', url: 'https://smallpaper.example/k' },
};

let db: BackstoryDb;
let builder: BuilderUnderTest;
let added: string;
let root: HTMLElement;

beforeEach(async () => {
  db = openBackstoryDb();
  builder = newBuilder(db);
  const outcome = await builder.addDraft(ADDED);
  if (!outcome.ok) throw new Error('the fixture document was not added');
  added = outcome.row.id;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  act(() => render(null, root));
  root.remove();
  db.close();
  await Dexie.delete(DB_NAME);
});

const knowledge = () =>
  openPopupKnowledge(db, { shipped: shippedSources, edits: async () => EMPTY_READER_SOURCES, whenInstalled: () => builder.ready() });

/** The popup's knowledge with its names read, as the popup has it a moment after opening. */
async function opened() {
  const live = knowledge();
  return { kb: await live.names, cardSource: live.cardSource };
}

/** Lets IndexedDB answer and Preact re-render until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ready(); i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
  expect(ready()).toBe(true);
}

function show(live: { kb: KnowledgeBase; cardSource: ReturnType<typeof knowledge>['cardSource'] }, props: { initialEntity?: string; loadThisPage?: () => Promise<ThisPageContent> }) {
  act(() => render(<Popup kb={live.kb} cardSource={live.cardSource} readerHref={readerHref} {...props} />, root));
}

const listedDocuments = () => [...root.querySelectorAll('.bs-documents li a')].map((a) => a.textContent);
const documentsHeading = () => root.querySelector('#bs-documents')?.textContent ?? '';

describe('the popup’s knowledge', () => {
  it('has every name the store knows, without reading their accounts', async () => {
    const live = await opened();
    const kadhimi = live.kb.entities.find((e) => e.id === KADHIMI);
    expect(kadhimi?.name).toBe('Mustafa al-Kadhimi');
    expect(kadhimi?.accounts).toEqual([]);
    expect(live.kb.entities.length).toBe(await db.entities.count());
    expect(live.kb.documents).toEqual([]);
  });

  it('reads an entity’s records with the reader’s document among them, and nothing for a name it does not know', async () => {
    const live = knowledge();
    const records = await live.cardSource(KADHIMI);
    expect(records?.documents.map((d) => d.id)).toContain(added);
    expect(records?.documents.find((d) => d.id === added)?.outlet).toContain('The Small Paper');
    expect(records?.documentTotal).toBe(starterPack.documents.length + 1);
    expect(await live.cardSource('no-such-entity')).toBeUndefined();
  });
});

describe('the popup opened before the starter corpus is installed (first run)', () => {
  it('waits for the install, then has its names and records', async () => {
    const fresh = openBackstoryDb('backstory-first-run');
    const installing = newBuilder(fresh);
    let asked = 0;
    const live = openPopupKnowledge(fresh, {
      shipped: shippedSources,
      edits: async () => EMPTY_READER_SOURCES,
      whenInstalled: () => (asked++, installing.ready()),
    });
    const [names, records] = await Promise.all([live.names, live.cardSource(KADHIMI)]);
    expect(asked).toBe(1);
    expect(names.entities.map((e) => e.id)).toContain(KADHIMI);
    expect(records?.documentTotal).toBe(starterPack.documents.length);
    fresh.close();
    await Dexie.delete('backstory-first-run');
  });
});

describe('the entity view, live', () => {
  it('lists the document the reader added among those that mention the name', async () => {
    show(await opened(), { initialEntity: KADHIMI });
    await until(() => listedDocuments().length > 0);
    expect(root.querySelector('h1')?.textContent).toBe('Mustafa al-Kadhimi');
    expect(listedDocuments()).toContain(ADDED.title);
    expect(listedDocuments().length).toBeGreaterThan(1);
    expect(documentsHeading()).toMatch(new RegExp(`of ${starterPack.documents.length + 1} documents$`));
  });

  it('with the starter corpus removed, lists only the reader’s documents', async () => {
    await builder.setStarter(false);
    show(await opened(), { initialEntity: KADHIMI });
    await until(() => listedDocuments().length > 0);
    expect(listedDocuments()).toEqual([ADDED.title]);
    expect(documentsHeading()).toBe('Mentioned in 1 of 1 documents');
    // The curated background cites starter documents only: none of it is left to show.
    expect(root.querySelector('#bs-background')).toBeNull();
  });

  it('says so when the name is not in the knowledge base', async () => {
    const live = await opened();
    // Known when the popup opened (the names), gone from the store since.
    await db.entities.delete(KADHIMI);
    show(live, { initialEntity: KADHIMI });
    await until(() => root.querySelector('h1')?.textContent !== 'Reading the knowledge base…');
    expect(root.querySelector('h1')?.textContent).toBe('Not in the knowledge base');
  });
});

describe('the entity view, records unreadable', () => {
  it('says they could not be read, not that the name is unknown', async () => {
    const live = await opened();
    show({ kb: live.kb, cardSource: () => Promise.reject(new Error('IndexedDB closed')) }, { initialEntity: KADHIMI });
    await until(() => root.querySelector('h1')?.textContent !== 'Reading the knowledge base…');
    expect(root.querySelector('h1')?.textContent).toBe('Backstory could not read this name');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Close the popup and open it again');
  });
});

describe('On this page, live', () => {
  it('shows the reader’s document’s account of a name on the page', async () => {
    const page: ThisPageContent = {
      reachable: true,
      mentions: [{ entity: KADHIMI, name: 'Mustafa al-Kadhimi', type: 'person', count: 2 }],
      recognition: null,
    };
    await builder.setStarter(false);
    show(await opened(), { loadThisPage: async () => page });
    act(() => [...root.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'On this page')!.click());
    await until(() => root.querySelector('.bs-page-entity') !== null);
    const entity = root.querySelector(`.bs-page-entity[data-entity="${KADHIMI}"]`)!;
    expect(entity.querySelector('.bs-page-entity-name')?.textContent).toBe('Mustafa al-Kadhimi');
    const accounts = [...entity.querySelectorAll('.bs-page-account')];
    expect(accounts.map((a) => a.getAttribute('data-doc'))).toEqual([added]);
    expect(accounts[0]?.querySelector('blockquote')?.textContent).toContain('Kadhimi met militia leaders');
  });
});
