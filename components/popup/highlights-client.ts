/**
 * The popup's typed line to the background for highlights: the `highlights/*` messages of
 * `pageToBackground` (lib/messages.ts). An interface, so the view can be tested with an
 * in-memory background.
 */
import type { MessageName, PageToBackground, Request, Response } from '../../lib/messages';

export type HighlightsClient = <K extends Extract<MessageName<PageToBackground>, `highlights/${string}`>>(
  name: K,
  data: Request<PageToBackground, K>,
) => Promise<Response<PageToBackground, K>>;
