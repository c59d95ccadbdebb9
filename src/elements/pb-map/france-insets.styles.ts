import { css } from 'lit';

/**
 * The overseas insets of `view="france"` (france-insets.ts): a column of small boxes along the
 * map's lower-left edge. Adopted into the map's shadow root when the insets are first shown, so
 * that pages without them pay nothing. Markers inside take the map's own `.marker` styles (and
 * its forced-colours rules); only their size and placement differ here.
 */
export const insetStyles = css`
  :host {
    /* The offline basemap's colours (src/map/basemap.ts), light and dark. */
    --_inset-water: #dfe9f2;
    --_inset-land: #f7f5f0;
    --_inset-neighbour: #e9e5dc;
    --_inset-border: #b9b4a8;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_inset-water: #0e1620;
      --_inset-land: #1b1f24;
      --_inset-neighbour: #14181d;
      --_inset-border: #4b5563;
    }
  }
  :host([theme='dark']) {
    --_inset-water: #0e1620;
    --_inset-land: #1b1f24;
    --_inset-neighbour: #14181d;
    --_inset-border: #4b5563;
  }
  .insets {
    position: absolute;
    left: 8px;
    top: 48px; /* below the legend's summary */
    bottom: 8px;
    width: 84px;
    container-type: size;
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    gap: 4px;
    pointer-events: none;
  }
  .insets[hidden] {
    display: none;
  }
  /* The note on left-out entries sits at the bottom-left corner too: stand above it. */
  .insets:has(~ .note) {
    bottom: 40px;
  }
  .inset {
    /* Five insets and their names in the column's height, 84px each at most. */
    --_size: min(84px, calc((100cqh - 16px) / 5 - 15px));
    flex: none;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    width: var(--_size);
    pointer-events: auto;
  }
  .inset .name {
    max-width: 100%;
    overflow: hidden;
    box-sizing: border-box;
    padding: 0 4px;
    border-radius: 2px;
    background: var(--_surface);
    color: var(--_text);
    font:
      600 10px/13px system-ui,
      sans-serif;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .inset .frame {
    position: relative;
    box-sizing: border-box;
    width: var(--_size);
    height: var(--_size);
    border: 1px solid var(--_inset-border);
    border-radius: 4px;
    background: var(--_inset-water);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
  }
  .inset svg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    border-radius: 3px;
  }
  .inset path {
    stroke: var(--_inset-border);
    stroke-width: 0.8px;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }
  .inset .land {
    fill: var(--_inset-land);
  }
  .inset .neighbour {
    fill: var(--_inset-neighbour);
  }
  .inset .marker {
    left: var(--_x);
    top: var(--_y);
    transform: translate(-50%, -50%);
    z-index: 1;
  }
  .inset .marker.cluster {
    font-size: 11px;
  }
  @media (forced-colors: active) {
    .inset .frame {
      border-color: CanvasText;
      background: Canvas;
    }
    .inset svg {
      forced-color-adjust: none;
    }
    .inset path {
      stroke: CanvasText;
    }
    .inset .land {
      fill: Canvas;
    }
    .inset .neighbour {
      fill: GrayText;
    }
    .inset .name {
      border: 1px solid CanvasText;
    }
  }
`;
