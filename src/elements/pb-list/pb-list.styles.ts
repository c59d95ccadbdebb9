import { css } from 'lit';
import { themed } from '../shared/shared.js';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
    font-family: var(--pb-map-font, inherit);
    color: var(--_text);
    background: var(--_surface);
  }
  :host([hidden]) {
    display: none;
  }
  /* The surface again inside: a page's reset may take the host's away. */
  .base {
    background: var(--_surface);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-bottom: 0.5em;
  }
  .controls label {
    /* After the downloads in the tab order (the table's first button goes back to it), at the end
       of the line. */
    margin-inline-start: auto;
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
    cursor: pointer;
  }
  .controls input {
    accent-color: var(--_accent);
    margin: 0;
  }
  .download {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em 0.5em;
    align-items: center;
    font-size: 0.875em;
  }
  .download button {
    padding: 0.3em 0.7em;
    border: 1px solid var(--_accent);
    border-radius: var(--pb-map-radius, 6px);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  .download button:hover {
    text-decoration: underline;
  }
  .scroll {
    /* The table scrolls inside its own box when the panel is narrow (or short); its visually
       hidden words are positioned inside it, not against the page (no sideways page scroll). */
    position: relative;
    overflow: auto;
    max-height: var(--pb-list-max-height, none);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.25em 0;
  }
  th,
  td {
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  th {
    white-space: nowrap;
  }
  /* Names and places wrap, a long word too, rather than widen the table past its box. */
  tbody th {
    white-space: normal;
  }
  tbody th,
  td {
    overflow-wrap: anywhere;
  }
  .number {
    text-align: end;
    white-space: nowrap;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
    padding: 0;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    width: 100%;
    margin: 0;
    padding: 0.35em 0.5em;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: inherit;
    cursor: pointer;
  }
  .number .sort {
    justify-content: flex-end;
  }
  .sort:hover {
    text-decoration: underline;
  }
  .arrow {
    display: inline-block;
    width: 1em;
    color: var(--_muted);
  }
  [aria-sort] .arrow {
    color: var(--_accent);
  }
  .choose {
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .choose:hover {
    text-decoration-thickness: 2px;
  }
  .unknown {
    color: var(--_muted);
  }
  .none {
    color: var(--_muted);
    font-style: italic;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-top: 0.5em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .more {
    padding: 0.4em 0.9em;
    border: 1px solid var(--_accent);
    border-radius: var(--pb-map-radius, 6px);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .sort:focus-visible {
    outline-offset: -3px;
  }
  /* The table takes the focus from the map's skip link: show where it landed, inside the box
     that scrolls (an outside outline would be cut off). */
  table:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  @media (forced-colors: active) {
    .choose {
      color: LinkText;
    }
    .more,
    .download button {
      border-color: ButtonText;
    }
    th,
    td {
      border-bottom-color: CanvasText;
    }
    button:focus-visible,
    input:focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The shared light and dark palettes, with this element's own tokens (see shared.ts). */
export const tokens = themed(
  css`
    --_border: var(--pb-list-border, #dddddd);
  `,
  css`
    --_border: var(--pb-list-border, #3a3a3a);
  `,
);
