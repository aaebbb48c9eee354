/**
 * The matcher built from the starter corpus and the gazetteer (`npm run corpus` writes
 * data/matcher.json), compiled into the bundles that import it: the reader page marks names
 * with it. The background hands the same file, read from the package, to content scripts.
 */
import matcherJson from '../../data/matcher.json';
import type { MatcherData } from '../engine/types';

export const starterMatcher = matcherJson as unknown as MatcherData;
