/**
 * Cuts a cleaned document into passages: one per sentence, each able to stand alone on a
 * hover card.
 *
 * A sentence that opens by pointing back ("This is the slogan of ...", "He met with ...",
 * "These vehemently anti-American militias ...") means little alone, so its passage also
 * carries the sentence before it, when that one is short enough to quote and in the same
 * paragraph. Deliberately simple: the opening word decides, nothing else.
 */
import { BLOCK_BREAK } from '../engine/alphabet';
import { splitSentences } from '../text/sentences';

/** Opening words that refer back to the previous sentence. */
const POINTS_BACK = new Set([
  'this', 'these', 'that', 'those', 'it', 'its', 'they', 'their', 'them', 'he', 'his', 'him', 'she', 'her',
  'such', 'both',
]);
/** A preceding sentence longer than this is not joined: the passage would be too long to quote. */
const MAX_CONTEXT_WORDS = 40;

/**
 * The separator between paragraphs in a document's full text: the block break the page
 * extraction puts between blocks, so a name never runs across two paragraphs.
 */
export const PARAGRAPH_SEPARATOR = BLOCK_BREAK;

export interface PassageSpan {
  /** `"<doc>:<para>:<sentence>"`. */
  id: string;
  doc: string;
  /** 1-based paragraph. */
  para: number;
  /** 0-based sentence in the paragraph. */
  sentence: number;
  text: string;
  /** Offsets in the document's full text of the passage's own sentence. */
  start: number;
  end: number;
  /** Offset where `text` begins: before `start` when the previous sentence is joined. */
  textStart: number;
}

export interface DocumentText {
  text: string;
  /** Offset of each paragraph in `text`. */
  paragraphStarts: number[];
}

/** A document's paragraphs as one text, the way a page shows them: what the matcher scans. */
export function documentText(paragraphs: readonly string[]): DocumentText {
  const paragraphStarts: number[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    paragraphStarts.push(offset);
    offset += paragraph.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: paragraphs.join(PARAGRAPH_SEPARATOR), paragraphStarts };
}

export function documentPassages(doc: string, paragraphs: readonly string[]): PassageSpan[] {
  const { paragraphStarts } = documentText(paragraphs);
  const passages: PassageSpan[] = [];
  paragraphs.forEach((paragraph, p) => {
    const base = paragraphStarts[p]!;
    const sentences = splitSentences(paragraph);
    sentences.forEach((sentence, s) => {
      const previous = s > 0 ? sentences[s - 1]! : undefined;
      const joined = previous !== undefined && pointsBack(sentence.text) && wordCount(previous.text) <= MAX_CONTEXT_WORDS;
      const textStart = joined ? previous.start : sentence.start;
      passages.push({
        id: `${doc}:${p + 1}:${s}`,
        doc,
        para: p + 1,
        sentence: s,
        text: paragraph.slice(textStart, sentence.end),
        start: base + sentence.start,
        end: base + sentence.end,
        textStart: base + textStart,
      });
    });
  });
  return passages;
}

export function pointsBack(sentence: string): boolean {
  const first = /^[“"‘'(\s]*([\p{L}]+)/u.exec(sentence)?.[1] ?? '';
  return POINTS_BACK.has(first.toLowerCase());
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
