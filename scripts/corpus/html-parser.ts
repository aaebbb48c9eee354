/**
 * How the CLI (and the tests that stand in for it) parse a saved page: happy-dom's DOMParser,
 * the DOM in Node with the TreeWalker the article reader needs, with scripts, script files and
 * style sheets never loaded or run (a saved page is data, not code).
 */
import { Window } from 'happy-dom';

/** A `parseHtml` for lib/corpus/import-file.ts; one window serves every page it parses. */
export function createHtmlParser(): (markup: string) => Document {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const parser = new window.DOMParser();
  return (markup) => parser.parseFromString(markup, 'text/html') as unknown as Document;
}
