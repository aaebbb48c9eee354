// Saved pages in the layouts readers bring (WordPress, a news site with a JSON-LD @graph, AMP,
// minified markup, Arabic right-to-left): each gives its article's paragraphs — every sentence
// of the article, none of the site around it — and the metadata the preview shows.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/corpus/dom-article';
import type { DocumentDraft } from '../../lib/corpus/draft';
import { fixtureText, parseHtml } from './saved-pages';

function read(file: string, pageUrl?: string): DocumentDraft {
  const origin = pageUrl ? { kind: 'page' as const, url: pageUrl } : { kind: 'file' as const, name: file, format: 'html' as const };
  const result = extractArticle(parseHtml(fixtureText(`saved-pages/${file}`)), { origin, pageUrl });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

const text = (draft: DocumentDraft) => draft.paragraphs.join('\n');

describe('extractArticle on saved pages', () => {
  it('WordPress: the article with its list and quote; no caption, share bar, newsletter, tags, comments or sidebar', () => {
    const draft = read('wordpress.html');
    expect(draft).toMatchObject({
      title: 'Rocket attacks test Kadhimi’s promise to rein in armed factions',
      url: 'https://tigrismonitor.example/2020/06/15/rocket-attacks-test-kadhimi/',
      domain: 'tigrismonitor.example',
      outlet: 'Tigris Monitor',
      byline: 'Sara Haddad',
      published: '2020-06-15',
      language: 'en-US',
    });
    expect(draft.paragraphs[0]).toMatch(/^Two Katyusha rockets struck an empty field/);
    expect(draft.paragraphs.at(-1)).toMatch(/expected to take place in person later this summer\.$/);
    // List items are paragraphs of their own; the quote's text is kept, its attribution is not.
    expect(draft.paragraphs).toContain('negotiate a truce through the political parties that speak for the factions in parliament;');
    expect(draft.paragraphs).toContain('We are not going to arrest our way out of this in a week. But the men who fire these rockets should know that we know who they are.');
    expect(draft.paragraphs).toHaveLength(13);
    for (const chrome of [
      'The road to Baghdad International Airport, where two rockets',
      'Read more',
      'Share this',
      'newsletter',
      'Tags:',
      'A delicate moment for Baghdad',
      'Let us see one arrest first',
      'Power cuts bring protesters',
      'Copyright',
      'Adviser to the prime minister\n',
    ]) {
      expect(`${text(draft)}\n`).not.toContain(chrome);
    }
  });

  it('news site: publisher and authors from a JSON-LD @graph by @id, a relative canonical link, a teaser mid-article dropped alone', () => {
    const draft = read('news-graph.html');
    expect(draft).toMatchObject({
      title: 'What Baghdad and Washington agreed in the first round of talks',
      // The canonical link is relative: resolved against og:url, whose tracking goes.
      url: 'https://www.thegulfledger.example/middle-east/2020/06/12/us-iraq-talks-first-round',
      domain: 'thegulfledger.example',
      outlet: 'The Gulf Ledger',
      byline: 'Daniel Whitcombe, Rana Aziz',
      // Only the JSON-LD has the date; the malformed breadcrumb block beside it does not matter.
      published: '2020-06-12',
      language: 'en-GB',
    });
    // "READ MORE: <headline>" between paragraphs goes, and the paragraphs after it stay.
    expect(text(draft)).not.toMatch(/READ MORE|first month: big promises/);
    expect(draft.paragraphs.some((p) => p.startsWith('For Mustafa al-Kadhimi, who became prime minister in May'))).toBe(true);
    expect(draft.paragraphs.at(-1)).toBe('The next round is expected in Washington in July, possibly with a visit by the prime minister to the White House.');
    expect(text(draft)).not.toMatch(/Advertisement|Photograph|Share on|Related coverage|Sign up|Rockets land near US embassy/);
  });

  it('AMP: the canonical (non-AMP) address, the <time> date, and the domain as outlet when the page names none', () => {
    const draft = read('amp.html');
    expect(draft).toMatchObject({
      title: 'Six years after the fatwa, the PMF faces questions about its future',
      url: 'https://www.euphratesherald.example/news/2020/06/13/pmf-six-years-on/',
      domain: 'euphratesherald.example',
      outlet: 'euphratesherald.example',
      byline: 'Omar Khalil',
      published: '2020-06-13',
      language: 'en',
    });
    expect(draft.paragraphs).toHaveLength(6);
    expect(text(draft)).not.toMatch(/Advertisement|parade in Baghdad in 2019|More from|non-AMP/);
  });

  it('minified markup: og:url without its tracking, a compact pubdate, a <br> read as a space, chrome lines dropped', () => {
    const draft = read('minified.html');
    expect(draft).toMatchObject({
      title: "Qaani's quiet visit to Baghdad",
      url: 'https://levantwire.example/iraq/qaani-quiet-visit-baghdad-2020',
      domain: 'levantwire.example',
      outlet: 'levantwire.example',
      published: '2020-06-18',
    });
    // The page's meta author is a profile URL: not a byline.
    expect(draft.byline).toBeUndefined();
    expect(draft.paragraphs).toHaveLength(5);
    expect(draft.paragraphs[1]).toMatch(/came with a message of restraint\. "He asked them to give the talks/);
    expect(text(draft)).not.toMatch(/Follow us|Tags:|Most read|Beirut/);
  });

  it('Arabic, right to left: the outlet in Arabic, "اقرأ أيضاً" teaser and caption dropped, language ar', () => {
    const draft = read('arabic-rtl.html');
    expect(draft).toMatchObject({
      title: 'الكاظمي يتعهد بحصر السلاح بيد الدولة بعد هجمات صاروخية قرب المطار',
      outlet: 'الرافدين اليوم',
      byline: 'علي الجبوري',
      published: '2020-06-16',
      language: 'ar',
      domain: 'alrafidayn-today.example',
    });
    expect(draft.paragraphs).toHaveLength(5);
    expect(draft.paragraphs[0]).toMatch(/^تعهد رئيس الوزراء العراقي مصطفى الكاظمي/);
    expect(text(draft)).not.toMatch(/اقرأ أيضاً|خلال اجتماع مع القادة العسكريين|جميع الحقوق/);
  });

  it('a live page: a canonical link to another site is not trusted, a same-site one is', () => {
    const foreign = read('wordpress.html', 'https://mirror.example/copied/rockets?utm_source=x');
    expect(foreign.url).toBe('https://mirror.example/copied/rockets');
    expect(foreign.domain).toBe('mirror.example');
    expect(foreign.origin).toEqual({ kind: 'page', url: 'https://mirror.example/copied/rockets?utm_source=x' });
    const own = read('wordpress.html', 'https://www.tigrismonitor.example/2020/06/15/rocket-attacks-test-kadhimi/#comments');
    expect(own.url).toBe('https://tigrismonitor.example/2020/06/15/rocket-attacks-test-kadhimi/');
  });

  it('a page without a title gets its file name or its opening words, not a refusal', () => {
    const body = '<p>The talks between Baghdad and Washington resume in July, officials said on Friday, after a first round held by video link.</p>'.repeat(4);
    const untitled = () => parseHtml(`<!doctype html><body><article>${body}</article></body>`);
    const origin = { kind: 'file' as const, name: 'talks.html', format: 'html' as const };
    expect(extractArticle(untitled(), { origin, fallbackTitle: 'talks' })).toMatchObject({ ok: true, value: { title: 'talks' } });
    expect(extractArticle(untitled(), { origin })).toMatchObject({ ok: true, value: { title: 'The talks between Baghdad and Washington resume in July, officials said on…' } });
  });

  it('a page without an article says so instead of inventing one', () => {
    const doc = parseHtml('<!doctype html><title>Login</title><form><input name=user><button>Sign in</button></form>');
    expect(extractArticle(doc, { origin: { kind: 'file', name: 'login.html', format: 'html' } })).toEqual({
      ok: false,
      reason: 'no article text was found on the page',
    });
  });
});
