/**
 * The builder the Worker serves: the shipped starter corpus read from the package whose script
 * runs it, the shipped matcher configuration, the one database.
 */
import type { BuilderEvents, HostAsks } from '../../lib/builder-thread/protocol';
import { packageJsonReader, shippedCorpus } from '../../lib/corpus/shipped-pack';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { openBackstoryDb } from '../../lib/storage/db';

/** `packageUrl`: any address inside the extension's package (the Worker's script's). */
export function shippedBuilder(packageUrl: string, nextTask?: () => Promise<void>): (host: HostAsks & BuilderEvents) => CorpusBuilder {
  const corpus = shippedCorpus(packageJsonReader(packageUrl));
  return (host) =>
    new CorpusBuilder({
      ...host,
      db: openBackstoryDb(),
      starterPack: corpus.starterPack,
      matcherConfig: SHIPPED_MATCHER_CONFIG,
      ...(nextTask ? { nextTask } : {}),
      // What each step cost, in the worker's console (docs/names.md and docs/contrasts.md have the bench figures).
      onLearned: (result) =>
        console.debug(`[backstory] names learned: ${result.entities.length} entities in ${result.ms} ms${result.matcherChanged ? ', matcher rebuilt' : ''}`),
      onBatch: (b) =>
        console.debug(
          `[backstory] batch: ${b.items} items, ${b.added} added; check ${b.checkMs.toFixed(1)} duplicates ${b.duplicatesMs.toFixed(1)} extract ${b.extractMs.toFixed(1)} write ${b.writeMs.toFixed(1)} progress ${b.progressMs.toFixed(1)} ms at ${performance.now().toFixed(0)}`,
        ),
      onAutomatic: (report) => console.debug(`[backstory] automatic contrasts: ${report.entities} entities, ${report.read} documents read, ${Math.round(report.ms)} ms`),
    });
}
