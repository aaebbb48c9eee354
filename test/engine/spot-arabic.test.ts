// `npm run spot` on a page of Arabic text (right to left) finds the main people, through the CLI.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';

const run = promisify(execFile);

test('npm run spot on an Arabic news page finds Kadhimi, Khamenei and Soleimani', async () => {
  const page = join(import.meta.dirname, '../pages/eval/arabic-news.html');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/spot.ts', page]);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { entity: string; text: string });
  const found = (entity: string) => lines.filter((l) => l.entity === entity).map((l) => l.text);
  expect(found('mustafa-al-kadhimi')).toEqual(['الكاظمي', 'مصطفى الكاظمي', 'الكاظمي']);
  expect(found('ali-khamenei')).toEqual(['علي خامنئي']);
  expect(found('qasem-soleimani')).toEqual(['قاسم سليماني', 'سليماني']);
  expect(found('popular-mobilization-units')).toEqual(['هيئة الحشد الشعبي']);
});
