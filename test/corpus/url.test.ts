// Addresses: the one kept with a document still opens the article; the identity key makes the
// same article under its AMP, tracked, www or http address one document.
import { describe, expect, it } from 'vitest';
import { canonicalUrl, documentUrl, sameSite, urlDomain } from '../../lib/corpus/url';

describe('documentUrl', () => {
  it('drops tracking parameters and the fragment, keeps everything that selects the article', () => {
    expect(documentUrl('https://www.news.example/a/story/?utm_source=tw&utm_medium=social&id=42&fbclid=IwAR0#comments')).toBe(
      'https://www.news.example/a/story/?id=42',
    );
    expect(documentUrl('https://news.example/story?page=2&gclid=x&mc_cid=y')).toBe('https://news.example/story?page=2');
  });

  it('leaves an untracked query exactly as written', () => {
    expect(documentUrl('https://news.example/search?q=a%20b&sort=new')).toBe('https://news.example/search?q=a%20b&sort=new');
  });

  it('resolves relative addresses against a base and refuses what is not a web address', () => {
    expect(documentUrl('/2020/06/story', 'https://news.example/other')).toBe('https://news.example/2020/06/story');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'mailto:a@b.example', '/relative/without/base', '']) {
      expect(documentUrl(bad)).toBeUndefined();
    }
  });
});

describe('canonicalUrl', () => {
  const key = 'https://news.example/2020/06/14/story';
  it.each([
    'https://news.example/2020/06/14/story',
    'http://news.example/2020/06/14/story',
    'https://www.news.example/2020/06/14/story/',
    'https://NEWS.example:443/2020/06/14/story?utm_campaign=daily#top',
    'https://news.example/2020/06/14/story/amp/',
    'https://news.example/2020/06/14/story/amp',
    'https://news.example/amp/2020/06/14/story',
    'https://amp.news.example/2020/06/14/story',
    'https://news.example/2020/06/14/story?amp=1',
    'https://news.example/2020/06/14/story?outputType=amp',
    'https://news.example/2020/06/14/story.amp',
    'https://news-example.cdn.ampproject.org/c/s/news.example/2020/06/14/story/amp/',
  ])('%s is the same article', (url) => {
    expect(canonicalUrl(url)).toBe(key);
  });

  it('keeps .amp.html articles apart from the AMP switch, and the query order does not matter', () => {
    expect(canonicalUrl('https://news.example/story.amp.html')).toBe('https://news.example/story.html');
    expect(canonicalUrl('https://news.example/story?b=2&a=1')).toBe(canonicalUrl('https://news.example/story?a=1&b=2'));
  });

  it('does not fold what selects a different article', () => {
    expect(canonicalUrl('https://news.example/story?id=1')).not.toBe(canonicalUrl('https://news.example/story?id=2'));
    expect(canonicalUrl('https://news.example/amplifier-review')).toBe('https://news.example/amplifier-review');
    expect(canonicalUrl('https://m.news.example/story')).not.toBe(canonicalUrl('https://news.example/story'));
  });
});

describe('urlDomain and sameSite', () => {
  it('files a document under its host without www', () => {
    expect(urlDomain('https://www.jpost.example/x')).toBe('jpost.example');
    expect(urlDomain('not a url')).toBeUndefined();
    // No domain the source registry could label.
    expect(urlDomain('http://127.0.0.1:8080/page')).toBeUndefined();
    expect(urlDomain('http://localhost/page')).toBeUndefined();
  });

  it('treats subdomains as one site, and nothing else', () => {
    expect(sameSite('edition.cnn.example', 'www.cnn.example')).toBe(true);
    expect(sameSite('notcnn.example', 'cnn.example')).toBe(false);
    expect(sameSite('bbc.co.uk', 'bbc.com')).toBe(false);
    expect(sameSite('', '')).toBe(false);
  });
});
