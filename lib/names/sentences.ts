/**
 * The one place name learning takes its sentence splitter from, so that moving to another
 * splitter is a change of one import.
 */
export { splitSentences, type Sentence } from '../kb/sentences';
