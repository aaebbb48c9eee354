/**
 * The page UI's shadow hosts: each a `<backstory-ui>` element (createShadowRootUi: page CSS
 * cannot reach inside, the spotter skips it) created the first time it is asked for, with
 * Preact rendering inside. The content script decides what to show and when; this only draws.
 */
import { render, type ComponentChildren } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card, type CardProps } from '../../components/card/Card';
import accountsCss from '../../components/card/accounts.css?inline';
import cardCss from '../../components/card/card.css?inline';
import { HighlightNote } from '../../components/highlights/HighlightNote';
import { HighlightToast } from '../../components/highlights/HighlightToast';
import highlightsCss from '../../components/highlights/highlights-ui.css?inline';
import thisPageCss from '../../components/shared/this-page.css?inline';
import { OWN_UI_TAG } from '../../lib/page/dom-elements';
import type { HighlightsUiState, PageUi, PlacedMarker, UiSurface } from '../content/page-ui-contract';
import { MARKER_CSS } from './marker-css';

interface HostOptions {
  position: 'overlay' | 'inline';
  anchor: () => Element | null;
  css: string;
  isolateEvents: boolean;
}

/** Mount one shadow host and return a surface rendering `view(state)` into it. */
async function surface<S>(
  ctx: ContentScriptContext,
  options: HostOptions,
  view: (state: S) => ComponentChildren,
): Promise<UiSurface<S>> {
  let container: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: OWN_UI_TAG,
    position: options.position,
    anchor: options.anchor,
    append: 'last',
    mode: 'open',
    isolateEvents: options.isolateEvents,
    css: options.css,
    onMount: (root) => {
      container = root;
      return root;
    },
    onRemove: (root) => {
      if (root) render(null, root);
      container = null;
    },
  });
  ui.mount();
  return {
    get container() {
      return container;
    },
    render(state) {
      if (container) render(state === null ? null : view(state), container);
    },
  };
}

function CitedMarkerButtons({ markers }: { markers: PlacedMarker[] }) {
  return (
    <>
      {markers.map((marker) => (
        <button
          type="button"
          key={`${marker.para}:${marker.entity.id}`}
          class="bs-cited-marker"
          data-para={marker.para}
          data-entity={marker.entity.id}
          aria-label={`Other accounts of ${marker.entity.name}`}
          title={`Other documents on ${marker.entity.name}`}
          style={{ top: `${marker.top}px`, left: `${marker.left}px` }}
          onClick={(e) => {
            const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
            marker.onOpen({ top: box.top, left: box.left, width: box.width, height: box.height });
          }}
        >
          ⇄
        </button>
      ))}
    </>
  );
}

export const pageUi: PageUi = {
  card: (ctx) =>
    surface<CardProps>(
      ctx,
      {
        position: 'overlay',
        // The root element, not <body>: a transform on the body would become the containing
        // block of the card's `position: fixed` and move it off its mention.
        anchor: () => document.documentElement,
        css: `${cardCss}\n${accountsCss}\n${thisPageCss}`,
        isolateEvents: true,
      },
      (props) => <Card {...props} />,
    ),
  highlights: (ctx) =>
    surface<HighlightsUiState>(
      ctx,
      { position: 'overlay', anchor: () => document.body, css: highlightsCss, isolateEvents: true },
      ({ toast, toastKey, note }) => (
        <>
          {toast && <HighlightToast key={toastKey} {...toast} />}
          {note && <HighlightNote {...note} />}
        </>
      ),
    ),
  markers: (ctx) =>
    surface<PlacedMarker[]>(
      ctx,
      { position: 'inline', anchor: () => document.body, css: MARKER_CSS, isolateEvents: false },
      (markers) => <CitedMarkerButtons markers={markers} />,
    ),
};
