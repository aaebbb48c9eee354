/**
 * A saved passage as the reader selected it: one paragraph as text, or several as paragraphs
 * (a passage across paragraphs keeps a break between them). Text, never HTML.
 */
import { paragraphsOf } from '../../lib/page/blocks';

export function PassageText({ passage }: { passage: string }) {
  const paragraphs = paragraphsOf(passage);
  if (paragraphs.length === 1) return <>{passage}</>;
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i} class="bs-passage-paragraph">
          {paragraph}
        </p>
      ))}
    </>
  );
}
