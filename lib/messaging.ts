/**
 * How a table of messages (`lib/messages.ts`) is sent, received and answered. Browser-free:
 * callers pass the browser's send function in, so the same code runs in the background, the
 * content script, the popup and the unit tests.
 *
 * Every message travels in the envelope `{ backstory: 1, name, data }`. Every request is parsed
 * by its receiver before any handler sees it. A reply is parsed by its sender when the one who
 * answers is less trusted than the one who asked: a content script's answer to the background or
 * the popup is page-world data (`tabSender`). The background's answers are the extension's own:
 * its handlers are typed against the reply schemas, a unit test parses every handler's real
 * answer with them, and they are not parsed again on arrival (`messageSender`) — in the content
 * script that would add the reply schemas to every page's boot and a parse of the whole matcher
 * to every page load. A missing answer (the receiver refused or failed) rejects either way, so a
 * refusal is never mistaken for an answer.
 */
import * as v from 'valibot';

/** One message: what its request and its reply must look like. */
export interface MessageSpec<Request extends v.GenericSchema = v.GenericSchema, Reply extends v.GenericSchema = v.GenericSchema> {
  request: Request;
  reply: Reply;
}

/** The messages of one direction, by name. */
export type MessageTable = Record<string, MessageSpec>;

/** Pure: a bundle that does not use a table leaves its schemas out. */
/* @__NO_SIDE_EFFECTS__ */
export function message<Request extends v.GenericSchema, Reply extends v.GenericSchema>(
  request: Request,
  reply: Reply,
): MessageSpec<Request, Reply> {
  return { request, reply };
}

/** A table as request and response types: what a sender passes, and what it gets back. */
export type MessageTypes<T extends MessageTable> = {
  [K in keyof T]: { request: v.InferInput<T[K]['request']>; response: v.InferOutput<T[K]['reply']> };
};

export type MessageName<M> = keyof M & string;
export type Request<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type Response<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

/** The envelope every message travels in. */
export interface Envelope<M, K extends keyof M = keyof M> {
  backstory: 1;
  name: K;
  data: Request<M, K>;
}

/**
 * What answers a table's messages: exactly one handler per message, given the parsed request
 * (and what the receiver knows of the sender, `extra`), returning what the reply must be.
 */
export type Handlers<T extends MessageTable, Extra extends unknown[] = []> = {
  [K in keyof T]: (
    data: v.InferOutput<T[K]['request']>,
    ...extra: Extra
  ) => v.InferInput<T[K]['reply']> | Promise<v.InferInput<T[K]['reply']>>;
};

/** A message of a table after parsing: its name and its request's parsed data. */
export type ParsedMessage<T extends MessageTable> = {
  [K in keyof T & string]: { name: K; data: v.InferOutput<T[K]['request']> };
}[keyof T & string];

const envelopeSchema = v.strictObject({ backstory: v.literal(1), name: v.string(), data: v.unknown() });

/** Stop at the first problem: nobody reads why junk is junk, and a page may send a lot of it. */
const FIRST_ISSUE = { abortEarly: true } as const;

/** The message's name, when `raw` is an envelope naming one of `table`'s messages. */
export function messageName<T extends MessageTable>(table: T, raw: unknown): (keyof T & string) | undefined {
  const envelope = v.safeParse(envelopeSchema, raw, FIRST_ISSUE);
  if (!envelope.success) return undefined;
  // Own names only: "constructor" or "__proto__" name no message.
  return Object.hasOwn(table, envelope.output.name) ? envelope.output.name : undefined;
}

/** `raw` as one of `table`'s messages, or undefined when it is anything else. */
export function parseMessage<T extends MessageTable>(table: T, raw: unknown): ParsedMessage<T> | undefined {
  const name = messageName(table, raw);
  if (name === undefined) return undefined;
  const data = v.safeParse(table[name]!.request, (raw as { data: unknown }).data, FIRST_ISSUE);
  return data.success ? ({ name, data: data.output } as ParsedMessage<T>) : undefined;
}

/**
 * Answers `raw` with its handler, or returns undefined (and calls nothing) when it is not one of
 * `table`'s messages or its request is malformed.
 */
export function answerMessage<T extends MessageTable, Extra extends unknown[]>(
  table: T,
  handlers: Handlers<T, Extra>,
  raw: unknown,
  ...extra: Extra
): Promise<unknown> | undefined {
  const parsed = parseMessage(table, raw);
  if (!parsed) return undefined;
  const handler = handlers[parsed.name] as (data: unknown, ...extra: Extra) => unknown;
  return Promise.resolve().then(() => handler(parsed.data, ...extra));
}

/** The receiver refused or failed (no answer), or answered what the message's reply is not. */
export class MessageFailed extends Error {
  constructor(
    readonly messageName: string,
    readonly reason: 'no answer' | 'malformed answer',
  ) {
    super(`${messageName}: ${reason}`);
    this.name = 'MessageFailed';
  }
}

/** The reply to `name`, parsed; throws `MessageFailed` when it is not what the table declares. */
export function parseReply<T extends MessageTable, K extends keyof T & string>(
  table: T,
  name: K,
  reply: unknown,
): v.InferOutput<T[K]['reply']> {
  const parsed = v.safeParse(table[name]!.reply, reply, FIRST_ISSUE);
  if (parsed.success) return parsed.output;
  // Receivers answer nothing (undefined) to what they refuse, and when a handler fails.
  throw new MessageFailed(name, reply === undefined ? 'no answer' : 'malformed answer');
}

/**
 * A typed sender to the background over `send` (the browser's `runtime.sendMessage`), for the
 * table `T`: the answer is the background's own and is not parsed, but no answer rejects. Only
 * the table's type is needed, so its schemas stay out of the sender's bundle.
 */
export function messageSender<T extends MessageTable>(send: (envelope: unknown) => Promise<unknown>) {
  type M = MessageTypes<T>;
  return async <K extends MessageName<M> & keyof T & string>(name: K, data: Request<M, K>): Promise<Response<M, K>> => {
    const envelope: Envelope<M, K> = { backstory: 1, name, data };
    const reply = await send(envelope);
    if (reply === undefined) throw new MessageFailed(name, 'no answer');
    return reply as Response<M, K>;
  };
}

/**
 * A typed sender to the content script of one tab over `send` (the browser's
 * `tabs.sendMessage`): the answer comes from inside a web page and is parsed.
 */
export function tabSender<T extends MessageTable>(table: T, send: (tabId: number, envelope: unknown) => Promise<unknown>) {
  type M = MessageTypes<T>;
  return async <K extends MessageName<M> & keyof T & string>(tabId: number, name: K, data: Request<M, K>): Promise<Response<M, K>> => {
    const envelope: Envelope<M, K> = { backstory: 1, name, data };
    return parseReply(table, name, await send(tabId, envelope)) as Response<M, K>;
  };
}

/** The browser's `runtime.onMessage`, as much of it as a broadcast listener needs. */
export interface MessageEvents {
  addListener(listener: (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined): void;
  removeListener(listener: (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined): void;
}

/**
 * Listens for a broadcast table's messages (`toPages`: the background tells every extension
 * page at once) from our own extension (`extensionId`), each parsed before its handler runs.
 * A page handles the messages it cares about; the rest, and anything malformed, are left to
 * other listeners. Returns the way to stop listening.
 */
export function receiveBroadcasts<T extends MessageTable>(
  table: T,
  handlers: Partial<Handlers<T>>,
  events: MessageEvents,
  extensionId: string,
): () => void {
  const listener = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== extensionId) return undefined;
    const parsed = parseMessage(table, message);
    const handler = parsed && (handlers[parsed.name] as ((data: unknown) => unknown) | undefined);
    if (!parsed || !handler) return undefined;
    return Promise.resolve().then(() => handler(parsed.data));
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
