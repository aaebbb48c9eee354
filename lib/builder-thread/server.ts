/**
 * The builder's side of the thread: answers the background's calls with the one CorpusBuilder,
 * asks the background for the source registry and the reader's reviews, reports its changes and
 * imports' progress, and says when it has nothing left to do (the background may then close the
 * thread). On start it goes on with an import a stopped thread left in the journal.
 */
import type { CorpusBuilder } from '../storage/corpus-builder';
import { createPeer, type Peer } from './peer';
import type { ThreadPort } from './port';
import { BUILDER_METHODS, type BuilderEvents, type HostAsks } from './protocol';
import type { Labels } from '../kb/labels';

export function serveBuilder(port: ThreadPort, make: (host: HostAsks & BuilderEvents) => CorpusBuilder): { builder: CorpusBuilder; peer: Peer } {
  let inFlight = 0;
  let idleCheck = 0;
  const answers: Record<string, (...args: never[]) => unknown> = {};
  const afterWork = () => {
    const check = ++idleCheck;
    void builder
      .settled()
      .then(() => {
        if (check === idleCheck && inFlight === 0) peer.emit('idle', null);
      })
      .catch(() => undefined);
  };
  for (const method of BUILDER_METHODS) {
    answers[method] = async (...args: never[]) => {
      inFlight++;
      idleCheck++;
      try {
        return await (builder[method] as (...a: never[]) => Promise<unknown>).apply(builder, args);
      } finally {
        inFlight--;
        afterWork();
      }
    };
  }
  const peer = createPeer(port, { answers });
  const builder = make({
    labels: () => peer.call('labels', []) as Promise<Labels>,
    importedReviews: (decisions) => peer.call('importedReviews', [decisions]),
    onChange: (change) => peer.emit('change', change),
    onImportProgress: (status) => peer.emit('progress', status),
  });
  // An import a stopped thread left half built goes on (the journal says where).
  void builder
    .ready()
    .then(() => builder.kick())
    .then(afterWork, (error: unknown) => console.warn('[backstory] the knowledge base could not be opened', error));
  return { builder, peer };
}
