// Bad curated input for the issue-3 files gets a clear message naming the file and the place.
import { buildKnowledgeBase } from '../../lib/kb/build';
import { formatIssue } from '../../lib/kb/schema';
import { readCorpusInput } from '../../scripts/build-corpus';

const input = readCorpusInput();
const errorsWith = (patch: Partial<typeof input>) => buildKnowledgeBase({ ...input, ...patch }).report.errors.map(formatIssue);

test('an event cue naming an unknown or non-event entry, or with a broken regex, fails the build', () => {
  const errors = errorsWith({
    eventCues: {
      file: 'data/event-cues.json',
      data: {
        cues: [
          { event: 'qasem-soleimani', trigger: 'killed', participants: ['iran'] },
          { event: 'killing-of-soleimani', trigger: 'kill(ed', participants: ['nobody-known'] },
        ],
      },
    },
  });
  expect(errors.join('\n')).toMatch(/data\/event-cues\.json.*"qasem-soleimani" is not the id of an event entry/);
  expect(errors.join('\n')).toMatch(/cues\[1\]\.trigger.*not a valid regular expression/);
  expect(errors.join('\n')).toMatch(/"nobody-known" is not the id of any gazetteer entry/);
});

test('a blocker without names or with a bad id fails the build with its path', () => {
  const errors = errorsWith({ blockers: { file: 'data/blockers.json', data: { blockers: [{ id: 'Bad Id', why: 'x', names: [] }] } } });
  expect(errors.join('\n')).toMatch(/data\/blockers\.json/);
  expect(errors.join('\n')).toMatch(/lower-case letters, digits and hyphens/);
  expect(errors.join('\n')).toMatch(/at least one name/);
});

test('topic words must be a list of words', () => {
  expect(errorsWith({ topicWords: { file: 'data/topic-words.json', data: { words: 'Iraqi' } } }).join('\n')).toMatch(
    /data\/topic-words\.json.*words must be a list of non-empty strings/,
  );
});
