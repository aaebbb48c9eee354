// The message contract's machinery (lib/messaging.ts) over the real tables (lib/messages.ts):
// what the type system demands of handlers and senders, and what the parser lets through.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { contentToBackground, toContent, type ContentToBackground, type Response } from '../../lib/messages';
import { answerMessage, messageName, parseMessage, type Handlers } from '../../lib/messaging';

describe('handlers', () => {
  it('are one per declared message, typed by its schemas (checked by tsc)', () => {
    // @ts-expect-error: a message of the table has no handler
    const missing: Handlers<typeof toContent> = { 'page/mentions': () => [] };
    void missing;
    const wrongReply: Partial<Handlers<typeof toContent>> = {
      // @ts-expect-error: the reply is not what page/site's reply schema declares
      'page/site': () => ({ host: 42 }),
    };
    void wrongReply;
    expectTypeOf<Parameters<Handlers<typeof toContent>['page/reveal']>[0]>().toEqualTypeOf<{ entity: string; index: number }>();
    expectTypeOf<Response<ContentToBackground, 'suppress/add'>>().toEqualTypeOf<{ ok: true }>();
  });

  it('answer only what parses, and call nothing for the rest', async () => {
    const seen: unknown[] = [];
    const handlers = Object.fromEntries(
      Object.keys(toContent).map((name) => [name, (data: unknown) => (seen.push([name, data]), { ok: true })]),
    ) as unknown as Handlers<typeof toContent>;
    await expect(answerMessage(toContent, handlers, { backstory: 1, name: 'highlights/reveal', data: { id: 'h1' } })).resolves.toEqual({ ok: true });
    expect(answerMessage(toContent, handlers, { backstory: 1, name: 'highlights/reveal', data: { id: 7 } })).toBeUndefined();
    expect(seen).toEqual([['highlights/reveal', { id: 'h1' }]]);
  });
});

describe('message names', () => {
  it('are the table’s own: nothing inherited is a message', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(messageName(contentToBackground, { backstory: 1, name, data: {} })).toBeUndefined();
      expect(parseMessage(contentToBackground, { backstory: 1, name, data: {} })).toBeUndefined();
    }
    expect(messageName(contentToBackground, { backstory: 1, name: 'ui/load', data: {} })).toBe('ui/load');
  });
});
