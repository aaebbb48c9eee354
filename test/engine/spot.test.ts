import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher } from '../../lib/engine/matcher';
import { spotFiles } from '../../scripts/spot';

const run = promisify(execFile);
const fixture = join(import.meta.dirname, 'fixtures/article.html');

const data = buildMatcher({
  kbVersion: 'test',
  entities: [
    { id: 'kadhimi', name: 'Mustafa al-Kadhimi', type: 'person' },
    { id: 'soleimani', name: 'Qasem Soleimani', type: 'person' },
    { id: 'pmu', name: 'Popular Mobilization Units', type: 'organization' },
  ],
  patterns: [
    { entity: 0, text: 'Mustafa al-Kazemi', specificity: 'unique' },
    { entity: 1, text: 'Qasem Soleimani', specificity: 'unique' },
    { entity: 1, text: 'Soleimani', specificity: 'unique' },
    { entity: 2, text: 'PMU', specificity: 'ambiguous' },
  ],
});

/** Run the CLI as `npm run spot` does (tsx), with the matcher it should load. */
async function spotCli(args: string[], matcherPath: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/spot.ts', ...args], {
      env: { ...process.env, BACKSTORY_MATCHER: matcherPath },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('spot', () => {
  it('lists the mentions of an HTML page in its visible text', async () => {
    const lines = await spotFiles([fixture], loadMatcher(data));
    expect(lines.map((l) => [l.entity, l.text])).toEqual([
      ['kadhimi', 'Mustafa al-Kazemi'],
      ['soleimani', 'Qāsem Soleimānī'],
      ['pmu', 'PMU'],
    ]);
    expect(lines[0]).toMatchObject({ file: fixture, name: 'Mustafa al-Kadhimi', type: 'person' });
  });

  it('prints one JSON object per mention per line, with offsets into the visible text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spot-'));
    const matcherPath = join(dir, 'matcher.json');
    await writeFile(matcherPath, JSON.stringify(data));
    const textFile = join(dir, 'note.txt');
    await writeFile(textFile, 'On 3 January Qasem Soleimani died.\n');

    const { code, stdout } = await spotCli([textFile], matcherPath);
    expect(code).toBe(0);
    expect(stdout).toBe(
      JSON.stringify({ file: textFile, entity: 'soleimani', name: 'Qasem Soleimani', type: 'person', text: 'Qasem Soleimani', start: 13, end: 28 }) + '\n',
    );
  });

  it('fails with a clear message for a missing file or a missing matcher', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spot-'));
    const matcherPath = join(dir, 'matcher.json');
    await writeFile(matcherPath, JSON.stringify(data));

    const missingFile = await spotCli([join(dir, 'nope.html')], matcherPath);
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr).toMatch(/Cannot read .*nope\.html/);

    const missingMatcher = await spotCli([fixture], join(dir, 'absent.json'));
    expect(missingMatcher.code).toBe(1);
    expect(missingMatcher.stderr).toMatch(/npm run corpus/);
  });
});
