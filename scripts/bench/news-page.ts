/**
 * A saved news page around an article's paragraphs, with the chrome real pages carry
 * (navigation, share bars, captions, "Read more" links, ads, related stories, comments, a
 * sidebar) and the metadata the article reader takes: og:site_name, article:published_time,
 * the canonical link and JSON-LD. For the article-extraction bench and the big corpora.
 */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attribute = (text: string) => escape(text).replace(/"/g, '&quot;');

export interface NewsPageMeta {
  title: string;
  outlet: string;
  byline: string;
  /** YYYY-MM-DD. */
  published: string;
  url: string;
}

const BENCH_NEWS: NewsPageMeta = {
  title: 'The talks, in full',
  outlet: 'Bench News',
  byline: 'Bench Writer',
  published: '2020-06-15',
  url: 'https://bench-news.example/2020/06/15/talks-in-full/',
};

/** A news page around the paragraphs, with the chrome real pages carry. */
export function newsPage(paragraphs: readonly string[], meta: NewsPageMeta = BENCH_NEWS): string {
  const links = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => `<li><a href="/${prefix}/${i}">${prefix} story number ${i} about the region</a></li>`).join('');
  const body = paragraphs
    .map((p, i) =>
      [
        `<p>${escape(p)}</p>`,
        i % 6 === 5 ? `<figure><img src="/img/${i}.jpg" alt=""><figcaption>Photo ${i}: officials in Baghdad</figcaption></figure>` : '',
        i % 9 === 8 ? `<p><strong>Read more:</strong> <a href="/more/${i}">Another story on the talks</a></p>` : '',
        i % 11 === 10 ? '<div class="ad-slot"><span>Advertisement</span></div>' : '',
      ].join(''),
    )
    .join('\n');
  const comments = Array.from({ length: 12 }, (_, i) => `<li class="comment"><b>Reader ${i}</b><p>I have read this and I think the government should do more, comment ${i}.</p></li>`).join('');
  const { title, outlet, byline, published, url } = meta;
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'NewsArticle', headline: title, author: { '@id': '#a' }, publisher: { '@id': '#o' } },
      { '@type': 'Person', '@id': '#a', name: byline },
      { '@type': 'Organization', '@id': '#o', name: outlet },
    ],
  }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | ${escape(outlet)}</title>
<meta property="og:site_name" content="${attribute(outlet)}"><meta property="og:title" content="${attribute(title)}">
<meta property="article:published_time" content="${attribute(published)}T10:00:00+03:00">
<link rel="canonical" href="${attribute(url)}">
<script type="application/ld+json">${ld}</script>
</head><body><header><nav><ul>${links(30, 'section')}</ul></nav></header>
<main><article><h1>${escape(title)}</h1><div class="byline">By ${escape(byline)}</div>
<div class="share"><a href="#">Share on Twitter</a><a href="#">Share on Facebook</a></div>
<div class="article-body">${body}</div>
<div class="tags">Tags: Iraq, Iran, United States</div></article>
<section class="related"><h2>Related</h2><ul>${links(10, 'related')}</ul></section>
<section id="comments"><h2>Comments</h2><ol>${comments}</ol></section></main>
<aside class="sidebar"><h2>Most read</h2><ol>${links(20, 'popular')}</ol></aside>
<footer><p>© ${published.slice(0, 4)} ${escape(outlet)}. All rights reserved.</p><ul>${links(15, 'footer')}</ul></footer></body></html>`;
}
