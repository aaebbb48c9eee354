import type { Cite, KbDocument } from '../../lib/kb/types';
import { parseCite, shortOutlet } from './cite';

/** Where the reader page shows a document, optionally at a paragraph or a passage. */
export type ReaderHref = (target: { doc: string; para?: number; passage?: string }) => string;

/** One citation of a background statement: "Iran Focus ¶4", linking to that paragraph. */
export function Citation({
  cite,
  documents,
  readerHref,
}: {
  cite: Cite;
  documents: ReadonlyMap<string, Pick<KbDocument, 'title' | 'outlet'>>;
  readerHref: ReaderHref;
}) {
  const parsed = parseCite(cite);
  const document = parsed && documents.get(parsed.doc);
  // A citation the knowledge base cannot resolve is shown as written, not as a dead link.
  if (!parsed || !document) return <span class="bs-cite">[{cite}]</span>;
  return (
    <a
      class="bs-cite"
      href={readerHref({ doc: parsed.doc, para: parsed.para })}
      target="_blank"
      rel="noopener noreferrer"
      title={`${document.title} (${document.outlet}), paragraph ${parsed.para}`}
    >
      {shortOutlet(document)} ¶{parsed.para}
    </a>
  );
}
