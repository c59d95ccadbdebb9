import { css } from 'lit';
import { themed } from '../shared/shared.js';

export const styles = css`
  :host {
    display: block;
    position: relative;
    height: var(--pb-map-height, 480px);
    min-height: 200px;
    font-family: var(--pb-map-font, inherit);
    color: var(--_text);
    contain: layout paint;
  }
  :host(:fullscreen) {
    height: 100vh;
    width: 100vw;
  }
  :host([hidden]) {
    display: none;
  }
  .base,
  .map {
    position: absolute;
    inset: 0;
  }
  .map {
    background: var(--_map-background);
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
  /*
   * The focus ring, the same on every theme: 3px of --_focus, 2px out. The default focus colour
   * stands at 3:1 or more against the surface of both themes and against the basemap's land and
   * water, where the markers are.
   */
  .marker:focus-visible,
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible,
  .maplibregl-ctrl-group button:focus:focus-visible,
  .maplibregl-ctrl-attrib-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .maplibregl-ctrl-group button:focus:focus-visible,
  .maplibregl-ctrl-attrib-button:focus-visible {
    box-shadow: none; /* MapLibre's own glow, #0096ff, is under 3:1 on white */
  }
  .maplibregl-canvas:focus-visible {
    /* Inside the canvas: the map's frame clips what is outside. */
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .status {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 1rem;
    text-align: center;
    pointer-events: none;
  }
  .status > div {
    pointer-events: auto;
    max-width: 32rem;
    background: var(--_surface);
    border-radius: var(--pb-map-radius, 6px);
    padding: 0.75rem 1rem;
    box-shadow: 0 1px 6px rgb(0 0 0 / 0.25);
  }
  .status.error > div {
    border-left: 4px solid var(--_error);
  }
  .status p {
    margin: 0 0 0.5rem;
  }
  .status p:last-child {
    margin-bottom: 0;
  }
  button.action {
    font: inherit;
    background: var(--_accent);
    color: var(--_accent-text);
    border: 0;
    border-radius: 4px;
    padding: 0.4rem 0.9rem;
    cursor: pointer;
  }
  .note {
    position: absolute;
    left: 8px;
    bottom: 8px;
    max-width: min(28rem, calc(100% - 16px));
    max-height: 40%;
    overflow: auto;
    font-size: 12px;
    background: var(--_surface);
    border-radius: var(--pb-map-radius, 6px);
    padding: 0.25rem 0.5rem;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }
  .note summary {
    cursor: pointer;
  }
  .note ul {
    margin: 0.25rem 0;
    padding-left: 1.2rem;
  }
  .note code {
    font-size: 11px;
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
  .legend {
    position: absolute;
    left: 8px;
    top: 8px;
    max-width: min(20rem, calc(100% - 70px));
    font-size: 12px;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--pb-map-radius, 6px);
    padding: 0.25rem 0.5rem;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }
  .legend summary {
    cursor: pointer;
  }
  .legend p {
    margin: 0.35rem 0;
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .legend .key {
    flex: none;
    border-radius: 50%;
    box-sizing: border-box;
    border: 2px solid var(--_surface);
  }
  .legend .key.cluster {
    width: 22px;
    height: 22px;
    background: var(--_cluster);
    box-shadow: 0 0 0 1px var(--_cluster);
  }
  .legend .key.programme {
    width: 14px;
    height: 14px;
    margin: 4px;
    background: var(--_programme);
    box-shadow: 0 0 0 1px var(--_programme);
  }
  .card .description {
    white-space: pre-line;
  }
  @media (prefers-reduced-motion: reduce) {
    .marker {
      transition: none;
    }
  }
  /*
   * Forced colours (Windows contrast themes): the basemap is a canvas that keeps its own colours,
   * so markers draw a ring and a halo of opposite system colours and stand out on any of them.
   * Clusters are hollow with their count, programmes solid.
   */
  @media (forced-colors: active) {
    .marker.cluster,
    .legend .key.cluster {
      forced-color-adjust: none;
      border: 2px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      box-shadow: 0 0 0 2px Canvas;
    }
    .marker.programme,
    .legend .key.programme {
      forced-color-adjust: none;
      border: 2px solid Canvas;
      background: CanvasText;
      box-shadow: 0 0 0 2px CanvasText;
    }
    .marker:focus-visible,
    button:focus-visible,
    a:focus-visible,
    summary:focus-visible,
    .card h2:focus-visible,
    .maplibregl-canvas:focus-visible,
    .maplibregl-ctrl-group button:focus:focus-visible,
    .maplibregl-ctrl-attrib-button:focus-visible {
      outline-color: Highlight;
    }
    /* Shadows are dropped in forced colours: a border keeps the boxes apart from the map. */
    .status > div,
    .note,
    .card,
    .legend {
      border: 1px solid CanvasText;
    }
  }
`;

/** The shared light and dark palettes, with this element's own tokens (see shared.ts). */
export const tokens = themed(
  css`
    --_border: #dddddd;
    --_error: #ce0500;
    /* Behind the basemap: its water colour (src/map/basemap.ts), so that nothing flashes. */
    --_map-background: #dfe9f2;
  `,
  css`
    --_border: #3a3a3a;
    --_error: #ff5655;
  `,
);
