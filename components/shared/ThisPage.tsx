/**
 * "This page: <outlet>, <perspective>": the page the reader is on, as one account
 * among the corpus's. Shared by the hover card and the popup; styles in `this-page.css`.
 * Outlet names and titles are corpus text and are rendered as text.
 */
import type { ThisPage as ThisPageData } from '../../lib/messages';

export function thisPageText(page: ThisPageData): string {
  const source = `${page.outlet}, ${page.perspective.label}`;
  if (page.kind === 'copy' && page.title) return `This page: a copy of “${page.title}” (${source})`;
  return `This page: ${source}`;
}

/** What the accounts below leave out or put last, in the reader's words. */
function contrastNote(page: ThisPageData): string {
  if (page.kind === 'outlet') return 'Accounts from other perspectives come first.';
  return 'Its own account is not repeated; other perspectives come first.';
}

export function ThisPageLine({ page }: { page: ThisPageData }) {
  return (
    <p class="bs-this-page" data-kind={page.kind} data-doc={page.doc} data-perspective={page.perspective.id}>
      <span class="bs-this-page-what">{thisPageText(page)}</span>
      <span class="bs-this-page-note"> {contrastNote(page)}</span>
    </p>
  );
}
