/**
 * Calls and events over a ThreadPort, the same on both sides. A call is answered once by its
 * reply, matched by an id that is unique across restarts (a reply meant for a service worker that
 * was stopped must not answer the next one's call); an error crosses as its name and message.
 */
import * as v from 'valibot';
import type { ThreadPort } from './port';
import { eventSchemas, threadMessageSchema, type ThreadMessage } from './protocol';

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = v.InferOutput<(typeof eventSchemas)[N]>;

export interface PeerOptions {
  /** The methods the other side may call, by name. */
  answers: Record<string, (...args: never[]) => unknown>;
  /**
   * An event the other side sent, its data checked. A reply that arrives after it is handed over
   * once what this returned has settled: told before answered, as the other side sent them.
   */
  onEvent?<N extends EventName>(name: N, data: EventData<N>): unknown;
}

export interface Peer {
  call(method: string, args: readonly unknown[]): Promise<unknown>;
  emit<N extends EventName>(name: N, data: EventData<N>): void;
  /** Calls not answered yet. */
  readonly pending: number;
  /** Every call not answered yet fails with `reason` (the other side stopped). */
  fail(reason: string): void;
  close(): void;
}

/** An error as the other side threw it. */
export class ThreadError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export function createPeer(port: ThreadPort, options: PeerOptions): Peer {
  const prefix = Math.random().toString(36).slice(2, 10);
  let next = 0;
  const waiting = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  let eventsHandled: Promise<unknown> = Promise.resolve();
  const send = (message: ThreadMessage) => port.post(message);

  const answer = async (id: string, method: string, args: unknown[]) => {
    const handler = Object.hasOwn(options.answers, method) ? options.answers[method] : undefined;
    try {
      if (!handler) throw new Error(`no such method: ${method.slice(0, 40)}`);
      const value = await (handler as (...a: unknown[]) => unknown)(...args);
      send({ kind: 'reply', id, ok: true, value });
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      send({ kind: 'reply', id, ok: false, error: { name, message: message.slice(0, 2000) } });
    }
  };

  const stop = port.listen((raw) => {
    const parsed = v.safeParse(threadMessageSchema, raw);
    if (!parsed.success) {
      console.warn('[backstory] malformed message between the background and the builder');
      return;
    }
    const message = parsed.output;
    if (message.kind === 'call') {
      const args = [...message.args];
      for (const i of message.undefinedArgs ?? []) if (i < args.length) args[i] = undefined;
      void answer(message.id, message.method, args);
    }
    else if (message.kind === 'reply') {
      const call = waiting.get(message.id);
      // A reply to another life's call (a stopped service worker's): nobody waits for it.
      if (!call) return;
      waiting.delete(message.id);
      void eventsHandled.then(() => {
        if (message.ok) call.resolve(message.value);
        else call.reject(new ThreadError(message.error.name, message.error.message));
      });
    } else {
      const data = v.safeParse(eventSchemas[message.name], message.data);
      if (!data.success) console.warn(`[backstory] malformed ${message.name} event from the builder`);
      else {
        const handled = Promise.resolve()
          .then(() => options.onEvent?.(message.name, data.output as never))
          .catch(() => undefined);
        eventsHandled = Promise.all([eventsHandled, handled]);
      }
    }
  });

  return {
    call(method, args) {
      const id = `${prefix}-${++next}`;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        try {
          const undefinedArgs = args.flatMap((arg, i) => (arg === undefined ? [i] : []));
          send({ kind: 'call', id, method, args: [...args], ...(undefinedArgs.length ? { undefinedArgs } : {}) });
        } catch (error) {
          waiting.delete(id);
          reject(error as Error);
        }
      });
    },
    emit(name, data) {
      send({ kind: 'event', name, data });
    },
    get pending() {
      return waiting.size;
    },
    fail(reason) {
      const calls = [...waiting.values()];
      waiting.clear();
      for (const call of calls) call.reject(new ThreadError('BuilderStopped', reason));
    },
    close() {
      stop();
      this.fail('the builder was closed');
    },
  };
}
