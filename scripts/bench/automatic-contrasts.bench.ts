/**
 * Automatic contrasts computed on the device (lib/storage/automatic-contrasts.ts) on
 * fake-indexeddb: the starter corpus installed, then a few documents of the reader's added one at
 * a time (the starter articles' entities read the first time, their readings stored after),
 * and an import of the same few. Each row is the recomputation after the writes, from its report;
 * beside it, a card read while it runs against the same card read idle, in the same run.
 * fake-indexeddb is not a browser's IndexedDB: read the figures against each other.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCardData } from '../../lib/card-data';
import { readJsonl } from '../../lib/corpus/jsonl';
import { parsePack } from '../../lib/corpus/pack';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
import type { RecomputeReport } from '../../lib/storage/automatic-contrasts';
import { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { currentLabels } from '../../lib/storage/corpus-reader';
import { openBackstoryDb } from '../../lib/storage/db';
import { cardSource } from '../../lib/storage/kb-reader';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { STARTER_PACK_FILE } from '../build-corpus';
import { percentile, type BenchModule, type BenchRow } from './types';

const ENTITY = 'united-states';

const automaticBench: BenchModule = {
  title: 'automatic contrasts on the device',
  async run(ctx) {
    const starter = parsePack(readFileSync(join(ctx.root, STARTER_PACK_FILE), 'utf8'));
    if (!starter.ok) throw new Error(`${STARTER_PACK_FILE}: ${starter.reason}`);
    const drafts = readJsonl(readFileSync(join(ctx.root, 'test/fixtures/corpus/files/articles.jsonl'), 'utf8'), 'articles.jsonl').documents;
    const db = openBackstoryDb(`bench-automatic-${Date.now()}`);
    const reports: RecomputeReport[] = [];
    const sources = { shipped: shippedSources, edits: () => Promise.resolve(EMPTY_READER_SOURCES) };
    const builder = new CorpusBuilder({
      db,
      starterPack: () => Promise.resolve(starter.pack),
      matcherConfig: SHIPPED_MATCHER_CONFIG,
      labels: () => currentLabels(db, sources),
      onAutomatic: (r) => reports.push(r),
      onChange: () => undefined,
      onImportProgress: () => undefined,
    });
    const labels = await currentLabels(db, sources);
    const card = async () => {
      const t = performance.now();
      const source = await cardSource(db, ENTITY, labels);
      if (!source || !buildCardData(source, ENTITY, () => '')) throw new Error(`no card for ${ENTITY}`);
      return performance.now() - t;
    };
    try {
      await builder.ready();
      const idle: number[] = [];
      for (let i = 0; i < 20; i++) idle.push(await card());
      const busy: number[] = [];
      const rows: BenchRow[] = [];
      const row = (name: string, r: RecomputeReport): BenchRow => ({
        group: 'automatic contrasts',
        name: `${name}: ${r.entities} entities, ${r.read} documents read`,
        value: Math.round(r.ms),
        unit: 'ms',
        status: 'info',
      });
      for (const [i, draft] of drafts.entries()) {
        const added = await builder.addDraft(draft);
        if (!added.ok) continue;
        // Cards asked for while it runs: answered between its slices.
        const settled = builder.automaticSettled();
        let done = false;
        void settled.then(() => (done = true));
        while (!done) busy.push(await card());
        await settled;
        rows.push(row(`document ${i + 1} added (starter corpus + ${i + 1})`, reports.at(-1)!));
      }
      const p = (list: number[], q: number) => Math.round(percentile(list, q) * 10) / 10;
      rows.push(
        { group: 'automatic contrasts', name: `card of ${ENTITY}, idle p95 (n=${idle.length})`, value: p(idle, 95), unit: 'ms', status: 'info' },
        {
          group: 'automatic contrasts',
          name: `card of ${ENTITY} while recomputing p95 (n=${busy.length})`,
          value: p(busy, 95),
          unit: 'ms',
          baseline: { name: 'idle p95', value: p(idle, 95) },
          ratio: Math.round((p(busy, 95) / p(idle, 95)) * 100) / 100,
          status: 'info',
        },
      );
      return rows;
    } finally {
      db.close();
      await indexedDB.deleteDatabase(db.name);
    }
  },
};

export default automaticBench;
