/** A text with the parts that answered the query in `<mark>`; always rendered as text. */
import { splitBySpans, type Span } from '../../lib/search/spans';

export function MarkedText({ text, spans }: { text: string; spans: readonly Span[] }) {
  if (spans.length === 0) return <>{text}</>;
  return (
    <>
      {splitBySpans(text, spans).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text))}
    </>
  );
}
