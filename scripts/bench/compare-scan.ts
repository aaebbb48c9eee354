/**
 * The first scan of the bench's 2 MB page, this build against others, loads alternating in one
 * session (the machine is shared: only figures taken side by side compare): per build, the
 * first `backstory:scan` measure's script time (`detail.busy`) and its mentions (and the token
 * gate's read before it, `backstory:gate`), against the bare
 * TreeWalker pass in a browser without the extension, as browser.bench.ts takes them.
 * Run: `npx tsx scripts/bench/compare-scan.ts [loads] [other build dirs...]`.
 */
import { resolve } from 'node:path';
import { launchWithExtension, launchWithoutExtension } from '../../test/e2e/harness';
import { bigPageHtml } from './big-page';
import { BIG_PATH, barePass, firstScan, serveBigPage } from './browser.bench';
import { loadKb } from './corpus-fixtures';
import { median } from './timing';

async function main(): Promise<void> {
  const loads = Number(process.argv[2] ?? 3);
  const dirs = [undefined, ...process.argv.slice(3)];
  const html = bigPageHtml(2_000_000, loadKb(resolve('.')).entities.map((e) => e.name));
  const plain = await launchWithoutExtension();
  const builds = [];
  for (const dir of dirs) {
    const harness = await launchWithExtension(dir ? { extensionDir: dir } : {});
    await serveBigPage(harness.context, html);
    builds.push({ name: dir ?? 'this build', harness, busy: [] as number[], gate: [] as number[], mentions: new Set<number>() });
  }
  await serveBigPage(plain.context, html);
  const url = builds[0]!.harness.pages.origin + BIG_PATH;
  const bare: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const page = await plain.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(1000);
      bare.push((await barePass(page)).ms);
      await page.close();
      for (const b of builds) {
        const p = await b.harness.context.newPage();
        await p.goto(url, { waitUntil: 'load' });
        const scan = await firstScan(p);
        b.busy.push(scan.busy);
        // The token gate's read before it (wall time: it slices), where a build records it.
        b.gate.push(await p.evaluate(() => performance.getEntriesByName('backstory:gate')[0]?.duration ?? Number.NaN));
        b.mentions.add(scan.mentions);
        await p.close();
      }
      console.error(`load ${i}: bare ${bare.at(-1)!.toFixed(1)} ms; ${builds.map((b) => `${b.name} ${b.busy.at(-1)!.toFixed(0)} ms`).join('; ')}`);
    }
  } finally {
    for (const b of builds) await b.harness.close();
    await plain.close();
  }
  const floor = median(bare);
  console.log(`bare TreeWalker pass, median of ${loads}: ${floor.toFixed(1)} ms`);
  for (const b of builds) {
    const busy = median(b.busy);
    console.log(`${b.name}: first scan ${busy.toFixed(0)} ms = ${(busy / floor).toFixed(2)}× the bare pass; mentions ${[...b.mentions].join(', ')}; gate read before it ${median(b.gate).toFixed(1)} ms`);
  }
}

await main();
