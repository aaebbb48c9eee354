/**
 * Placeholder for the popup's Highlights tab: the saved-highlights view is built in its own
 * issue and replaces this file. Props stay `{}` so that swap touches nothing else.
 */
export function HighlightsView(_props: Record<string, never>) {
  return (
    <section class="bs-panel-empty" aria-label="Highlights">
      <p>Saved highlights are not available yet.</p>
    </section>
  );
}
