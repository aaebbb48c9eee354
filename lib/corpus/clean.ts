/**
 * Separates an article's text from the site chrome captured with it (breadcrumbs, kickers,
 * bylines, image captions, "Read More" and "Latest news" teasers, tags, copyright lines).
 * Two inputs: a flat text capture (`cleanDocument`, the seeds, `.txt` files) and the blocks of
 * an extracted article (`cleanBlocks`, saved pages and the page being read), which know which
 * block is a heading, a list item or a link.
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
  /** 1-based line number in the raw file (block number for `cleanBlocks`). */
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
  | 'repeated-caption'
  | 'heading'
  | 'teaser'
  | 'chrome'
  | 'duplicate';

/** Lines that end an article in any capture: what follows is navigation, teasers or legal text. */
const FOOTER_PHRASES = ['tags:', 'source\\s*»', 'copyright\\s*©', 'you may be interested', 'latest news', 'exit mobile version'];
/**
 * Lines that introduce other articles. A flat capture has them after the article, so there they
 * start the footer too; an extracted article also has them between its paragraphs ("READ MORE:
 * <headline>"), so there only the line itself goes (`cleanBlocks`).
 */
const TEASER_PHRASES = ['read more:?', 'must read', 'you might also like', 'recommended to you'];
const FOOTER_START = new RegExp(`^(${[...FOOTER_PHRASES, ...TEASER_PHRASES].join('|')})`, 'i');
const BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}$/u;
const BULLET = /^[\s•·▪◦*-]+(?=\S)/u;
const SENTENCE_END = /[.?!:;"”’)\]…؟。！？]$/u;
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

/** One block of an extracted article, as the page's structure describes it. */
export interface TextBlock {
  text: string;
  kind: 'paragraph' | 'heading' | 'list-item' | 'quote';
  /** Share of the block's characters inside links (0–1): a block that is one link is a teaser. */
  linkShare: number;
}

/** Site furniture that sits between paragraphs: ads, share and follow prompts, newsletter boxes. */
const CHROME =
  /^(advertisement|sponsored( content)?|share (this|on|via)\b|follow us\b|click here\b|comments are closed|listen to (this|the) article|support (our|independent) journalism|join our\b|download (our|the) app)/i;
const NEWSLETTER = /\bnewsletters?\b.*\b(sign up|subscribe|inbox|e-?mail)|\b(sign up|subscribe)\b.*\bnewsletters?\b/i;
const TEASER = new RegExp(`^(${TEASER_PHRASES.join('|')}|read also|also read|see also|more on this|related( (stories|articles|coverage|content|posts|reading))?\\s*[:|]|related$|اقرأ أيض|اقرأ المزيد|إقرأ أيض)`, 'i');
/** A copyright line ends the article; a photo credit ("© Reuters") is only a caption. */
const BLOCK_FOOTER = new RegExp(`^(${FOOTER_PHRASES.join('|')}|©\\s*(19|20)\\d\\d)|all rights reserved|جميع الحقوق محفوظة`, 'i');
/** Teasers and chrome are one line; a sentence that happens to start "Related…" runs longer. */
const ONE_LINE_WORDS = 30;
/** A one-line block this much inside links is a link to another article. */
const LINK_ONLY = 0.9;

/**
 * The article's paragraphs from its blocks. Unlike a flat capture, nothing before the title is
 * a header (the extractor already cut the page down to the article) and a teaser between
 * paragraphs drops only itself; a footer marker ("Tags:", "©…") still ends the article, once
 * some text has been kept. Headings go: passages quote sentences, and the seeds' headings were
 * dropped as well, so every document is cut the same way.
 */
export function cleanBlocks(blocks: readonly TextBlock[], title: string): CleanedDocument {
  const dropped: DroppedLine[] = [];
  const texts = blocks.map((b) => normaliseSpace(b.text));
  const drop = (index: number, reason: DropReason) => dropped.push({ line: index + 1, text: texts[index]!, reason });
  const wantedTitle = normaliseSpace(title);

  const shortLineCounts = new Map<string, number>();
  for (const text of texts) if (text && isShortUnpunctuated(text)) shortLineCounts.set(text, (shortLineCounts.get(text) ?? 0) + 1);

  const paragraphs: string[] = [];
  const seen = new Set<string>();
  let author: string | undefined;
  let joinNext = false;
  for (let i = 0; i < blocks.length; i++) {
    const text = texts[i]!;
    const block = blocks[i]!;
    if (!text) continue;
    const oneLine = text.split(' ').length <= ONE_LINE_WORDS;
    if (BLOCK_FOOTER.test(text) && paragraphs.length > 0) {
      for (let j = i; j < blocks.length; j++) if (texts[j]) drop(j, 'footer');
      break;
    }
    let reason: DropReason | undefined;
    if (text === wantedTitle) reason = 'title';
    else if (block.kind === 'heading') reason = 'heading';
    else if (!/[\p{L}\p{N}]/u.test(text)) reason = 'separator';
    else if (BYLINE.test(text)) {
      author ??= text.replace(/^by\s+/i, '');
      reason = 'byline';
    } else if (oneLine && (TEASER.test(text) || BLOCK_FOOTER.test(text))) reason = 'teaser';
    else if (oneLine && (CHROME.test(text) || NEWSLETTER.test(text))) reason = 'chrome';
    else if (oneLine && block.linkShare >= LINK_ONLY) reason = 'teaser';
    else if ((shortLineCounts.get(text) ?? 0) > 1) reason = 'repeated-caption';
    else if (block.kind !== 'list-item' && isShortUnpunctuated(text)) reason = 'caption';
    if (reason) {
      drop(i, reason);
      joinNext = false;
      continue;
    }
    const paragraph = text.replace(BULLET, '');
    if (seen.has(paragraph)) {
      // A pull quote or a repeated standfirst: the text is already there once.
      drop(i, 'duplicate');
      continue;
    }
    seen.add(paragraph);
    if (joinNext && block.kind === 'paragraph' && /^\p{Ll}/u.test(paragraph)) paragraphs[paragraphs.length - 1] += ` ${paragraph}`;
    else paragraphs.push(paragraph);
    joinNext = block.kind === 'paragraph' && /,$/.test(paragraph);
  }
  return { paragraphs, author, dropped };
}
