/**
 * Highlights as Markdown for the reader's notes: one section per page (by canonical URL, pages
 * in the order they were first highlighted), each highlight as a block quote (a paragraph of
 * the quote per paragraph of the passage) with its note,
 * entities, tags and a link back. DOM-free; the text is escaped so a quote cannot turn into
 * a heading, a link or HTML in a Markdown viewer.
 */
import { paragraphsOf } from '../page/blocks';
import type { HighlightRow } from '../storage/types';

/** Entity id → the name a reader knows it by. */
export type EntityName = (id: string) => string;

export function toMarkdown(highlights: readonly HighlightRow[], entityName: EntityName): string {
  const pages = new Map<string, HighlightRow[]>();
  const sorted = [...highlights].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const h of sorted) {
    const group = pages.get(h.canonicalUrl);
    if (group) group.push(h);
    else pages.set(h.canonicalUrl, [h]);
  }
  const out: string[] = ['# Backstory highlights', ''];
  for (const [url, group] of pages) {
    const title = group[0]?.title || url;
    out.push(`## [${escapeInline(title)}](${escapeUrl(url)})`, '');
    for (const h of [...group].sort((a, b) => a.start - b.start || a.createdAt - b.createdAt)) {
      paragraphsOf(h.quote).forEach((paragraph, i) => {
        // Paragraphs of a passage: a blank line of the quote between them.
        if (i > 0) out.push('>');
        for (const line of paragraph.split(/\r?\n/)) out.push(`> ${escapeLineStart(escapeInline(line))}`);
      });
      out.push('');
      if (h.note) out.push(`- Note: ${escapeInline(h.note.replace(/\s*\r?\n\s*/g, ' '))}`);
      if (h.entities.length > 0) out.push(`- Entities: ${h.entities.map((id) => escapeInline(entityName(id))).join(', ')}`);
      if (h.tags.length > 0) out.push(`- Tags: ${h.tags.map(escapeInline).join(', ')}`);
      out.push(`- Saved: ${new Date(h.createdAt).toISOString().slice(0, 10)}`);
      out.push(`- [Open on the page](${escapeUrl(h.url)})`, '');
    }
  }
  return out.join('\n');
}

/** Backslash-escape what Markdown (and the HTML it allows) would interpret inside a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** A quoted line starting like a heading, list item or nested quote stays plain text. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** URLs go in `(...)`: spaces and parentheses would end the link early. */
function escapeUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
