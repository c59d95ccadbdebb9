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
    display: none !important;
  }
  /*
   * The frame the map draws in, in the flow: it fills the host's content box (inside any padding
   * a page gives it), and keeps --pb-map-height even when a page's reset makes the host inline.
   */
  .base {
    position: relative;
    height: var(--pb-map-height, 100%);
    min-height: 200px;
    contain: layout paint;
  }
  :host(:fullscreen) .base {
    height: 100%;
  }
  .map {
    position: absolute;
    inset: 0;
  }
  .map {
    background: var(--_map-background);
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
  /*
   * Forced colours (Windows contrast themes): the basemap is a canvas that keeps its own colours,
   * so markers draw a ring and a halo of opposite system colours and stand out on any of them.
   * Clusters are hollow with their count, programmes solid.
   */
  @media (forced-colors: active) {
    .legend .key.cluster {
      forced-color-adjust: none;
      border: 2px solid CanvasText;
      background: Canvas;
      box-shadow: 0 0 0 2px Canvas;
    }
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
    /* The dark basemap's water (src/map/basemap.ts). */
    --_map-background: #0e1620;
    /* MapLibre draws its button icons dark grey: light ones on the dark surface. */
    --_icon: invert(1);
  `,
);
