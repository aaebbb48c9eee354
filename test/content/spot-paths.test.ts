// @vitest-environment happy-dom
/**
 * The browser and the CLI cannot drift apart: on every evaluation page (test/pages/eval/), the
 * content script's scan — the page split into chunks, each chunk's text spotted with the page's
 * evidence, names left pending looked at again at the end — marks exactly the mentions
 * `npm run spot` finds in the whole page's text (the path `npm run eval` scores), at the same
 * offsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MentionMarks } from '../../entrypoints/content/marks';
import { Spotter } from '../../entrypoints/content/spotter';
import { offsetAt, readPageText } from '../../lib/page/dom-page-text';
import { readMatcher, spotFiles } from '../../scripts/spot';
import spottingPipeline from '../../entrypoints/spotting-pipeline';
import { installStaticRange } from '../page/static-range';

const EVAL_DIR = join(import.meta.dirname, '..', 'pages', 'eval');
const quietMarks: MentionMarks = { add() {}, remove() {}, clear() {}, settled: () => Promise.resolve(), flash() {} };

/** The page's body in the window's document, as the content script finds it. */
function open(file: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document.body;
}

describe('the content script’s scan and `npm run spot`', async () => {
  beforeAll(installStaticRange);
  // What the background's `pipeline/load` does in the browser: the pipeline script registers itself.
  beforeAll(() => spottingPipeline.main());
  const matcher = await readMatcher();
  const pages = readdirSync(EVAL_DIR).filter((f) => f.endsWith('.html')).sort();

  it.each(pages)('mark the same mentions on %s', async (name) => {
    const file = join(EVAL_DIR, name);
    const cli = (await spotFiles([file], matcher)).map((m) => `${m.entity}@${m.start}-${m.end}`);
    const body = open(file);
    const spotter = new Spotter(matcher, quietMarks, []);
    await spotter.scan([body]);
    const text = readPageText(body);
    const browser = [...spotter.mentionsFrom(null)].map((m) => {
      const start = offsetAt(text, m.range.startContainer, m.range.startOffset, 'start');
      const end = offsetAt(text, m.range.endContainer, m.range.endOffset, 'end');
      return `${m.entity.id}@${start}-${end}`;
    });
    expect(browser).toEqual(cli);
    spotter.stop();
  });
});
