/**
 * Separates an article's text from the site chrome captured with it (breadcrumbs, kickers,
 * bylines, image captions, "Read More" and "Latest news" teasers, tags, copyright lines).
 *
 * The rules are deliberately generic, not per seed: the same cleaner must work on the next
 * document added to the corpus. Every dropped line is reported with its reason so a test (and a
 * curator) can see exactly what was removed.
 */

export interface CleanedDocument {
  /** The article's paragraphs; citations are 1-based indexes into this list. */
  paragraphs: string[];
  /** The byline's author, when the chrome named one. */
  author?: string;
  dropped: DroppedLine[];
}

export interface DroppedLine {
  /** 1-based line number in the raw file. */
  line: number;
  text: string;
  reason: DropReason;
}

export type DropReason =
  | 'header'
  | 'title'
  | 'footer'
  | 'byline'
  | 'separator'
  | 'caption'
  | 'repeated-caption';

/** Lines that start the footer: everything from here on is navigation, teasers or legal text. */
const FOOTER_START =
  /^(read more:?|tags:|source\s*»|copyright\s*©|you may be interested|latest news|exit mobile version|must read|you might also like|recommended to you)/i;
const BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}$/u;
const BULLET = /^[\s•·▪◦*-]+(?=\S)/u;
const SENTENCE_END = /[.?!:;"”’)\]…]$/u;
/** Image captions and kickers are short and unpunctuated; section headings run longer. */
const CAPTION_MAX_WORDS = 8;

export function cleanDocument(raw: string, title: string): CleanedDocument {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const dropped: DroppedLine[] = [];
  const drop = (index: number, reason: DropReason) =>
    dropped.push({ line: index + 1, text: lines[index]!.trim(), reason });

  const wantedTitle = normaliseSpace(title);
  const titleIndex = lines.findIndex((l) => normaliseSpace(l) === wantedTitle);
  const bodyStart = titleIndex >= 0 ? titleIndex + 1 : 0;
  for (let i = 0; i < bodyStart; i++) if (lines[i]!.trim()) drop(i, i === titleIndex ? 'title' : 'header');

  let bodyEnd = lines.length;
  for (let i = bodyStart; i < lines.length; i++) {
    if (FOOTER_START.test(lines[i]!.trim())) {
      bodyEnd = i;
      break;
    }
  }
  for (let i = bodyEnd; i < lines.length; i++) if (lines[i]!.trim()) drop(i, 'footer');

  const shortLineCounts = new Map<string, number>();
  for (let i = bodyStart; i < bodyEnd; i++) {
    const text = normaliseSpace(lines[i]!);
    if (text && isShortUnpunctuated(text)) shortLineCounts.set(text, (shortLineCounts.get(text) ?? 0) + 1);
  }

  const paragraphs: string[] = [];
  let author: string | undefined;
  let joinNext = false;
  for (let i = bodyStart; i < bodyEnd; i++) {
    const text = normaliseSpace(lines[i]!);
    if (!text) continue;
    if (text === wantedTitle) drop(i, 'title');
    else if (!/[\p{L}\p{N}]/u.test(text)) drop(i, 'separator');
    else if (BYLINE.test(text)) {
      author ??= text.replace(/^by\s+/i, '');
      drop(i, 'byline');
    } else if ((shortLineCounts.get(text) ?? 0) > 1) drop(i, 'repeated-caption');
    else if (isShortUnpunctuated(text) && !BULLET.test(lines[i]!)) drop(i, 'caption');
    else {
      const paragraph = text.replace(BULLET, '');
      // A sentence broken across two blocks by the page's layout ("James Jeffery, ...,"
      // then "announced that ...") is one paragraph.
      if (joinNext && /^\p{Ll}/u.test(paragraph)) paragraphs[paragraphs.length - 1] += ` ${paragraph}`;
      else paragraphs.push(paragraph);
      joinNext = /,$/.test(paragraph);
    }
  }
  dropped.sort((a, b) => a.line - b.line);
  return { paragraphs, author, dropped };
}

function normaliseSpace(line: string): string {
  return line.replace(/[\s\u00a0]+/gu, ' ').trim();
}

function isShortUnpunctuated(text: string): boolean {
  return text.split(' ').length < CAPTION_MAX_WORDS && !SENTENCE_END.test(text);
}
