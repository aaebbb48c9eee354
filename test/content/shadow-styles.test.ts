// @vitest-environment happy-dom
/** Marks in a web component's shadow tree get the mention rules adopted there. */
import { describe, expect, it } from 'vitest';
import { styleTreeOf } from '../../entrypoints/content/shadow-styles';

describe('styleTreeOf', () => {
  it("appends the mention rules once to a shadow root, after the component's own sheets", () => {
    const host = document.body.appendChild(document.createElement('article-body'));
    const root = host.attachShadow({ mode: 'open' });
    const own = new CSSStyleSheet();
    own.replaceSync('p { color: red; }');
    root.adoptedStyleSheets = [own];
    const text = root.appendChild(document.createElement('p')).appendChild(document.createTextNode('Kadhimi'));

    styleTreeOf(text);
    styleTreeOf(text);

    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(root.adoptedStyleSheets[0]).toBe(own);
    // Vitest loads CSS as empty text, so the rules themselves are checked in the browser
    // (test/e2e/shadow.e2e.ts); here, that a second component shares the one sheet.
    const other = document.body.appendChild(document.createElement('pull-quote')).attachShadow({ mode: 'open' });
    styleTreeOf(other.appendChild(document.createTextNode('Pompeo')));
    expect(other.adoptedStyleSheets).toEqual([root.adoptedStyleSheets[1]]);
  });

  it('leaves the page itself alone (the manifest injects its CSS)', () => {
    const text = document.body.appendChild(document.createTextNode('Soleimani'));
    styleTreeOf(text);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
