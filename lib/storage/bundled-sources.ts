/**
 * The shipped source registry (data/sources.json, curated by hand, ~1 kB): small enough to stay
 * in the background's bundle, unlike the fingerprints the worker reads on demand (issue 7).
 */
import sourcesJson from '~/data/sources.json';
import type { Source } from '../recognition/sources';

export const bundledSources: Source[] = sourcesJson.sources;
