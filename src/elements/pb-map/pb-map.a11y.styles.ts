import { css } from 'lit';

/** The skip link: out of sight until it has the keyboard focus, then above everything. */
export const a11yStyles = css`
  .skip {
    /* Where it stands in the flow (the host's top left corner), whatever the page does to the
       host's position; above the map. */
    position: absolute;
    z-index: 10;
    margin: 8px 0 0 8px;
    width: auto;
    white-space: nowrap;
    padding: 0.5rem 0.75rem;
    background: var(--_surface);
    color: var(--_text);
    border: 2px solid currentColor;
    border-radius: 4px;
    cursor: pointer;
  }
  .skip:not(:focus) {
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .basemap-note {
    position: absolute;
    left: 50%;
    top: 8px;
    transform: translateX(-50%);
    margin: 0;
    padding: 0.25rem 0.6rem;
    font-size: 12px;
    background: var(--_surface);
    color: var(--_text);
    border-radius: 4px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }
`;
