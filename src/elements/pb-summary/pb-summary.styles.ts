import { css } from 'lit';
import { themed } from '../shared/shared.js';

export const styles = css`
  :host {
    /* Its own surface, so that its text keeps its contrast on any page, in either theme. */
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    margin: 0;
    /* The surface again inside: a page's reset may take the host's away. */
    background: var(--_surface);
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

/** The shared light and dark palettes, with this element's own tokens (see shared.ts). */
export const tokens = themed(
  css`
    --_font: var(--pb-map-font, inherit);
  `,
  css``,
);
