import { css } from 'lit';

/**
 * The styles of what `<pb-map>` draws over its map (markers) and of its card: not part of the
 * first load, adopted into the shadow root when the map is about to be shown (or a card opens).
 */
export const viewStyles = css`
  /*
   * The loading, empty and error boxes clear of the map's buttons (29px, 10px from the right
   * edge) and of its attribution line at the bottom, on a narrow map too; the box scrolls when
   * the map is too short for it. Here, with the markers: the buttons come with them.
   */
  .status {
    padding: 8px 48px 28px 8px;
  }
  .status > div {
    box-sizing: border-box;
    max-height: 100%;
    overflow: auto;
  }
  .status .detail {
    overflow-wrap: anywhere;
    font-size: 0.875em;
  }
  /* Why a feed with no usable entry was refused, in the error's box, below its detail. */
  .status .note {
    position: static;
    max-width: none;
    max-height: 10em;
    margin: 0 0 0.5rem;
    box-shadow: none;
    text-align: start;
  }
  .markers {
    position: absolute;
    inset: 0;
    pointer-events: none;
    overflow: hidden;
  }
  .marker {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: auto;
    display: grid;
    place-items: center;
    box-sizing: border-box;
    margin: 0;
    padding: 0;
    border-radius: 50%;
    font:
      600 12px/1 system-ui,
      sans-serif;
    cursor: pointer;
    will-change: transform;
  }
  .marker.cluster {
    background: var(--_cluster);
    color: var(--_cluster-text);
    border: 2px solid var(--_surface);
    box-shadow: 0 0 0 1px var(--_cluster);
  }
  .marker.cluster {
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    gap: 1px;
  }
  .marker .sum {
    font-size: 9.5px;
    font-weight: 500;
    white-space: nowrap;
  }
  .marker.programme {
    width: 16px;
    height: 16px;
    background: var(--_programme);
    border: 2px solid var(--_surface);
    box-shadow: 0 0 0 1px var(--_programme);
  }
  .card {
    position: absolute;
    top: 8px;
    left: 8px;
    width: min(22rem, calc(100% - 16px));
    max-height: calc(100% - 16px);
    overflow: auto;
    box-sizing: border-box;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--pb-map-radius, 6px);
    box-shadow: 0 2px 12px rgb(0 0 0 / 0.3);
    padding: 0.75rem 1rem 1rem;
    font-size: 14px;
  }
  .card h2 {
    font-size: 1.1rem;
    margin: 0 2rem 0.25rem 0;
    overflow-wrap: anywhere;
  }
  .card h2:focus {
    outline: none;
  }
  .card h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .card .close {
    position: absolute;
    top: 0.4rem;
    right: 0.4rem;
    width: 2rem;
    height: 2rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font-size: 1.3rem;
    line-height: 1;
    cursor: pointer;
  }
  .card dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.2rem 0.75rem;
    margin: 0.5rem 0;
  }
  .card dt {
    color: var(--_muted);
  }
  .card dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .card table {
    border-collapse: collapse;
    width: 100%;
    margin: 0.5rem 0;
  }
  .card caption {
    text-align: left;
    color: var(--_muted);
    padding-bottom: 0.2rem;
  }
  .card th,
  .card td {
    text-align: left;
    padding: 0.15rem 0.5rem 0.15rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .card td.amount,
  .card th.amount {
    text-align: right;
  }
  .card ul.stack {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
  }
  .card ul.stack button {
    font: inherit;
    overflow-wrap: anywhere;
    text-align: left;
    width: 100%;
    background: none;
    border: 0;
    border-bottom: 1px solid var(--_border);
    padding: 0.4rem 0;
    color: var(--_accent);
    cursor: pointer;
    text-decoration: underline;
  }
  .card a {
    color: var(--_accent);
  }
  .card tr.outside {
    color: var(--_muted);
  }
  .card .description {
    white-space: pre-line;
    overflow-wrap: anywhere; /* a long word or address must not widen the card */
  }
  .pb-map-image svg {
    display: block;
    width: 20px;
    height: 20px;
    margin: auto;
    fill: none;
    stroke: #333333;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .pb-map-image[aria-busy='true'] {
    cursor: progress;
  }
  /* MapLibre's buttons and attribution on the element's surface, dark theme included. */
  .maplibregl-ctrl-group {
    background: var(--_surface);
  }
  .maplibregl-ctrl-group button + button {
    border-top-color: var(--_border);
  }
  .maplibregl-ctrl-icon {
    filter: var(--_icon, none);
  }
  .maplibregl-ctrl.maplibregl-ctrl-attrib {
    background-color: color-mix(in srgb, var(--_surface) 75%, transparent);
  }
  .maplibregl-ctrl-attrib a {
    color: var(--_text);
  }
  @media (prefers-reduced-motion: reduce) {
    .marker {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .marker.cluster {
      forced-color-adjust: none;
      border: 2px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      box-shadow: 0 0 0 2px Canvas;
    }
    .marker.programme {
      forced-color-adjust: none;
      border: 2px solid Canvas;
      background: CanvasText;
      box-shadow: 0 0 0 2px CanvasText;
    }
    .card {
      border: 1px solid CanvasText;
    }
    .pb-map-image svg {
      stroke: ButtonText;
    }
  }
`;
