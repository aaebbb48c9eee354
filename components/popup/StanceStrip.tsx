/**
 * The stance strip: each document's account of the entity as a mark from negative to positive,
 * coloured and labelled by its perspective. Choosing a mark (click, or the arrow keys: one tab
 * stop, the arrows move along the strip) shows its quote. The same accounts as a table, for
 * screen readers and anyone who prefers one. Corpus text is rendered as text.
 */
import { useState } from 'preact/hooks';
import { stripPosition, type StripMark } from '../../lib/stance-strip';
import type { ReaderHref } from '../shared/Citation';
import './stance-strip.css';

const CLASS_WORDS = { negative: 'negative', neutral: 'neutral', positive: 'positive' } as const;
/** Colours the strip has; perspectives beyond these share them (the label still tells them apart). */
const COLOUR_SLOTS = 8;

const markLabel = (m: StripMark) => `${m.outlet}, ${m.perspective.label}: ${CLASS_WORDS[m.stanceClass]} (${signed(m.stance)})`;
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;
const colourOf = (m: StripMark) => (m.slot < 0 ? 'none' : String(m.slot % COLOUR_SLOTS));

export function StanceStrip({ marks, entityName, readerHref }: { marks: StripMark[]; entityName: string; readerHref: ReaderHref }) {
  const [chosen, setChosen] = useState(0);
  if (marks.length === 0) return null;
  const index = Math.min(chosen, marks.length - 1);
  const current = marks[index]!;
  const buttons: (HTMLButtonElement | null)[] = [];
  const choose = (i: number) => {
    const next = Math.max(0, Math.min(marks.length - 1, i));
    setChosen(next);
    buttons[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowLeft: index - 1, ArrowDown: index - 1, ArrowRight: index + 1, ArrowUp: index + 1, Home: 0, End: marks.length - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    choose(to);
  };
  // Marks at the same place stack upwards instead of hiding each other.
  const rows = stackRows(marks);
  const perspectives = [...new Map(marks.map((m) => [m.perspective.id, m])).values()];

  return (
    <section class="bs-strip" aria-labelledby="bs-strip-title">
      <h2 id="bs-strip-title">Where each account stands</h2>
      <p class="bs-muted bs-strip-note">Stance toward {entityName}, read automatically from each document, not reviewed.</p>
      <div class="bs-strip-track" role="toolbar" aria-label={`Accounts of ${entityName}, from negative to positive`} aria-orientation="horizontal" onKeyDown={onKeyDown} style={{ height: `${28 + 14 * Math.max(...rows)}px` }}>
        <span class="bs-strip-axis" aria-hidden="true" />
        {marks.map((m, i) => (
          <button
            key={m.doc}
            ref={(el) => {
              buttons[i] = el;
            }}
            type="button"
            class="bs-strip-mark"
            data-doc={m.doc}
            data-colour={colourOf(m)}
            data-stance={m.stanceClass}
            aria-label={markLabel(m)}
            aria-pressed={i === index ? 'true' : 'false'}
            tabIndex={i === index ? 0 : -1}
            title={markLabel(m)}
            style={{ left: `${stripPosition(m.stance)}%`, bottom: `${4 + 14 * rows[i]!}px` }}
            onClick={() => choose(i)}
          />
        ))}
      </div>
      <p class="bs-strip-ends bs-muted" aria-hidden="true">
        <span>Negative</span>
        <span>Neutral</span>
        <span>Positive</span>
      </p>
      <ul class="bs-strip-legend" aria-label="Perspectives">
        {perspectives.map((m) => (
          <li key={m.perspective.id}>
            <span class="bs-strip-swatch" data-colour={colourOf(m)} aria-hidden="true" /> {m.perspective.label}
          </li>
        ))}
      </ul>
      <figure class="bs-strip-chosen" aria-live="polite">
        <figcaption>
          <strong>{current.outlet}</strong> <span class="bs-muted">{current.perspective.label}</span> · {CLASS_WORDS[current.stanceClass]} account
        </figcaption>
        {current.characterisation && <p class="bs-strip-characterisation">“{current.characterisation}”</p>}
        <blockquote class="bs-account-quote">{current.quote}</blockquote>
        <a href={readerHref({ doc: current.doc, passage: current.passage })} target="_blank" rel="noopener noreferrer">
          Read in context<span class="bs-visually-hidden">: {current.title}</span>
        </a>
      </figure>
      <details class="bs-strip-table">
        <summary>The accounts as a table</summary>
        <table>
          <caption class="bs-visually-hidden">Stance of each document toward {entityName}, most negative first</caption>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Perspective</th>
              <th scope="col">Stance</th>
              <th scope="col">Quote</th>
            </tr>
          </thead>
          <tbody>
            {marks.map((m) => (
              <tr key={m.doc}>
                <th scope="row">{m.outlet}</th>
                <td>{m.perspective.label}</td>
                <td>
                  {CLASS_WORDS[m.stanceClass]} ({signed(m.stance)})
                </td>
                <td>{m.quote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** Per mark, how many marks before it sit within a mark's width of it (its row, from the axis up). */
function stackRows(marks: readonly StripMark[]): number[] {
  const rows: number[] = [];
  marks.forEach((m, i) => {
    const taken = new Set(marks.slice(0, i).flatMap((o, j) => (Math.abs(stripPosition(o.stance) - stripPosition(m.stance)) < 4 ? [rows[j]!] : [])));
    let row = 0;
    while (taken.has(row)) row++;
    rows.push(row);
  });
  return rows;
}
