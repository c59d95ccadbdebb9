import { css } from 'lit';
import { themed } from '../shared/shared.js';

/**
 * The atlas's layout follows its own width (`container-type: inline-size` on the host), so it
 * is right in a narrow column of a wide page. The parts are never re-created between layouts
 * (the map would be rebuilt): the same grid is rearranged.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'map' 'toggle' 'panel';
    gap: var(--pb-atlas-gap, 1rem);
    align-items: start;
  }
  .map {
    grid-area: map;
    position: relative;
    min-width: 0;
  }
  pb-map:not(:defined) {
    /* The map's room before its code arrives, so the page does not jump. */
    display: block;
    height: var(--pb-map-height, 480px);
    min-height: 200px;
    background: color-mix(in srgb, var(--_text) 6%, var(--_surface));
  }
  pb-summary,
  pb-filters,
  pb-list {
    display: block;
    min-width: 0;
  }
  pb-list::part(scroll) {
    /* Contains the list's visually hidden texts (absolutely placed), which would otherwise
       stretch the page sideways when the table scrolls in a narrow panel. */
    position: relative;
  }
  .status {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    padding: 1rem;
    text-align: center;
  }
  .toggle {
    grid-area: toggle;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: var(--pb-map-radius, 4px);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .toggle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .chevron {
    flex: none;
    width: 0.5em;
    height: 0.5em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  [aria-expanded='true'] > .chevron {
    transform: translateY(25%) rotate(-135deg);
  }
  .panel {
    grid-area: panel;
    display: grid;
    gap: var(--pb-atlas-gap, 1rem);
    min-width: 0;
  }
  .panel.collapsed {
    display: none;
  }
  .side {
    display: grid;
    gap: var(--pb-atlas-gap, 1rem);
    align-content: start;
    min-width: 0;
  }
  @container (min-width: 860px) {
    .base {
      grid-template-columns: minmax(240px, var(--pb-atlas-side, 320px)) minmax(0, 1fr);
      grid-template-areas: 'side map' 'list list';
    }
    .toggle {
      display: none;
    }
    /* Wide: no panel to open, its parts are cells of the grid. */
    .panel,
    .panel.collapsed {
      display: contents;
    }
    .side {
      grid-area: side;
    }
    .list {
      grid-area: list;
    }
  }
  @media (forced-colors: active) {
    .toggle {
      border-color: ButtonText;
      color: ButtonText;
    }
  }
`;

/** The shared light and dark palettes (see shared.ts). */
export const tokens = themed(
  css`
    --_font: var(--pb-map-font, inherit);
  `,
  css``,
);
