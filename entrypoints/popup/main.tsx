import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '~/components/popup/Popup';
import type { ReaderHref } from '~/components/shared/Citation';
import { readerSearch } from '~/lib/card-data';
import { bundledKb } from '~/lib/storage/bundled';
import { loadThisPage, sourceRegistry } from './this-page-source';

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

render(<Popup kb={bundledKb} readerHref={readerHref} loadThisPage={loadThisPage} sourceRegistry={sourceRegistry} />, document.getElementById('app')!);
