/**
 * A measurement, not a test (run only with BACKSTORY_PROBE=1; it asserts only that the import
 * finished): how slow card answers get while the builder imports 200 articles of 500–1,100
 * words, and what a document costs. *Your documents* imports the file as a reader's drop does
 * while the same page asks `card/get` every 20 ms (its own parsing and sending share that page's thread, so the figures are an upper bound), as a hovering reader would. The
 * figures are printed; compare runs made on the same machine in the same hour (docs/performance.md).
 */
import { describe, expect, it } from 'vitest';
import { chosenBrowser, setInputFiles, textFile } from '../driver';
import { launchForSuite } from '../suite';
import { importSummary, openYourDocuments, SHARED_NAME } from '../your-documents';
import { percentile } from '../../../scripts/bench/types';

const ARTICLES = 200;
const WORDS = ['talks', 'embassy', 'ministers', 'agreement', 'forces', 'withdrawal', 'parliament', 'statement', 'officials', 'security', 'region', 'strategic', 'dialogue', 'sanctions', 'militia', 'border', 'economy', 'oil', 'delegation', 'Baghdad', 'Washington', 'Tehran'];
const NAMES = ['Quds Force', 'United States', 'Mustafa al-Kadhimi', 'Iraq', 'Iran'];

/** A deterministic pseudo-article: unique words per document, so no two are near duplicates. */
function article(n: number): string {
  let seed = n * 7919 + 17;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const words = 500 + (n * 37) % 600;
  const paragraphs: string[] = [];
  let sentence: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < words; i++) {
    sentence.push(i % 23 === 0 ? NAMES[next() % NAMES.length]! : i % 11 === 0 ? `w${n}x${i}` : WORDS[next() % WORDS.length]!);
    if (sentence.length >= 14) {
      paragraph.push(`${sentence.join(' ')}.`);
      sentence = [];
      if (paragraph.length >= 4) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
  }
  paragraphs.push([...paragraph, `${sentence.join(' ')}.`].join(' '));
  return paragraphs.join('\n\n');
}

describe.skipIf(!process.env.BACKSTORY_PROBE)(`card answers during an import (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();

  it('imports 200 articles while cards are asked every 20 ms', async () => {
    // The page in front asks: a page behind it has its timers throttled (Firefox: once a second).
    const corpus = await openYourDocuments(browser);
    const asker = corpus;
    const jsonl = Array.from({ length: ARTICLES }, (_, n) =>
      JSON.stringify({ url: `https://example.org/probe/${n}`, title: `Probe article ${n}`, outlet: 'Probe Daily', published: '2020-06', text: article(n) }),
    ).join('\n');

    const quiet = await asker.evaluate(async (entity) => {
      const api = (globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } });
      const runtime = (api.browser ?? api.chrome).runtime;
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const start = performance.now();
        await runtime.sendMessage({ backstory: 1, name: 'card/get', data: { entity } });
        times.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 20));
      }
      return times;
    }, SHARED_NAME.entity);

    await asker.evaluate((entity) => {
      const api = (globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } });
      const runtime = (api.browser ?? api.chrome).runtime;
      const w = globalThis as unknown as { probeTimes: number[]; probeStop: boolean };
      w.probeTimes = [];
      w.probeStop = false;
      void (async () => {
        while (!w.probeStop) {
          const start = performance.now();
          await runtime.sendMessage({ backstory: 1, name: 'card/get', data: { entity } });
          w.probeTimes.push(performance.now() - start);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
    }, SHARED_NAME.entity);
    const started = Date.now();
    await setInputFiles(corpus, { label: 'Import documents' }, [textFile('probe.jsonl', jsonl, 'application/x-ndjson')]);
    const summary = await importSummary(corpus);
    const importMs = Date.now() - started;
    const during = await asker.evaluate(() => {
      const w = globalThis as unknown as { probeTimes: number[]; probeStop: boolean };
      w.probeStop = true;
      return w.probeTimes;
    });
    expect(summary).toBe(`Import finished: ${ARTICLES} documents added, 0 skipped as duplicates, 0 refused.`);

    const q = [...quiet].sort((a, b) => a - b);
    const d = [...during].sort((a, b) => a - b);
    console.log(
      `[probe ${chosenBrowser()}] card/get quiet p50 ${percentile(q, 50).toFixed(1)} p95 ${percentile(q, 95).toFixed(1)} ms (n=${q.length}); ` +
        `during import p50 ${percentile(d, 50).toFixed(1)} p95 ${percentile(d, 95).toFixed(1)} max ${d.at(-1)?.toFixed(1)} ms (n=${d.length}); ` +
        `import ${importMs} ms = ${(importMs / ARTICLES).toFixed(1)} ms/document (summary polled every 250 ms)`,
    );
  }, 300_000);
});

describe.skipIf(!process.env.BACKSTORY_PROBE)(`which extension contexts share a thread (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();

  /** The longest a 10 ms timer in `page` runs late over 1.5 s, while `busy` spins for 500 ms after 200 ms. */
  async function lagWhile(page: Awaited<ReturnType<typeof browser.openExtensionPage>>, busy: () => Promise<unknown>): Promise<number> {
    const measured = page.evaluate(async () => {
      let worst = 0;
      const end = performance.now() + 1500;
      while (performance.now() < end) {
        const start = performance.now();
        await new Promise((r) => setTimeout(r, 10));
        worst = Math.max(worst, performance.now() - start - 10);
      }
      return worst;
    });
    await new Promise((r) => setTimeout(r, 200));
    await busy();
    return measured;
  }

  it('blocks one context for 500 ms and times another', async () => {
    const other = await browser.openExtensionPage('corpus.html');
    const front = await browser.openExtensionPage('popup.html');
    const spin = () => {
      const end = performance.now() + 500;
      while (performance.now() < end);
      return 1;
    };
    const idle = await lagWhile(front, async () => undefined);
    const byPage = await lagWhile(front, () => other.evaluate(spin));
    const byBackground = await lagWhile(front, () => browser.evaluateInBackground(spin));
    console.log(`[probe ${chosenBrowser()}] an extension page's worst timer lag: idle ${idle.toFixed(0)} ms; another extension page busy 500 ms: ${byPage.toFixed(0)} ms; the background busy 500 ms: ${byBackground.toFixed(0)} ms`);
    expect(idle).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
