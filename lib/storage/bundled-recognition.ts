/**
 * What recognising a page needs, bundled with the background only (the content script sends
 * its page's shingles and never carries these): the documents' fingerprints, built by
 * `npm run corpus`, and the shipped source registry, curated in data/sources.json.
 */
import fingerprintsJson from '~/data/fingerprints.json';
import sourcesJson from '~/data/sources.json';
import type { Fingerprints } from '../recognition/types';
import type { Source } from '../recognition/sources';

export const bundledFingerprints = fingerprintsJson as Fingerprints;
export const bundledSources: Source[] = sourcesJson.sources;
