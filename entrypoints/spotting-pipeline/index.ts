/**
 * Backstory's spotting, loaded only once the token gate says a page may name someone: the
 * page's mentions (entrypoints/content/page-mentions.ts: spotter, marks, card) and the pipeline
 * after the matcher (lib/engine/evidence.ts: the context rules, institution nouns, event cues).
 * The background injects this file into the content script's frame (`pipeline/load`, asked by
 * entrypoints/content/mentions.ts). Like the page UI, it hands its API over on a global of the
 * content script's isolated world and returns nothing.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageSpotting } from '../../lib/engine/evidence';
import { prepareSentenceSplitter } from '../../lib/text/sentences';
import { PageMentions } from '../content/page-mentions';
import { PIPELINE_KEY, type SpottingPipeline } from '../content/pipeline-contract';

export default defineUnlistedScript(() => {
  const global = globalThis as Record<symbol, unknown>;
  // Injected twice (two loads racing in the background): the first copy stays.
  if (global[PIPELINE_KEY]) return;
  const pipeline: SpottingPipeline = { PageSpotting, PageMentions };
  global[PIPELINE_KEY] = pipeline;
  // In this injection's own task, not in the first scan slice that splits sentences.
  prepareSentenceSplitter();
});
