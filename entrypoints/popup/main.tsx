import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EntityView } from '~/components/popup/EntityView';
import { Popup } from '~/components/popup/Popup';
import type { ReaderHref } from '~/components/shared/Citation';
import { readerSearch } from '~/lib/card-data';
import { bundledKb } from '~/lib/storage/bundled';

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

// `popup.html?entity=<id>` in a tab is the card's "Open in Backstory" (issue 4): the entity view
// straight away; Back leads to the lookup.
const entity = new URLSearchParams(location.search).get('entity');
const known = entity !== null && bundledKb.entities.some((e) => e.id === entity);
const openEntity = (id?: string) => {
  location.search = id ? `?entity=${encodeURIComponent(id)}` : '';
};

render(
  known ? (
    <main class="bs-popup">
      <EntityView kb={bundledKb} entityId={entity} readerHref={readerHref} onBack={() => openEntity()} onOpen={openEntity} />
    </main>
  ) : (
    <Popup kb={bundledKb} readerHref={readerHref} />
  ),
  document.getElementById('app')!,
);
