import { css } from 'lit';

/** The dark theme's tokens (see pb-map.styles.ts: the same values). */
const darkTokens = css`
  --_surface: var(--pb-map-surface, #161616);
  --_text: var(--pb-map-text, #f6f6f6);
  --_muted: var(--pb-map-muted, #b0b0b0);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    /*
     * Private aliases: a page may set the --pb-map-* tokens on the element or any ancestor.
     * Light by default; dark with the reader's system setting or theme="dark" (below). The
     * element paints its own surface so that its text keeps its contrast on any page.
     */
    --_surface: var(--pb-map-surface, #ffffff);
    --_text: var(--pb-map-text, #161616);
    --_muted: var(--pb-map-muted, #555555);
    --_font: var(--pb-map-font, inherit);
    color-scheme: light;
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
  }
  /* "auto": the reader's system setting, unless theme="light" forces light. */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    margin: 0;
  }
  .figure {
    font-weight: var(--pb-summary-figure-weight, 600);
    white-space: nowrap;
  }
  .note {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
