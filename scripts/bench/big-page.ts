/**
 * A generated news-site page for the browser benchmarks and hostile-page tests: about `chars`
 * characters of text in paragraphs, with names inside links and spans (tens of thousands of
 * text nodes), as a long live-blog or an archive page would have.
 */
import { seededRandom } from './timing';

const FILLER = (
  'the of and to in a said on that for was with by as government officials minister talks security ' +
  'forces country week statement parliament troops withdrawal agreement according president leaders ' +
  'meeting reported visit sources told cabinet economic crisis oil prices protests elections region'
).split(' ');

export function bigPageHtml(chars: number, names: readonly string[], seed = 5): string {
  const random = seededRandom(seed);
  const words = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(random() * FILLER.length)]).join(' ');
  const name = () => names[Math.floor(random() * names.length)]!;
  const parts: string[] = [];
  let text = 0;
  let i = 0;
  while (text < chars) {
    const a = words(12 + Math.floor(random() * 10));
    const b = words(10 + Math.floor(random() * 10));
    const c = words(8);
    const n1 = name();
    const n2 = name();
    parts.push(
      `<p id="p${i++}">${a} <a href="#p${i}">${n1}</a> ${b} <span class="who">${n2}</span>, ${c}.</p>`,
    );
    text += a.length + b.length + c.length + n1.length + n2.length + 6;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Archive</title></head>
<body><main><h1>Archive: Iraq and its neighbours</h1><article>${parts.join('\n')}</article></main></body></html>`;
}
