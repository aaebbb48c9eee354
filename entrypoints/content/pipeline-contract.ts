/**
 * What the lazily loaded spotting (`entrypoints/spotting-pipeline/`: the page's mentions after
 * the token gate, page-mentions.ts, and the rules run after the matcher, lib/engine/evidence.ts)
 * offers the content script. Types only, plus the key it registers under: the boot bundle
 * imports this file and must stay free of the spotting's code (the content script's size budget,
 * and what a page naming nobody pays to parse).
 */
import type { PageSpotting } from '../../lib/engine/evidence';
import type { PageMentions } from './page-mentions';

/** Where the pipeline script leaves its API: a global of the content script's isolated world, as the page UI's. */
export const PIPELINE_KEY = Symbol.for('backstory.spotting-pipeline');

export interface SpottingPipeline {
  PageSpotting: typeof PageSpotting;
  /** The page's spotting, marks and card, started by mentions.ts once the gate lets the page through. */
  PageMentions: typeof PageMentions;
}

/** The pipeline, if its script has already run in this frame. */
export function registeredPipeline(): SpottingPipeline | undefined {
  return (globalThis as Record<symbol, SpottingPipeline | undefined>)[PIPELINE_KEY];
}
