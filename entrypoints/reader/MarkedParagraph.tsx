/** One paragraph of the reader: its mentions marked and focusable, the linked passage in `<mark>`. */
import type { Run } from '../../lib/reader-mentions';
import type { ReaderCardControls } from './reader-card';

export function RunsView({ runs, card, names }: { runs: Run[]; card: ReaderCardControls; names: ReadonlyMap<string, string> }) {
  return (
    <>
      {runs.map((run, i) => {
        if (run.kind === 'text') return run.text;
        if (run.kind === 'passage') {
          return (
            <mark key={i} class="bs-passage">
              <RunsView runs={run.runs} card={card} names={names} />
            </mark>
          );
        }
        return (
          // A span, not a <button>: a name must wrap across lines like the words around it.
          <span
            key={i}
            class="bs-mention"
            role="button"
            tabIndex={0}
            data-entity={run.entity}
            aria-haspopup="dialog"
            title={names.get(run.entity)}
            onPointerEnter={(e) => card.hover(run.entity, e.currentTarget)}
            onPointerLeave={() => card.leave()}
            onClick={(e) => card.openNow(run.entity, e.currentTarget)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                card.openNow(run.entity, e.currentTarget);
              }
            }}
          >
            {run.text}
          </span>
        );
      })}
    </>
  );
}
