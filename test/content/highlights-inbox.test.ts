/** The content script's inbox for the highlight messages. */
import { describe, expect, it } from 'vitest';
import { parseToContent } from '../../entrypoints/content/inbox';

describe('parseToContent: highlights', () => {
  it('accepts save-selection, reveal and refresh in their envelope', () => {
    expect(parseToContent({ backstory: 1, name: 'highlights/save-selection', data: {} })).toEqual({ name: 'highlights/save-selection', data: {} });
    expect(parseToContent({ backstory: 1, name: 'highlights/refresh', data: {} })).toEqual({ name: 'highlights/refresh', data: {} });
    expect(parseToContent({ backstory: 1, name: 'highlights/reveal', data: { id: 'h1' } })).toEqual({ name: 'highlights/reveal', data: { id: 'h1' } });
  });

  it('rejects a reveal without a usable id', () => {
    for (const data of [{}, { id: '' }, { id: 3 }, { id: 'x'.repeat(129) }]) {
      expect(parseToContent({ backstory: 1, name: 'highlights/reveal', data }), JSON.stringify(data)).toBeNull();
    }
  });
});
