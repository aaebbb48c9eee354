/**
 * Real articles for the learned-names wiring tests: two of the dev set's (test/names/dev/corpus/),
 * read as an import reads an article (its `<h1>` the title, one paragraph per `<p>`). Both name
 * Iraq's speaker, whom the seeds never name, in two spellings: Mohammad al-Halboosi and Mohammed
 * al-Halbousi.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentDraft } from '../../lib/corpus/draft';

const DIR = join(__dirname, '../names/dev/corpus');

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export function devArticle(file: string, outlet: string): DocumentDraft {
  const html = readFileSync(join(DIR, file), 'utf8');
  const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!);
  const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1]!)).filter(Boolean);
  const url = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  return { title, paragraphs, outlet, ...(url ? { url } : {}), origin: { kind: 'file', name: file, format: 'html' } };
}

export const HALBOOSI_ARTICLES = [
  devArticle('d07-shafaq-halboosi-second-term.html', 'Shafaq News'),
  devArticle('d08-medialine-halbousi-reelected.html', 'The Media Line'),
];
