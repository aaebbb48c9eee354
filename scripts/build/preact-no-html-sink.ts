/**
 * A Vite plugin that removes Preact's only HTML sink: the `innerHTML = __html` assignment behind
 * `dangerouslySetInnerHTML`. Backstory never renders text as HTML (ESLint bans the prop), so the
 * branch is dead code — but it is the one `innerHTML` assignment in our bundles, and Firefox's
 * add-on linter (`web-ext lint`, AMO review) rightly flags it as UNSAFE_VAR_ASSIGNMENT. With it
 * replaced by a throw, an HTML sink cannot come back even by mistake.
 *
 * It fails the build when Preact's code no longer has exactly that one assignment (an upgrade
 * changed it), rather than silently shipping the sink again.
 */
import type { Plugin } from 'vite';

/** `(t.innerHTML=h.__html)` in Preact's minified `dist/preact.mjs` (Preact 10 and 11). */
const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;

export function preactNoHtmlSink(): Plugin {
  return {
    name: 'backstory:preact-no-html-sink',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id.split('?')[0] ?? '')) return null;
      const found = code.match(SINK)?.length ?? 0;
      if (found !== 1) {
        this.error(`preact-no-html-sink: expected one innerHTML assignment in ${id}, found ${found}; update the pattern.`);
      }
      return {
        code: code.replace(SINK, '(()=>{throw new Error("Backstory never renders HTML (dangerouslySetInnerHTML)")})()'),
        map: null,
      };
    },
  };
}
