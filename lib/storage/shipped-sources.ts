/**
 * The source registry Backstory ships (data/sources.json, curated by hand, ~28 kB): which outlet
 * a site is and its perspective, before the reader's edits. Small enough to stay in the
 * background's bundle, unlike the fingerprints the worker reads on demand.
 */
import sourcesJson from '../../data/sources.json';
import type { Source } from '../recognition/sources';

export const shippedSources: Source[] = sourcesJson.sources;
