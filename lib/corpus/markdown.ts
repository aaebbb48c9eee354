/**
 * Articles as Markdown (`.md`: notes, exports of read-later apps, static-site posts). DOM-free.
 *
 * Markup becomes text: headings, lists and quotes become blocks of their kind, links keep
 * their words, images, code blocks, HTML tags and reference definitions go. Blocks are then
 * cleaned like an extracted page's (`cleanBlocks`). YAML front matter gives the title, date,
 * source address, author, outlet and language when it has them.
 */
import { cleanBlocks, type TextBlock } from './clean';
import { titleFromFileName, looksLikeTitle } from './plain-text';

export interface FrontMatter {
  title?: string;
  date?: string;
  source?: string;
  author?: string;
  outlet?: string;
  language?: string;
}

export interface MarkdownArticle {
  title: string;
  paragraphs: string[];
  front: FrontMatter;
  author?: string;
}

/** Front-matter keys, by what they mean here (static-site generators name them differently). */
const FRONT_KEYS: Record<string, keyof FrontMatter> = {
  title: 'title', headline: 'title',
  date: 'date', published: 'date', pubdate: 'date', publishdate: 'date', published_at: 'date',
  source: 'source', url: 'source', link: 'source', canonical: 'source', canonical_url: 'source', canonicalurl: 'source',
  author: 'author', byline: 'author', authors: 'author',
  outlet: 'outlet', publisher: 'outlet', site: 'outlet', site_name: 'outlet', publication: 'outlet',
  lang: 'language', language: 'language',
};

/** `key: value` lines of a YAML front matter; nested values and lists other than `[a, b]` are skipped. */
function readFrontMatter(yaml: string): FrontMatter {
  const front: FrontMatter = {};
  for (const line of yaml.split('\n')) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    const key = m ? FRONT_KEYS[m[1]!.toLowerCase()] : undefined;
    if (!key || front[key] !== undefined) continue;
    let value = m![2]!.trim();
    if (/^\[.*\]$/.test(value)) value = value.slice(1, -1).split(',')[0]!.trim();
    value = value.replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value && value !== '~' && value !== 'null') front[key] = value;
  }
  return front;
}

/** Inline Markdown to text: `[words](url)` → words, emphasis and code marks removed, images gone. */
function inlineText(line: string): { text: string; linked: number } {
  let linked = 0;
  const text = line
    .replace(/!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]/g, (_m, a: string | undefined, b: string | undefined) => {
      const words = a ?? b ?? '';
      linked += words.length;
      return words;
    })
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
  return { text, linked };
}

/** The Markdown's blocks: paragraphs (lines joined), headings, list items and quotes. */
function readBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  // The block being read: its kind and lines (no kind between blocks).
  const open = { kind: null as TextBlock['kind'] | null, lines: [] as string[] };
  const flush = () => {
    if (open.kind) {
      const { text, linked } = inlineText(open.lines.join(' '));
      const trimmed = text.replace(/\s+/g, ' ').trim();
      if (trimmed) blocks.push({ text: trimmed, kind: open.kind, linkShare: Math.min(1, linked / trimmed.length) });
    }
    open.kind = null;
    open.lines = [];
  };
  const start = (kind: TextBlock['kind'], line: string) => {
    flush();
    open.kind = kind;
    open.lines = [line];
  };

  const lines = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if (!line.trim() || /^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      // A blank line, a link reference definition or a horizontal rule ends the block.
      flush();
    } else if ((m = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line))) {
      start('heading', m[1]!);
      flush();
    } else if ((m = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line))) {
      start('list-item', m[1]!);
    } else if ((m = /^\s{0,3}>\s?(.*)$/.exec(line))) {
      if (!m[1]!.trim()) flush();
      else if (open.kind === 'quote') open.lines.push(m[1]!);
      else start('quote', m[1]!);
    } else if (!open.kind && /^\s{0,3}(=+|-+)\s*$/.test(lines[i + 1] ?? '')) {
      // A setext heading: a line underlined with === or ---.
      start('heading', line.trim());
      flush();
      i++;
    } else if (open.kind) open.lines.push(line.trim());
    else start('paragraph', line.trim());
  }
  flush();
  return blocks;
}

export function readMarkdown(markdown: string, fileName: string): MarkdownArticle {
  let body = markdown.replace(/\r\n?/g, '\n');
  let front: FrontMatter = {};
  const fm = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(body);
  if (fm) {
    front = readFrontMatter(fm[1]!);
    body = body.slice(fm[0].length);
  }
  const blocks = readBlocks(body);
  let title = front.title ? inlineText(front.title).text.trim() : undefined;
  // Without a front-matter title, a leading heading (or a title-like first line) is the title.
  if (!title && blocks[0] && (blocks[0].kind === 'heading' || (blocks.length > 1 && looksLikeTitle(blocks[0].text)))) {
    title = blocks[0].text;
    blocks.shift();
  }
  title ||= titleFromFileName(fileName);
  const cleaned = cleanBlocks(blocks, title);
  const article: MarkdownArticle = { title, paragraphs: cleaned.paragraphs, front };
  if (cleaned.author) article.author = cleaned.author;
  return article;
}
