/**
 * What the lazily loaded spotting pipeline (`entrypoints/spotting-pipeline/`: the rules run
 * after the matcher, lib/engine/evidence.ts) offers the content script. Types only, plus the key
 * it registers under: the boot bundle imports this file and must stay free of the pipeline's
 * code (the content script's size budget).
 */
import type { PageSpotting } from '../../lib/engine/evidence';

/** Where the pipeline script leaves its API: a global of the content script's isolated world, as the page UI's. */
export const PIPELINE_KEY = Symbol.for('backstory.spotting-pipeline');

export interface SpottingPipeline {
  PageSpotting: typeof PageSpotting;
}

/** The pipeline, if its script has already run in this frame. */
export function registeredPipeline(): SpottingPipeline | undefined {
  return (globalThis as Record<symbol, SpottingPipeline | undefined>)[PIPELINE_KEY];
}
