import { css } from 'lit';

export const styles = css`
  :host {
    /* Private aliases: a page may set the --pb-map-* tokens on the element or any ancestor. */
    --_text: var(--pb-map-text, #161616);
    --_muted: var(--pb-map-muted, #555555);
    --_font: var(--pb-map-font, inherit);
    display: block;
    font-family: var(--_font);
    color: var(--_text);
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
