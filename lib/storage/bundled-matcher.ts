/** The prebuilt matcher bundled with the extension (built by `npm run corpus`); the background hands it to content scripts. */
import matcherJson from '~/data/matcher.json';
import type { MatcherData } from '../engine/types';

export const bundledMatcher = matcherJson as unknown as MatcherData;
