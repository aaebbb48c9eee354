/**
 * Where the first scan's time goes: loads the bench's 2 MB page in Chromium with the
 * built extension under the CDP sampling profiler (the content script runs in the page's
 * renderer, so the page target's profile holds it) and prints self and inclusive time per
 * content-script function, plus GC. Run: `npx tsx scripts/bench/profile-scan.ts [runs]`.
 */
import { resolve } from 'node:path';
import { launchWithExtension } from '../../test/e2e/harness';
import { bigPageHtml } from './big-page';
import { loadKb } from './corpus-fixtures';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const BIG_PATH = '/bench/big.html';

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

/** Self and inclusive ms per function label; inclusive counts a label once per stack. */
function summarise(profile: Profile): { self: Map<string, number>; total: Map<string, number>; ms: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ms = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const name = label(node);
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    ms += dt;
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  return { self, total, ms };
}

function top(map: Map<string, number>, n: number, filter: (k: string) => boolean = () => true): string[] {
  return [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 1);
  const root = resolve('.');
  const html = bigPageHtml(2_000_000, loadKb(root).entities.map((e) => e.name));
  const harness = await launchWithExtension();
  try {
    await harness.context.route(`**${BIG_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    for (let run = 0; run < runs; run++) {
      const page = await harness.context.newPage();
      const cdp = await harness.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.goto(harness.pages.origin + BIG_PATH, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, undefined, { timeout: 60_000, polling: 100 });
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const busy = await page.evaluate(() => {
        const m = performance.getEntriesByName('backstory:scan')[0] as PerformanceMeasure;
        return (m.detail as { busy: number }).busy;
      });
      const { self, total, ms } = summarise(profile);
      const ours = (k: string) => k.includes('content.js') || k.includes('spotting-pipeline.js') || k.startsWith('(garbage');
      console.log(`\nrun ${run}: scan busy ${busy.toFixed(0)} ms; profiled non-idle ${ms.toFixed(0)} ms`);
      console.log('self time (content script + GC):');
      for (const line of top(self, 25, ours)) console.log(line);
      console.log('inclusive time (content script):');
      for (const line of top(total, 30, ours)) console.log(line);
      await cdp.detach();
      await page.close();
    }
  } finally {
    await harness.close();
  }
}

await main();
