import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preactNoHtmlSink } from '../../scripts/build/preact-no-html-sink';

const PREACT = join(process.cwd(), 'node_modules', 'preact', 'dist', 'preact.mjs');

/** Runs the plugin's transform as Vite would, with `this.error` throwing. */
function transform(code: string, id: string): { code: string } | null {
  const hook = preactNoHtmlSink().transform as (this: unknown, code: string, id: string) => { code: string } | null;
  return hook.call({ error: (message: string) => { throw new Error(message); } }, code, id);
}

describe('preact-no-html-sink (web-ext lint: no innerHTML assignment)', () => {
  it('removes the one innerHTML assignment from the installed Preact', () => {
    const source = readFileSync(PREACT, 'utf8');
    expect(source).toMatch(/\.innerHTML=\w+\.__html/);
    const out = transform(source, PREACT)!;
    expect(out.code).not.toMatch(/\.innerHTML\s*=[^=]/);
    expect(out.code).toContain('Backstory never renders HTML');
  });

  it('leaves every other module alone', () => {
    expect(transform('el.innerHTML=x.__html', '/p/node_modules/other/dist/index.mjs')).toBeNull();
  });

  it('stops the build when Preact no longer looks as expected', () => {
    expect(() => transform('export const h = 1;', PREACT)).toThrow(/found 0/);
  });
});
