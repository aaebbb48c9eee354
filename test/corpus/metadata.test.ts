// What a page says about itself, decided between: the preview shows these, and a wrong date or
// outlet would file a document under the wrong perspective or time.
import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../lib/corpus/dates';
import { readJsonLd } from '../../lib/corpus/json-ld';
import { normaliseLanguage, resolveMetadata, savedFromUrl, type PageSignals } from '../../lib/corpus/metadata';

const signals = (partial: Partial<PageSignals>): PageSignals => ({ meta: {}, jsonLd: [], times: [], ...partial });

describe('readJsonLd', () => {
  it('finds the article in a @graph and follows @id references to its publisher and author', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': '#page', datePublished: '2020-01-01' },
        { '@type': ['Article', 'NewsArticle'], headline: 'Talks open', datePublished: '2020-06-11T08:00:00-04:00', author: { '@id': '#jane' }, publisher: { '@id': '#org' } },
        { '@type': 'http://schema.org/Organization', '@id': '#org', name: 'Daily Example' },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Roe' },
        { '@type': 'WebSite', name: 'Daily Example Online' },
      ],
    });
    expect(readJsonLd([graph])).toEqual({
      headline: 'Talks open',
      datePublished: '2020-06-11T08:00:00-04:00',
      authors: ['Jane Roe'],
      publisher: 'Daily Example',
      siteName: 'Daily Example Online',
    });
  });

  it('reads top-level arrays, several blocks, and CDATA or comment wrappers', () => {
    const blocks = [
      '//<![CDATA[\n{"@type":"BreadcrumbList","itemListElement":[]}\n//]]>',
      '<!--[{"@type":"Organization","name":"Not this"},{"@type":"ReportageNewsArticle","headline":"Field report","author":["Ann One",{"name":"Bob Two"}]}]-->',
    ];
    expect(readJsonLd(blocks)).toMatchObject({ headline: 'Field report', authors: ['Ann One', 'Bob Two'] });
  });

  it('repairs raw newlines and trailing commas; from a block beyond repair, keeps only its date', () => {
    expect(readJsonLd(['{"@type":"NewsArticle","headline":"Two\nlines","datePublished":"2020-06-12",}']).headline).toBe('Two lines');
    expect(readJsonLd(['{"@type":"NewsArticle", "headline": "Broken" "datePublished": "2020-06-13T10:00:00Z" {{']).datePublished).toBe(
      '2020-06-13T10:00:00Z',
    );
  });

  it('gives nothing for pages without article JSON-LD', () => {
    expect(readJsonLd(['{"@type":"BreadcrumbList"}', 'not json at all'])).toEqual({ authors: [] });
  });
});

describe('resolveMetadata', () => {
  it('prefers Open Graph site name, then JSON-LD publisher, then the extractor', () => {
    const ld = ['{"@type":"NewsArticle","publisher":{"name":"Publisher Ltd"}}'];
    expect(resolveMetadata(signals({ meta: { 'og:site_name': 'The Outlet' }, jsonLd: ld })).siteName).toBe('The Outlet');
    expect(resolveMetadata(signals({ jsonLd: ld })).siteName).toBe('Publisher Ltd');
    expect(resolveMetadata(signals({}), { siteName: 'Found by Readability' }).siteName).toBe('Found by Readability');
  });

  it('dates: article:published_time before JSON-LD before <time>, each in the publisher’s own calendar day', () => {
    const ld = ['{"@type":"NewsArticle","datePublished":"2020-06-10"}'];
    const times = ['2020-06-09T10:00'];
    expect(resolveMetadata(signals({ meta: { 'article:published_time': '2020-06-14T23:30:00-04:00' }, jsonLd: ld, times })).published).toBe('2020-06-14');
    expect(resolveMetadata(signals({ jsonLd: ld, times })).published).toBe('2020-06-10');
    expect(resolveMetadata(signals({ times })).published).toBe('2020-06-09');
    // A meta date that is not a date falls through to the next signal.
    expect(resolveMetadata(signals({ meta: { pubdate: 'yesterday' }, times })).published).toBe('2020-06-09');
  });

  it('the address: canonical link, resolved against og:url when relative; then og:url; then the saved-from note', () => {
    expect(
      resolveMetadata(signals({ canonical: '/a/story', meta: { 'og:url': 'https://news.example/other?utm_source=x' } })).url,
    ).toBe('https://news.example/a/story');
    expect(resolveMetadata(signals({ meta: { 'og:url': 'https://news.example/a/story?utm_medium=rss#top' } })).url).toBe(
      'https://news.example/a/story',
    );
    expect(resolveMetadata(signals({ savedFrom: 'https://news.example/saved' })).url).toBe('https://news.example/saved');
    expect(resolveMetadata(signals({ canonical: 'javascript:alert(1)' })).url).toBeUndefined();
  });

  it('title without the site’s suffix; byline without "By" and never a profile URL', () => {
    const meta = resolveMetadata(
      signals({ meta: { 'og:title': 'Talks open | The Outlet', 'og:site_name': 'The Outlet', author: 'By Jane Roe' } }),
    );
    expect(meta.title).toBe('Talks open');
    expect(meta.byline).toBe('Jane Roe');
    expect(resolveMetadata(signals({ meta: { author: 'https://facebook.example/jane' } }), { byline: 'by Jane Roe' }).byline).toBe('Jane Roe');
  });

  it('language from <html lang>, else og:locale, as a tag', () => {
    expect(resolveMetadata(signals({ lang: 'AR', meta: { 'og:locale': 'en_US' } })).language).toBe('ar');
    expect(resolveMetadata(signals({ meta: { 'og:locale': 'en_US' } })).language).toBe('en-US');
    expect(normaliseLanguage('not a language')).toBeUndefined();
  });
});

describe('savedFromUrl', () => {
  it('reads Chrome’s and SingleFile’s notes', () => {
    expect(savedFromUrl(' saved from url=(0042)https://news.example/a/story?utm_source=x ')).toBe('https://news.example/a/story');
    expect(savedFromUrl('\n Page saved with SingleFile \n url: https://news.example/b \n saved date: Mon Jun 15 2020')).toBe(
      'https://news.example/b',
    );
    expect(savedFromUrl('[if lt IE 9]>')).toBeUndefined();
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2020-06-14', '2020-06-14'],
    ['2020-06-14T23:30:00-04:00', '2020-06-14'],
    ['2020-06-14 10:00:00', '2020-06-14'],
    ['2020/6/4', '2020-06-04'],
    ['2020-06', '2020-06'],
    ['2020', '2020'],
    ['20200618', '2020-06-18'],
    ['June 14, 2020', '2020-06-14'],
    ['Sun, 14 Jun 2020 10:00:00 GMT', '2020-06-14'],
    ['14th June 2020', '2020-06-14'],
    ['Sept. 3, 2020', '2020-09-03'],
    ['June 2020', '2020-06'],
    ['14.06.2020', '2020-06-14'],
    ['18/06/2020', '2020-06-18'],
    ['06/18/2020', '2020-06-18'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected);
  });

  it.each(['06/07/2020', '2020-02-30', '2020-13-01', '0000-01-01', 'yesterday', '', '1592236930'])('%s → no date', (raw) => {
    expect(normaliseDate(raw)).toBeUndefined();
  });
});
