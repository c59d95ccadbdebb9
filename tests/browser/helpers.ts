// Helpers for the browser tests (run by @web/test-runner in Chromium).

import type { AxeResults, NodeResult, Result } from 'axe-core';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * `fixture(html`<pb-map ...></pb-map>`)` renders into the document and resolves once a lit
 * element has updated; fixtures are removed after each test. `html` is lit's static-html tag.
 */
export { fixture, fixtureCleanup, html, elementUpdated, oneEvent } from '@open-wc/testing-helpers';

type Axe = typeof import('axe-core');

declare global {
  interface Window {
    axe?: Axe;
  }
}

/** Resolves once `predicate()` is truthy; rejects after `timeoutMs` with `message`. */
export async function waitFor(
  predicate: () => unknown,
  timeoutMs = 5000,
  message = `waitFor: condition not met within ${timeoutMs} ms`,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await predicate())) {
    if (performance.now() > deadline) throw new Error(message);
    await nextFrame();
  }
}

/** Resolves on the next animation frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

let axeLoading: Promise<Axe> | undefined;

/** Adds axe-core (a UMD script that sets `window.axe`) to the page, once. */
function loadAxe(): Promise<Axe> {
  axeLoading ??= new Promise<Axe>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => (window.axe ? resolve(window.axe) : reject(new Error('axe not loaded')));
    script.onerror = () => reject(new Error(`Could not load ${script.src}`));
    document.head.append(script);
  });
  return axeLoading;
}

/**
 * Runs axe-core on `el` (open shadow roots included) and throws an error listing each
 * violation (rule id, help text, offending targets) if there is any.
 */
export async function axeCheck(el: Element): Promise<void> {
  const axe = await loadAxe();
  const results: AxeResults = await axe.run(el);
  if (results.violations.length > 0) {
    throw new Error(
      `${results.violations.length} accessibility violation(s):\n` +
        results.violations.map(describeViolation).join('\n'),
    );
  }
}

function describeViolation(violation: Result): string {
  const targets = violation.nodes.map((node: NodeResult) => JSON.stringify(node.target));
  return `- ${violation.id}: ${violation.help} (${violation.helpUrl})\n    at ${targets.join(', ')}`;
}

/**
 * An amount in euros as this browser's Intl writes it in French (spaces differ between ICU
 * versions, so expected strings are never typed by hand): "76 500 000 €", compact "77 M €".
 */
export function euros(n: number, compact = false): string {
  return new Intl.NumberFormat('fr', {
    style: 'currency',
    currency: 'EUR',
    ...(compact
      ? { notation: 'compact' } // two significant digits, as formatAmount's compact form
      : { maximumFractionDigits: Number.isInteger(n) ? 0 : 2 }),
  }).format(n);
}

/** A map marker's accessible name: its aria-label, or else its text (clusters name themselves by content). */
export function markerName(button: Element): string {
  return (
    button.getAttribute('aria-label') ??
    (button.textContent ?? '').replace(/[\t\n\r ]+/g, ' ').trim()
  );
}

/** A real click at the centre of `button`: pointerdown then click, as a mouse does. */
export function clickAt(button: HTMLElement): void {
  const r = button.getBoundingClientRect();
  const init = {
    bubbles: true,
    composed: true,
    clientX: r.x + r.width / 2,
    clientY: r.y + r.height / 2,
  };
  button.dispatchEvent(new PointerEvent('pointerdown', init));
  button.dispatchEvent(new MouseEvent('click', { ...init, detail: 1 }));
}

/** Puts a <pb-map> (800x500) with this id and feed in `parent` and returns it. */
export function mountMap(src: string, id: string, parent: HTMLElement = document.body) {
  const map = document.createElement('pb-map');
  map.id = id;
  map.style.setProperty('--pb-map-height', '500px');
  map.style.width = '800px';
  map.setAttribute('src', src);
  parent.append(map);
  return map;
}

/** The marker buttons a map draws over its canvas (clusters and programmes), in DOM order. */
export function markers(map: Element): HTMLButtonElement[] {
  return [...(map.shadowRoot?.querySelectorAll<HTMLButtonElement>('.markers button') ?? [])];
}

/** The first node matching `selector` in an element's shadow root; throws when there is none. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}

/** Whether `inner` lies within `outer`, to a pixel of rounding. */
export function inside(inner: DOMRect, outer: DOMRect): boolean {
  return (
    inner.left >= outer.left - 1 &&
    inner.top >= outer.top - 1 &&
    inner.right <= outer.right + 1 &&
    inner.bottom <= outer.bottom + 1
  );
}

/**
 * The colour MapLibre drew at (x, y) of its canvas (CSS pixels), read from the drawing buffer in
 * the `render` event, while the frame is still there (no preserveDrawingBuffer needed). The
 * markers are DOM over the canvas: this is the basemap alone.
 */
export function pixelAt(map: MapLibreMap, x: number, y: number): Promise<[number, number, number]> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const gl = map.getCanvas().getContext('webgl2')!;
      const ratio = gl.drawingBufferWidth / map.getCanvas().clientWidth;
      const px = new Uint8Array(4);
      const [bx, by] = [Math.round(x * ratio), Math.round(gl.drawingBufferHeight - y * ratio - 1)];
      gl.readPixels(bx, by, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      resolve([px[0]!, px[1]!, px[2]!]);
    });
    map.triggerRepaint();
  });
}

/** `#rrggbb` as [r, g, b]. */
export const rgb = (hex: string): number[] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
