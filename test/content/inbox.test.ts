import { describe, expect, it } from 'vitest';
import { parseToContent } from '../../entrypoints/content/inbox';

describe('parseToContent', () => {
  it('accepts each ToContent message in its envelope', () => {
    expect(parseToContent({ backstory: 1, name: 'page/mentions', data: {} })).toEqual({ name: 'page/mentions', data: {} });
    expect(parseToContent({ backstory: 1, name: 'page/reveal', data: { entity: 'pmu', index: 2 } })).toEqual({
      name: 'page/reveal',
      data: { entity: 'pmu', index: 2 },
    });
    expect(
      parseToContent({ backstory: 1, name: 'settings/changed', data: { settings: { enabled: false, suppressed: ['hale'] } } }),
    ).toEqual({ name: 'settings/changed', data: { settings: { enabled: false, suppressed: ['hale'] } } });
    expect(parseToContent({ backstory: 1, name: 'card/open-at-caret', data: {} })?.name).toBe('card/open-at-caret');
  });

  it('rejects anything malformed or unknown', () => {
    const bad: unknown[] = [
      null,
      'page/mentions',
      { name: 'page/mentions', data: {} },
      { backstory: 2, name: 'page/mentions', data: {} },
      { backstory: 1, name: 'matcher/get', data: { url: 'https://x' } },
      { backstory: 1, name: 'page/reveal', data: { entity: 'pmu', index: -1 } },
      { backstory: 1, name: 'page/reveal', data: { entity: 'pmu', index: 1.5 } },
      { backstory: 1, name: 'page/reveal', data: { entity: 3, index: 0 } },
      { backstory: 1, name: 'settings/changed', data: { settings: { enabled: 'yes', suppressed: [] } } },
      { backstory: 1, name: 'settings/changed', data: { settings: { enabled: true, suppressed: [1] } } },
      { backstory: 1, name: 'settings/changed', data: {} },
    ];
    for (const message of bad) expect(parseToContent(message), JSON.stringify(message)).toBeNull();
  });
});
