/**
 * The import's speed in the real browser, driven from *Your documents* as the page sends it
 * (`corpus/import-start`, batches, `corpus/import-end`) with documents of real article text
 * (scripts/bench/big-corpus.ts), while the page asks for a card every 20 ms; then one
 * 2,000-word article added with `corpus/add`, timed until a card quotes it. The figures are
 * logged (`[import-speed]`); the tests hold the budgets with headroom (below).
 */
import { describe, expect, it } from 'vitest';
import { importBatches } from '../../lib/kb/import-items';
import type { ImportItem } from '../../lib/message-schemas';
import { generateDocuments } from '../../scripts/bench/big-corpus';
import { draftOf } from '../../scripts/bench/import-cost.bench';
import { ROOT } from './harness';
import { chosenBrowser, type E2EPage } from './driver';
import { launchForSuite } from './suite';
import { openYourDocuments } from './your-documents';

const DOCUMENTS = Number(process.env.BACKSTORY_IMPORT_DOCUMENTS ?? 200);
const ENTITY = 'mustafa-al-kadhimi';
/** 2,000-word articles added one at a time after the import. */
const ARTICLES = 8;
/**
 * SPEC: 1,000 articles in ≤ 60 s, cards ≤ 100 ms p95 meanwhile, one article ≤ 300 ms. Held here
 * with twice the headroom (the machine is shared with other browsers and builds): a regression
 * fails, the figures themselves are read from the log.
 */
const BUDGET_MS_PER_DOCUMENT = 60;
const CARD_BUDGET_MS = 100;
const ADD_BUDGET_MS = 300;
const HEADROOM = 2;

const median = (samples: readonly number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
const p95 = (samples: readonly number[]) => [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil(samples.length * 0.95) - 1)] ?? Number.NaN;

interface ImportRun {
  ms: number;
  added: number;
  duplicates: number;
  state: string;
  cards: number[];
  idle: number[];
}

/** Runs in the page: the import as *Your documents* sends it, a card asked for every 20 ms meanwhile. */
function runImport(page: E2EPage, batches: ImportItem[][], expected: number): Promise<ImportRun> {
  return page.evaluate(
    async ({ batches, expected, entity }) => {
      const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      const runtime = (g.browser ?? g.chrome).runtime;
      const idle: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await runtime.sendMessage({ backstory: 1, name: 'card/get', data: { entity } });
        idle.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      const cards: number[] = [];
      let importing = true;
      const probe = (async () => {
        while (importing) {
          await new Promise((r) => setTimeout(r, 20));
          const t = performance.now();
          await runtime.sendMessage({ backstory: 1, name: 'card/get', data: { entity } });
          cards.push(performance.now() - t);
        }
      })();
      const start = performance.now();
      const started = (await runtime.sendMessage({ backstory: 1, name: 'corpus/import-start', data: { expected, label: 'speed' } })) as { id: string };
      for (const items of batches) await runtime.sendMessage({ backstory: 1, name: 'corpus/import-batch', data: { importId: started.id, items } });
      await runtime.sendMessage({ backstory: 1, name: 'corpus/import-end', data: { importId: started.id } });
      let status: { state: string; added: number; duplicates: number } | undefined;
      for (;;) {
        [status] = (await runtime.sendMessage({ backstory: 1, name: 'corpus/import-status', data: { importId: started.id } })) as { state: string; added: number; duplicates: number }[];
        if (!status || (status.state !== 'receiving' && status.state !== 'building')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const ms = performance.now() - start;
      importing = false;
      await probe;
      return { ms, added: status?.added ?? 0, duplicates: status?.duplicates ?? 0, state: status?.state ?? 'missing', cards, idle };
    },
    { batches, expected, entity: ENTITY },
  );
}

describe(`import speed (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();
  const docs = generateDocuments(ROOT, DOCUMENTS + ARTICLES * 5 + 5);
  let page: E2EPage | undefined;

  it(`imports ${DOCUMENTS} articles within the budget's rate, a card answering meanwhile`, async () => {
    page ??= await openYourDocuments(browser);
    const items: ImportItem[] = docs.slice(0, DOCUMENTS).map((d, i) => ({ kind: 'draft', name: 'speed.jsonl', line: i + 1, draft: draftOf(d, i) }));
    const run = await runImport(page, importBatches(items), items.length);
    const perDocument = run.ms / DOCUMENTS;
    console.log(
      `[import-speed] ${chosenBrowser()}: ${DOCUMENTS} documents in ${(run.ms / 1000).toFixed(1)} s = ${perDocument.toFixed(1)} ms per document ` +
        `(1,000 ≈ ${perDocument.toFixed(0)} s); added ${run.added}, duplicates ${run.duplicates}; ` +
        `card during the import: median ${median(run.cards).toFixed(1)} ms, p95 ${p95(run.cards).toFixed(1)} ms (${run.cards.length} asks); idle median ${median(run.idle).toFixed(1)}, p95 ${p95(run.idle).toFixed(1)} ms`,
    );
    expect(run.state).toBe('done');
    expect(run.added + run.duplicates).toBe(DOCUMENTS);
    expect(run.added).toBeGreaterThan(DOCUMENTS * 0.9);
    expect(perDocument).toBeLessThan(BUDGET_MS_PER_DOCUMENT * HEADROOM);
    expect(p95(run.cards)).toBeLessThan(CARD_BUDGET_MS * HEADROOM);
  }, 600_000);

  it('adds one 2,000-word article and a card counts it at once', async () => {
    page ??= await openYourDocuments(browser);
    const times: number[] = [];
    for (let k = 0; k < ARTICLES; k++) {
      // Distinct generated documents joined up to 2,000 words, al-Kadhimi named first.
      const paragraphs = [`Prime Minister Mustafa al-Kadhimi spoke in Baghdad about the budget, article ${k} of the speed test.`];
      let words = 0;
      for (let j = DOCUMENTS + k * 5; words < 2_000; j++) {
        for (const p of docs[j]!.paragraphs) {
          paragraphs.push(p);
          words += p.split(/\s+/).length;
        }
      }
      const draft = { ...draftOf(docs[DOCUMENTS + k * 5]!, k), url: `https://speed.example/article-${k}`, domain: 'speed.example', outlet: 'Speed Example', paragraphs };
      const ms = await page!.evaluate(
        async ({ draft, entity }) => {
          const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
          const runtime = (g.browser ?? g.chrome).runtime;
          const before = (await runtime.sendMessage({ backstory: 1, name: 'card/get', data: { entity } })) as { documentCount: number } | null;
          const t = performance.now();
          const added = (await runtime.sendMessage({ backstory: 1, name: 'corpus/add', data: { draft, edits: {} } })) as { ok: boolean; reason?: string };
          if (!added.ok) return `not added: ${added.reason}`;
          const card = (await runtime.sendMessage({ backstory: 1, name: 'card/get', data: { entity } })) as { documentCount: number } | null;
          return card && before && card.documentCount === before.documentCount + 1 ? performance.now() - t : 'not counted on the card';
        },
        { draft, entity: ENTITY },
      );
      times.push(typeof ms === 'number' ? ms : Number.NaN);
      expect(ms, `article ${k}`).toBeTypeOf('number');
    }
    console.log(`[import-speed] ${chosenBrowser()}: one 2,000-word article added → counted on its card: ${times.map((t) => t.toFixed(0)).join(', ')} ms; p95 ${p95(times).toFixed(0)} ms`);
    expect(p95(times)).toBeLessThan(ADD_BUDGET_MS * HEADROOM);
  }, 120_000);
});
