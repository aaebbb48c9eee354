/**
 * A Vite plugin that takes the two `innerHTML` assignments out of `@mozilla/readability`, so the
 * injected article reader has no HTML sink (web-ext lint flags both as UNSAFE_VAR_ASSIGNMENT, as
 * it does Preact's; see preact-no-html-sink.ts). Both are replaced by DOM operations that do the
 * same thing without parsing markup:
 * - `_grabArticle` keeps the page's markup to restore it between attempts: it keeps a deep
 *   clone of the page instead, and restores its children (also skipping a serialisation of the
 *   whole page per article read);
 * - `_unwrapNoscriptImages` re-parses a `<noscript>`'s markup to find a lazy image's original:
 *   the line is only reached when the noscript's children are already elements (a DOMParser
 *   document, where scripting is off), so it copies those elements instead.
 *
 * The build fails when Readability's code no longer has exactly these lines (an upgrade changed
 * them), rather than silently shipping an HTML sink again.
 */
import type { Plugin } from 'vite';

export const READABILITY_PATCHES = [
  { find: 'var pageCacheHtml = page.innerHTML;', replace: 'var pageCache = page.cloneNode(true);' },
  {
    find: 'page.innerHTML = pageCacheHtml;',
    replace: 'page.replaceChildren(...Array.from(pageCache.cloneNode(true).childNodes));',
  },
  {
    find: 'tmp.innerHTML = noscript.innerHTML;',
    replace: 'Array.from(noscript.childNodes).forEach(function (child) { tmp.appendChild(child.cloneNode(true)); });',
  },
] as const;

/** Any assignment to innerHTML or outerHTML (not a comparison). */
const HTML_SINK = /\.(?:inner|outer)HTML\s*=(?!=)/;

/** Readability's source with the patches applied; throws when they no longer fit. */
export function patchReadability(source: string, file = 'Readability.js'): string {
  let code = source;
  for (const { find, replace } of READABILITY_PATCHES) {
    const found = code.split(find).length - 1;
    if (found !== 1) throw new Error(`readability-no-html-sink: expected "${find}" once in ${file}, found ${found}; update the patches.`);
    code = code.replace(find, replace);
  }
  const left = HTML_SINK.exec(code);
  if (left) throw new Error(`readability-no-html-sink: an HTML sink is left in ${file}: "${code.slice(left.index - 40, left.index + 40)}"`);
  return code;
}

export function readabilityNoHtmlSink(): Plugin {
  return {
    name: 'backstory:readability-no-html-sink',
    enforce: 'pre',
    transform(code, id) {
      // "\0…?commonjs-module" and the like are the CommonJS plugin's wrappers, not the source.
      if (id.startsWith('\0')) return null;
      if (!/[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/.test(id.split('?')[0] ?? '')) return null;
      try {
        return { code: patchReadability(code, id), map: null };
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}
