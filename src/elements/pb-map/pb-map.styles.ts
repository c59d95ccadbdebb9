import { css } from 'lit';

export const styles = css`
  :host {
    --pb-map-height: 480px;
    --pb-map-font: inherit;
    --pb-map-accent: #000091;
    --pb-map-accent-text: #ffffff;
    --pb-map-cluster: #000091;
    --pb-map-cluster-text: #ffffff;
    --pb-map-programme: #e1000f;
    --pb-map-surface: #ffffff;
    --pb-map-text: #161616;
    --pb-map-muted: #555555;
    --pb-map-focus: #0a76f6;
    --pb-map-radius: 6px;
    display: block;
    position: relative;
    height: var(--pb-map-height);
    min-height: 200px;
    font-family: var(--pb-map-font);
    color: var(--pb-map-text);
    contain: layout paint;
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
    background: #dfe9f2;
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
    background: var(--pb-map-cluster);
    color: var(--pb-map-cluster-text);
    border: 2px solid var(--pb-map-surface);
    box-shadow: 0 0 0 1px var(--pb-map-cluster);
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
    background: var(--pb-map-programme);
    border: 2px solid var(--pb-map-surface);
    box-shadow: 0 0 0 1px var(--pb-map-programme);
  }
  .marker:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--pb-map-focus);
    outline-offset: 2px;
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
    background: var(--pb-map-surface);
    border-radius: var(--pb-map-radius);
    padding: 0.75rem 1rem;
    box-shadow: 0 1px 6px rgb(0 0 0 / 0.25);
  }
  .status.error > div {
    border-left: 4px solid #ce0500;
  }
  .status p {
    margin: 0 0 0.5rem;
  }
  .status p:last-child {
    margin-bottom: 0;
  }
  button.action {
    font: inherit;
    background: var(--pb-map-accent);
    color: var(--pb-map-accent-text);
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
    background: var(--pb-map-surface);
    border-radius: var(--pb-map-radius);
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
    background: var(--pb-map-surface);
    color: var(--pb-map-text);
    border-radius: var(--pb-map-radius);
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
    outline: 3px solid var(--pb-map-focus);
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
    color: var(--pb-map-muted);
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
    color: var(--pb-map-muted);
    padding-bottom: 0.2rem;
  }
  .card th,
  .card td {
    text-align: left;
    padding: 0.15rem 0.5rem 0.15rem 0;
    border-bottom: 1px solid #ddd;
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
    border-bottom: 1px solid #ddd;
    padding: 0.4rem 0;
    color: var(--pb-map-accent);
    cursor: pointer;
    text-decoration: underline;
  }
  .card a {
    color: var(--pb-map-accent);
  }
  .card tr.outside {
    color: var(--pb-map-muted);
  }
  .legend {
    position: absolute;
    left: 8px;
    top: 8px;
    max-width: min(20rem, calc(100% - 70px));
    font-size: 12px;
    background: var(--pb-map-surface);
    color: var(--pb-map-text);
    border-radius: var(--pb-map-radius);
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
    border: 2px solid var(--pb-map-surface);
  }
  .legend .key.cluster {
    width: 22px;
    height: 22px;
    background: var(--pb-map-cluster);
    box-shadow: 0 0 0 1px var(--pb-map-cluster);
  }
  .legend .key.programme {
    width: 14px;
    height: 14px;
    margin: 4px;
    background: var(--pb-map-programme);
    box-shadow: 0 0 0 1px var(--pb-map-programme);
  }
  .card .description {
    white-space: pre-line;
  }
  @media (prefers-reduced-motion: reduce) {
    .marker {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .marker {
      border: 2px solid CanvasText;
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
