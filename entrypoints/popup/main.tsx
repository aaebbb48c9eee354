import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '~/components/popup/Popup';
import type { ReaderHref } from '~/components/shared/Citation';
import type { HighlightsClient } from '~/components/popup/highlights-client';
import { readerSearch } from '~/lib/card-data';
import { bundledKb } from '~/lib/storage/bundled';

const readerHref: ReaderHref = (target) => browser.runtime.getURL('/reader.html') + readerSearch(target);

// Saved highlights (issue 6): the background owns them; the popup asks in the validated envelope.
const highlightsClient: HighlightsClient = (name, data) => browser.runtime.sendMessage({ backstory: 1, name, data });
const download = (filename: string, text: string, type: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

render(
  <Popup kb={bundledKb} readerHref={readerHref} highlights={{ client: highlightsClient, download }} />,
  document.getElementById('app')!,
);
