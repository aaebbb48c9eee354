// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://tigrismonitor.example/2020/06/15/rocket-attacks-test-kadhimi/?utm_source=tw"}
// The injected article reader: it registers its API where the content script looks for it, and
// reads the page from a copy, so the page the reader is on is left exactly as it was.
import { describe, expect, it } from 'vitest';
import articleReaderScript from '../../entrypoints/article-reader/index';
import { ARTICLE_READ_MEASURE, registeredArticleReader } from '../../lib/corpus/article-reader-contract';
import { fixtureText } from './saved-pages';

describe('article reader entry', () => {
  it('registers once on its global and reads the page without changing it', () => {
    // The saved page becomes this window's page (its scripts and styles left out: nothing loads).
    const markup = fixtureText('saved-pages/wordpress.html').replace(/<(link[^>]+stylesheet|script[^>]+src=)[^>]*>(<\/script>)?/g, '');
    const saved = new DOMParser().parseFromString(markup, 'text/html');
    document.documentElement.lang = saved.documentElement.lang;
    document.head.replaceChildren(...Array.from(saved.head.childNodes, (n) => document.importNode(n, true)));
    document.body.replaceChildren(...Array.from(saved.body.childNodes, (n) => document.importNode(n, true)));
    const before = new XMLSerializer().serializeToString(document);

    expect(registeredArticleReader()).toBeUndefined();
    articleReaderScript.main();
    const reader = registeredArticleReader();
    articleReaderScript.main();
    expect(registeredArticleReader()).toBe(reader);

    const result = reader!.readPage();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      title: 'Rocket attacks test Kadhimi’s promise to rein in armed factions',
      outlet: 'Tigris Monitor',
      url: 'https://tigrismonitor.example/2020/06/15/rocket-attacks-test-kadhimi/',
      origin: { kind: 'page', url: 'https://tigrismonitor.example/2020/06/15/rocket-attacks-test-kadhimi/' },
    });
    expect(result.value.paragraphs).toHaveLength(13);
    expect(new XMLSerializer().serializeToString(document)).toBe(before);
    expect(performance.getEntriesByName(ARTICLE_READ_MEASURE)).toHaveLength(1);
  });
});
