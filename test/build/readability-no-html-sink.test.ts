// The article reader ships Readability without its innerHTML assignments (web-ext lint), and the
// patched Readability reads articles exactly as the original does — including on the paths the
// patches touch: restoring the page between attempts, and unwrapping <noscript> images.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { Readability as Original } from '@mozilla/readability';
import { patchReadability, readabilityNoHtmlSink } from '../../scripts/build/readability-no-html-sink';

const READABILITY = join(process.cwd(), 'node_modules', '@mozilla', 'readability', 'Readability.js');
const source = readFileSync(READABILITY, 'utf8');

/** The patched source, loaded as the CommonJS module it is. */
function patchedReadability(): typeof Original {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', patchReadability(source))(module, module.exports);
  return module.exports as typeof Original;
}

function transform(code: string, id: string): { code: string } | null {
  const hook = readabilityNoHtmlSink().transform as (this: unknown, code: string, id: string) => { code: string } | null;
  return hook.call({ error: (message: string) => { throw new Error(message); } }, code, id);
}

const parse = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function read(Reader: typeof Original, html: string) {
  const article = new Reader(parse(html)).parse();
  return article && { title: article.title, text: article.textContent?.replace(/\s+/g, ' ').trim(), content: article.content };
}

// Short, and inside an "unlikely" container: the first attempt strips it and finds too little,
// so Readability restores the page and tries again without stripping.
const RETRY_PAGE = `<!doctype html><title>Short note</title><body><div class="comment-thread">
<p>The talks between Baghdad and Washington resume in July, officials said on Friday evening.</p>
<p>The prime minister is expected to travel with a large delegation, his office said.</p></div>
<div class="sidebar"><a href="/a">Other story</a></div></body>`;

const NOSCRIPT_PAGE = `<!doctype html><title>Images</title><body><article>
<p>${'The strategic dialogue opened on Thursday by video link, with troops on the agenda. '.repeat(8)}</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy" data-src="/photo-small.jpg">
<noscript><img src="/photo-large.jpg" alt="Officials at the talks"></noscript>
<p>${'Officials on both sides said the statement was drafted to offend no one at all. '.repeat(8)}</p></article></body>`;

describe('readability-no-html-sink', () => {
  it('leaves no innerHTML or outerHTML assignment in Readability', () => {
    expect(source).toMatch(/\.innerHTML = /);
    const out = transform(source, READABILITY)!;
    expect(out.code).not.toMatch(/\.(inner|outer)HTML\s*=(?!=)/);
  });

  it('reads the same article as the original, on a page that needs a second attempt', () => {
    // The comparison means something only if the imported Readability is the unpatched one.
    expect(String((Original.prototype as unknown as { _grabArticle: () => void })._grabArticle)).toContain('pageCacheHtml');
    const original = read(Original, RETRY_PAGE);
    expect(original?.text).toMatch(/^The talks between Baghdad and Washington resume in July/);
    expect(read(patchedReadability(), RETRY_PAGE)).toEqual(original);
  });

  it('unwraps a <noscript> image as the original does', () => {
    const original = read(Original, NOSCRIPT_PAGE);
    expect(original?.content).toContain('/photo-large.jpg');
    expect(read(patchedReadability(), NOSCRIPT_PAGE)).toEqual(original);
  });

  it('leaves other modules and the CommonJS wrappers alone, and stops the build when Readability changed', () => {
    expect(transform('el.innerHTML = x;', '/p/node_modules/other/index.js')).toBeNull();
    expect(transform(source, `\0${READABILITY}?commonjs-module`)).toBeNull();
    expect(() => transform('module.exports = {};', READABILITY)).toThrow(/found 0; update the patches/);
  });
});
