/**
 * Where the extension's time on a page naming nobody goes: loads test/pages/bench/trivial.html
 * in a fresh tab under a CDP trace, with the built extension and in a browser launched the same
 * way without it (alternating; builds given as arguments are traced too, in turn), and prints the renderer main thread's time by trace event
 * (self time: an event's duration minus its children's), the difference between the two, and
 * the content script's own measures. Run: `npx tsx scripts/bench/profile-trivial.ts [runs] [other build dirs...]`.
 */
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension, launchWithoutExtension } from '../../test/e2e/harness';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  'toplevel',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.compile',
].join(',');

async function trace(context: BrowserContext, url: string): Promise<TraceEvent[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',') }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(2000);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await page.close();
  return events;
}

/** Self time per event name on the renderer main thread(s) that loaded `url`. */
function selfTimes(events: TraceEvent[], url: string): Map<string, number> {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // The renderer that loaded the page: the one with a ParseHTML or commit for its url.
  const pids = new Set(events.filter((e) => JSON.stringify(e.args ?? {}).includes(url)).map((e) => e.pid));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !pids.has(e.pid) || threadNames.get(key) !== 'CrRendererMain') continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const self = new Map<string, number>();
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { e: TraceEvent; end: number; children: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.end <= until) {
        const top = stack.pop()!;
        const ms = ((top.e.dur ?? 0) - top.children) / 1000;
        const name = top.e.name === 'EvaluateScript' || top.e.name === 'v8.compile' || top.e.name === 'v8.run' ? `${top.e.name} ${shortUrl(top.e)}` : top.e.name;
        self.set(name, (self.get(name) ?? 0) + ms);
        if (stack.length) stack[stack.length - 1]!.children += top.e.dur ?? 0;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, end: e.ts + (e.dur ?? 0), children: 0 });
    }
    close(Number.POSITIVE_INFINITY);
  }
  return self;
}

function shortUrl(e: TraceEvent): string {
  const url = e.args?.data?.url ?? (e.args as { fileName?: string } | undefined)?.fileName ?? '';
  return url.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:/').replace(/^http:\/\/[^/]+\//, '');
}

function add(into: Map<string, number[]>, from: Map<string, number>, runs: number, run: number): void {
  for (const [k, v] of from) {
    const list = into.get(k) ?? new Array<number>(runs).fill(0);
    list[run] = v;
    into.set(k, list);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  // Other builds to compare, alternating with the default one (e.g. the previous commit's).
  const dirs = [undefined, ...process.argv.slice(3)];
  const plain = await launchWithoutExtension();
  const builds = [];
  for (const dir of dirs) builds.push({ name: dir ?? 'this build', harness: await launchWithExtension(dir ? { extensionDir: dir } : {}), times: new Map<string, number[]>() });
  const url = `${builds[0]!.harness.pages.origin}/bench/trivial.html`;
  const without = new Map<string, number[]>();
  try {
    // A first load each, not counted: the first navigation of a profile does one-off work.
    await trace(plain.context, url);
    for (const b of builds) await trace(b.harness.context, url);
    for (let run = 0; run < runs; run++) {
      add(without, selfTimes(await trace(plain.context, url), url), runs, run);
      for (const b of builds) add(b.times, selfTimes(await trace(b.harness.context, url), url), runs, run);
    }
  } finally {
    for (const b of builds) await b.harness.close();
    await plain.close();
  }
  const total = (m: Map<string, number[]>) => median([...Array(runs).keys()].map((i) => [...m.values()].reduce((s, l) => s + (l[i] ?? 0), 0)));
  const base = total(without);
  console.log(`renderer main thread, self time summed, median of ${runs}: without the extension ${base.toFixed(1)} ms`);
  for (const b of builds) console.log(`  ${b.name}: ${total(b.times).toFixed(1)} ms (+${(total(b.times) - base).toFixed(1)})`);
  for (const b of builds) {
    const names = new Set([...b.times.keys(), ...without.keys()]);
    const rows = [...names].map((name) => {
      const x = median(b.times.get(name) ?? [0]);
      const y = median(without.get(name) ?? [0]);
      return { name, x, y, d: x - y };
    });
    console.log(`\n${b.name}\n   with  without    extra  event`);
    for (const r of rows.sort((p, q) => Math.abs(q.d) - Math.abs(p.d)).slice(0, 16)) {
      console.log(`${r.x.toFixed(2).padStart(7)}  ${r.y.toFixed(2).padStart(7)}  ${r.d.toFixed(2).padStart(7)}  ${r.name}`);
    }
  }
}

await main();
