import { css } from 'lit';
import { themed } from '../shared/shared.js';

export const styles = css`
  :host {
    display: block;
    max-width: 100%;
    font-family: var(--pb-map-font, inherit);
    font-size: 14px;
    line-height: 1.35;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  form {
    margin: 0;
    padding: 12px;
    font-size: 14px;
    line-height: 1.35;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--pb-map-radius, 6px);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .outer > legend {
    font-size: 1.1em;
  }
  .note,
  .summary {
    margin: 4px 0 8px;
  }
  .summary {
    font-weight: 600;
  }
  .group {
    margin-top: 14px;
  }
  /* The legend on the left, the values in force on the right of the same line. */
  legend.head {
    float: left;
    margin-right: 8px;
  }
  .values {
    margin: 0;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .values + * {
    clear: both;
  }
  .leaves,
  .aside,
  .note {
    margin: 4px 0 0;
    color: var(--_muted);
    font-size: 0.93em;
  }

  /* The histogram under the year slider. */
  .histogram {
    display: flex;
    align-items: flex-end;
    gap: 1px;
    height: 36px;
    margin: 6px 9px 0;
  }
  .bar {
    flex: 1 1 0;
    max-width: 18px;
    min-height: 1px;
    background: var(--_bar);
  }
  .bar.in {
    background: var(--_accent);
  }

  /* Two range inputs over one track: only the thumbs take the pointer. */
  .range {
    position: relative;
    height: 28px;
  }
  .track {
    position: absolute;
    left: 9px;
    right: 9px;
    top: 12px;
    height: 4px;
    border-radius: 2px;
    background: var(--_track);
  }
  .fill {
    position: absolute;
    top: 0;
    bottom: 0;
    background: var(--_accent);
  }
  .range input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 28px;
    margin: 0;
    padding: 0;
    background: transparent;
    -webkit-appearance: none;
    appearance: none;
    pointer-events: none;
    forced-color-adjust: none;
  }
  .range input.above {
    z-index: 1;
  }
  .range input::-webkit-slider-runnable-track {
    height: 28px;
    background: transparent;
  }
  .range input::-moz-range-track {
    background: transparent;
  }
  .range input::-webkit-slider-thumb {
    -webkit-appearance: none;
    appearance: none;
    pointer-events: auto;
    width: 18px;
    height: 18px;
    margin-top: 5px;
    border-radius: 50%;
    border: 2px solid var(--_surface);
    background: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
    cursor: grab;
  }
  .range input::-moz-range-thumb {
    pointer-events: auto;
    width: 14px;
    height: 14px;
    border-radius: 50%;
    border: 2px solid var(--_surface);
    background: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
    cursor: grab;
  }
  .range input:focus-visible {
    outline: none;
  }
  .range input:focus-visible::-webkit-slider-thumb {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .range input:focus-visible::-moz-range-thumb {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .range input:disabled::-webkit-slider-thumb {
    background: var(--_track);
    box-shadow: none;
    cursor: default;
  }

  /* Total / per inhabitant: two radio buttons drawn as a switch. */
  .switch {
    display: flex;
    margin: 6px 0 4px;
  }
  .switch label {
    flex: 1 1 0;
    position: relative;
    text-align: center;
    padding: 4px 6px;
    border: 1px solid var(--_accent);
    cursor: pointer;
  }
  .switch label:first-of-type {
    border-radius: var(--pb-map-radius, 6px) 0 0 var(--pb-map-radius, 6px);
  }
  .switch label:last-of-type {
    border-radius: 0 var(--pb-map-radius, 6px) var(--pb-map-radius, 6px) 0;
    border-left: 0;
  }
  .switch input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    width: 100%;
    height: 100%;
    cursor: pointer;
  }
  .switch label:has(input:checked) {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .switch label:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    z-index: 1;
  }

  .checks {
    display: grid;
    gap: 2px;
    margin-top: 4px;
  }
  .checks label {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .checks input {
    margin: 0;
    width: 16px;
    height: 16px;
    accent-color: var(--_accent);
  }

  label.block {
    display: block;
    font-weight: 600;
    margin-bottom: 2px;
  }
  select,
  input[type='search'],
  button {
    font: inherit;
    color: inherit;
  }
  select,
  input[type='search'] {
    display: block;
    width: 100%;
    min-height: 32px;
    padding: 4px 6px;
    border: 1px solid var(--_muted);
    border-radius: var(--pb-map-radius, 6px);
    background: var(--_surface);
  }
  .reset {
    margin-top: 16px;
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_accent);
    border-radius: var(--pb-map-radius, 6px);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  .reset:hover:not(:disabled) {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  select:focus-visible,
  input[type='search']:focus-visible,
  .checks input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .track {
      background: GrayText;
    }
    .fill,
    .bar.in {
      background: Highlight;
    }
    .bar {
      background: GrayText;
    }
    .range input::-webkit-slider-thumb {
      background: ButtonText;
      border-color: Canvas;
      box-shadow: none;
    }
    .range input::-moz-range-thumb {
      background: ButtonText;
      border-color: Canvas;
      box-shadow: none;
    }
    .range input:focus-visible::-webkit-slider-thumb {
      outline-color: Highlight;
    }
    .range input:focus-visible::-moz-range-thumb {
      outline-color: Highlight;
    }
    .range input:disabled::-webkit-slider-thumb {
      background: GrayText;
    }
    .switch label {
      border-color: ButtonText;
    }
    .switch label:has(input:checked) {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    select,
    input[type='search'],
    .reset {
      border-color: ButtonText;
    }
    .switch label:has(input:focus-visible),
    select:focus-visible,
    input[type='search']:focus-visible,
    .checks input:focus-visible,
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The shared light and dark palettes, with this element's own tokens (see shared.ts). */
export const tokens = themed(
  css`
    --_track: var(--pb-filters-track, #7f7f9e);
    --_bar: var(--pb-filters-bar, #7f7f9e);
  `,
  css`
    --_track: var(--pb-filters-track, #767676);
    --_bar: var(--pb-filters-bar, #767676);
  `,
);
