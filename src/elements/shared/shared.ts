/** What every pb-map element shares: the page's language, the palettes, the visually hidden text class. */
import { css, type CSSResult } from 'lit';

/** The language of the page where `el` stands: its nearest `lang`, else the document's, else French. */
export function pageLang(el: Element): string {
  return (
    (el.closest('[lang]') as HTMLElement | null)?.lang || document.documentElement.lang || 'fr'
  );
}

/** `.sr-only`: text for screen readers only, kept out of sight but not out of the accessibility tree. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * The palettes every element draws with, as private aliases (`--_accent` …) of the documented
 * `--pb-map-*` custom properties, so a page may set those on the element or any ancestor. Light
 * by default; dark with the reader's system setting unless `theme="light"`, or with
 * `theme="dark"`. Every pair is measured in tests/browser/contrast.test.ts (docs/accessibility.md).
 * The offline basemap follows the theme too (src/map/basemap.ts): markers and the focus ring are
 * chosen to stand out on its light and dark colours and on both surfaces.
 *
 * @param light an element's own tokens in the light theme
 * @param dark the same tokens in the dark theme
 */
export function themed(light: CSSResult, dark: CSSResult): CSSResult {
  return css`
    ${isolation}
    :host {
      --_accent: var(--pb-map-accent, #000091);
      --_accent-text: var(--pb-map-accent-text, #ffffff);
      --_cluster: var(--pb-map-cluster, #000091);
      --_cluster-text: var(--pb-map-cluster-text, #ffffff);
      --_programme: var(--pb-map-programme, #e1000f);
      --_surface: var(--pb-map-surface, #ffffff);
      --_text: var(--pb-map-text, #161616);
      --_muted: var(--pb-map-muted, #555555);
      --_focus: var(--pb-map-focus, #0a76f6);
      color-scheme: light;
      ${light}
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${darkPalette}
        ${dark}
      }
    }
    :host([theme='dark']) {
      ${darkPalette}
      ${dark}
    }
  `;
}

/**
 * Keeps the host page's CSS out. A page's rules reach a shadow tree only through inherited
 * properties and through the host element itself, where they beat `:host` rules (a reset such as
 * `all: unset` or `display: revert` on every element takes `display`, `position`, `height`,
 * `color` away from `:host`). So each element draws inside an inner frame (`.base`, and the map's
 * skip link) that starts from `all: initial`: `line-height: 3`, `letter-spacing`,
 * `text-transform`, `text-align`, `white-space: pre` … on the page's body stop there. Taken back
 * from the page on purpose: the font family (or `--pb-map-font`) and size, `visibility`,
 * `pointer-events`, and `direction` (which `all` leaves alone). `all` does not touch custom
 * properties, so the palette still comes through. Zero specificity (`:where`), so that every rule
 * of the element's own styles wins over it.
 */
const isolation = css`
  :where(.base, .skip) {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--pb-map-font, inherit);
    font-size: inherit;
    line-height: 1.4;
    color: var(--_text);
    color-scheme: inherit;
    visibility: inherit;
    pointer-events: inherit;
    -webkit-font-smoothing: inherit;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* The only text the host holds itself is the template's whitespace: a page's
     white-space: pre would turn it into blank lines. */
  :host {
    white-space: normal !important;
  }
`;

const darkPalette = css`
  /* Over the light palette: only what differs (cluster text, programmes and focus stay). */
  --_accent: var(--pb-map-accent, #8585f6);
  --_accent-text: var(--pb-map-accent-text, #161616);
  --_cluster: var(--pb-map-cluster, #5858f0);
  --_surface: var(--pb-map-surface, #161616);
  --_text: var(--pb-map-text, #f6f6f6);
  --_muted: var(--pb-map-muted, #b0b0b0);
  color-scheme: dark;
`;

/**
 * Adds a stylesheet to a shadow root once (`first`: before the element's own styles, which may
 * then override it, as for MapLibre's CSS).
 */
export function adoptSheet(
  root: ShadowRoot | null,
  sheet: CSSStyleSheet | undefined,
  first = false,
): void {
  if (!root || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = first
    ? [sheet, ...root.adoptedStyleSheets]
    : [...root.adoptedStyleSheets, sheet];
}

/** A promise with its settling functions, and whether it has settled (for `ready` promises). */
export interface Deferred {
  promise: Promise<void>;
  settled: boolean;
  resolve(): void;
  reject(reason: unknown): void;
}

/** A {@link Deferred}; a rejection nobody awaits is not reported as unhandled. */
export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a page that never awaits `ready` gets no unhandled rejection
  const d: Deferred = {
    promise,
    settled: false,
    resolve: () => {
      d.settled = true;
      resolve();
    },
    reject: (reason: unknown) => {
      d.settled = true;
      reject(reason);
    },
  };
  return d;
}
