/**
 * Big corpora of real article text for the scale benchmarks (1,000 and 10,000 documents),
 * written at bench time to a folder the CLI builds from, never committed.
 *
 * The text is real: the 249 articles of fixtures/articles.jsonl, the five seeds and the test
 * pages' articles. 249 articles are fewer than either size, so each document is made anew: its
 * sentences are drawn from one article and the articles nearest to it in vocabulary (the same
 * story told elsewhere), grouped into paragraphs, under its own headline, outlet, address and
 * date. Whole articles are never repeated, so the index sees real vocabulary in new combinations
 * and the duplicate check (lib/recognition's fingerprints) does not fold the corpus into 249
 * documents. The folder mixes the formats an import reads: saved pages (a news site's layout
 * around the article, read back through Readability), Markdown with front matter, plain text
 * and JSON Lines files of 250 documents. Deterministic: the same seed gives the same bytes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../lib/corpus/dom-article';
import { splitSentences } from '../../lib/text/sentences';
import { createHtmlParser } from '../corpus/html-parser';
import { loadKb } from './corpus-fixtures';
import { newsPage } from './news-page';
import { seededRandom } from './timing';

interface SourceArticle {
  title: string;
  outlet: string;
  domain: string;
  published?: string;
  /** Sentences, in order, each within one paragraph of the article. */
  sentences: string[];
}

/** Test pages that are articles (not the hostile or layout pages). */
const TEST_PAGES = ['test/pages/demo.html', 'test/pages/long-article.html'];
/** Articles a document draws from besides its own: the nearest ones by shared vocabulary. */
const NEIGHBOURS = 24;
const JSONL_LINES = 250;

const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);

/** Every real article the generator draws from. */
export function sourceArticles(root: string): SourceArticle[] {
  const articles: SourceArticle[] = [];
  const sentencesOf = (paragraphs: readonly string[]) => paragraphs.flatMap((p) => splitSentences(p).map((s) => s.text.trim()).filter((s) => s.length > 20));
  for (const line of readFileSync(join(root, 'scripts/bench/fixtures/articles.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { url: string; title: string; outlet: string; published: string | null; text: string };
    articles.push({
      title: a.title,
      outlet: a.outlet.replace(/\s*\(.*\)$/, ''),
      domain: new URL(a.url).hostname.replace(/^www\./, ''),
      ...(a.published ? { published: a.published } : {}),
      sentences: sentencesOf(a.text.split(/\n\s*\n/)),
    });
  }
  for (const d of loadKb(root).documents) {
    articles.push({ title: d.title, outlet: d.outlet, domain: 'seed.example', published: d.date.slice(0, 10), sentences: sentencesOf(d.paragraphs) });
  }
  const parse = createHtmlParser();
  for (const page of TEST_PAGES) {
    const draft = extractArticle(parse(readFileSync(join(root, page), 'utf8')), { origin: { kind: 'file', name: page, format: 'html' } });
    if (!draft.ok) throw new Error(`${page}: ${draft.reason}`);
    articles.push({ title: draft.value.title, outlet: draft.value.outlet ?? 'Test page', domain: 'pages.example', sentences: sentencesOf(draft.value.paragraphs) });
  }
  return articles.filter((a) => a.sentences.length >= 3);
}

/** For each article, the articles sharing most of its vocabulary (Jaccard), nearest first. */
function neighbours(articles: readonly SourceArticle[]): number[][] {
  const vocab = articles.map((a) => words(a.sentences.join(' ')));
  return vocab.map((mine, i) =>
    vocab
      .map((theirs, j) => {
        let shared = 0;
        for (const w of mine) if (theirs.has(w)) shared++;
        return { j, score: shared / (mine.size + theirs.size - shared || 1) };
      })
      .filter(({ j }) => j !== i)
      .sort((a, b) => b.score - a.score || a.j - b.j)
      .slice(0, NEIGHBOURS)
      .map(({ j }) => j),
  );
}

export interface GeneratedDocument {
  title: string;
  outlet: string;
  url: string;
  byline: string;
  published: string;
  paragraphs: string[];
}

const FIRST = ['Sara', 'Ali', 'John', 'Maryam', 'David', 'Layla', 'Omar', 'Anna', 'Hassan', 'Emma', 'Reza', 'Nadia'];
const LAST = ['Hamid', 'Smith', 'Karimi', 'Rahman', 'Jones', 'Haddad', 'Nouri', 'Miller', 'Saleh', 'Brown', 'Tehrani', 'Aziz'];

/** `count` documents recombined from the real articles. */
export function generateDocuments(root: string, count: number, seed = 15): GeneratedDocument[] {
  const articles = sourceArticles(root);
  const near = neighbours(articles);
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const uses = new Map<number, number>();
  const docs: GeneratedDocument[] = [];
  for (let i = 0; i < count; i++) {
    const base = Math.floor(random() * articles.length);
    const use = uses.get(base) ?? 0;
    uses.set(base, use + 1);
    const own = articles[base]!;
    // 20–44 sentences (~500–1,100 words): a run of 2–4 from the article, the rest from its
    // neighbours (one in ten from anywhere), so that two documents made from one article share
    // little of their text: the articles are short (~12 sentences), the neighbourhood is not.
    // (Longer runs or shorter documents make a tenth of a 10,000-document corpus copies of
    // each other by fingerprint.)
    const length = 20 + Math.floor(random() * 25);
    const run = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * own.sentences.length);
    const sentences: string[] = [];
    for (let k = 0; k < run; k++) sentences.push(own.sentences[(start + k) % own.sentences.length]!);
    while (sentences.length < length) {
      const from = random() < 0.1 ? pick(articles) : articles[pick(near[base]!)]!;
      sentences.push(pick(from.sentences));
    }
    const paragraphs: string[] = [];
    for (let k = 0; k < sentences.length; ) {
      const n = 1 + Math.floor(random() * 4);
      paragraphs.push(sentences.slice(k, k + n).join(' '));
      k += n;
    }
    // The article's own headline the first time, then one from the document's first sentence.
    const title = use === 0 ? own.title : headline(sentences[0]!);
    const outletFrom = random() < 0.6 ? own : articles[pick(near[base]!)]!;
    const date = redate(own.published, random);
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
    docs.push({
      title,
      outlet: outletFrom.outlet,
      url: `https://${outletFrom.domain}/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}-${i}`,
      byline: `${pick(FIRST)} ${pick(LAST)}`,
      published: date,
      paragraphs,
    });
  }
  return docs;
}

/** The first words of a sentence as a headline, up to ~12 words. */
function headline(sentence: string): string {
  const ws = sentence.replace(/[.!?"”’]+$/u, '').split(/\s+/);
  return ws.slice(0, Math.min(ws.length, 8 + (ws.length % 5))).join(' ');
}

/** Within a year and a half of the article's date (or any day 2015–2024 when it has none). */
function redate(published: string | undefined, random: () => number): string {
  const base = published ? Date.parse(`${published}T00:00:00Z`) : Date.UTC(2015, 0, 1) + random() * 10 * 365 * 86_400_000;
  const day = new Date(base + Math.round((random() - 0.5) * 540) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * The documents as a folder of files, a quarter in each format: `.html` saved pages, `.md`
 * with front matter, `.txt`, and the rest in `.jsonl` files of JSONL_LINES lines. Replaces `dir`.
 */
export function writeCorpusFolder(dir: string, docs: readonly GeneratedDocument[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  let collections = 0;
  const flush = () => {
    if (lines.length) writeFileSync(join(dir, `collection-${String(++collections).padStart(3, '0')}.jsonl`), `${lines.join('\n')}\n`);
    lines.length = 0;
  };
  docs.forEach((doc, i) => {
    const name = `doc-${String(i).padStart(5, '0')}`;
    switch (i % 4) {
      case 0:
        writeFileSync(join(dir, `${name}.html`), newsPage(doc.paragraphs, doc));
        break;
      case 1:
        writeFileSync(
          join(dir, `${name}.md`),
          `---\ntitle: ${JSON.stringify(doc.title)}\ndate: ${doc.published}\nsource: ${doc.url}\noutlet: ${JSON.stringify(doc.outlet)}\nauthor: ${doc.byline}\n---\n\n# ${doc.title}\n\n${doc.paragraphs.join('\n\n')}\n`,
        );
        break;
      case 2:
        writeFileSync(join(dir, `${name}.txt`), `${doc.title}\n\nBy ${doc.byline}\n\n${doc.paragraphs.join('\n\n')}\n`);
        break;
      default:
        lines.push(JSON.stringify({ url: doc.url, title: doc.title, outlet: doc.outlet, published: doc.published, text: doc.paragraphs.join('\n\n') }));
        if (lines.length === JSONL_LINES) flush();
    }
  });
  flush();
}
