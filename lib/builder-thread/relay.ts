/**
 * Chrome's service worker cannot create a Worker, so there the builder's thread is created by an
 * offscreen document, and the thread's messages travel between the service worker and that
 * document as runtime messages in Backstory's envelope. These are their names and envelopes.
 */
import * as v from 'valibot';

/** The service worker → the offscreen document, posted on to the builder's thread. */
export const TO_THREAD = 'builder/to-thread';
/** The offscreen document → the service worker: what the builder's thread posted. */
export const FROM_THREAD = 'builder/from-thread';

/**
 * The port the offscreen document opens to the service worker (`runtime.connect`): what goes
 * through it reaches that one context, where a runtime message reaches every open extension
 * page. The runtime messages above are the way back when no port is open (the service worker was
 * stopped since): the next one opens it again.
 */
export const THREAD_PORT = 'builder-thread';

/** The offscreen document's page. */
export const OFFSCREEN_PAGE = '/offscreen.html';
/** The builder's Worker script (entrypoints/builder-worker). */
export const BUILDER_WORKER_SCRIPT = '/builder-worker.js';

const relaySchema = (name: string) => v.strictObject({ backstory: v.literal(1), name: v.literal(name), data: v.unknown() });
const toThread = relaySchema(TO_THREAD);
const fromThread = relaySchema(FROM_THREAD);

export function relayEnvelope(name: typeof TO_THREAD | typeof FROM_THREAD, data: unknown) {
  return { backstory: 1 as const, name, data };
}

/** The relayed thread message, when `raw` is a relay envelope of `name`. */
export function relayed(name: typeof TO_THREAD | typeof FROM_THREAD, raw: unknown): { data: unknown } | undefined {
  const parsed = v.safeParse(name === TO_THREAD ? toThread : fromThread, raw);
  return parsed.success ? { data: parsed.output.data } : undefined;
}
