/**
 * What the matcher is compiled with besides the curated entities: the blockers, event cues and
 * topic words Backstory ships (data/*.json, a few kB). A device that installs a pack with new
 * curated names compiles its matcher with the same files `npm run corpus` uses.
 */
import blockers from '../../data/blockers.json';
import eventCues from '../../data/event-cues.json';
import topicWords from '../../data/topic-words.json';
import type { GazetteerInput, InputFile } from './gazetteer';

export const SHIPPED_MATCHER_CONFIG: Omit<GazetteerInput, 'gazetteer'> = {
  blockers: { file: 'data/blockers.json', data: blockers },
  eventCues: { file: 'data/event-cues.json', data: eventCues },
  topicWords: { file: 'data/topic-words.json', data: topicWords },
};

export type { InputFile };
