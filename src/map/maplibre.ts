/**
 * The lazy map chunk: MapLibre, its worker and its CSS, and the offline basemap. Imported with
 * `import()` only when a map is about to be shown, so a page pays for none of it before.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import css from 'maplibre-gl/dist/maplibre-gl.css?inline';

// MapLibre 6 starts its worker from a separate module; bundlers move that file, so say where
// it went (see docs: a strict CSP needs `worker-src 'self'` for it).
setWorkerUrl(workerUrl);

let sheet: CSSStyleSheet | undefined;

/** MapLibre's CSS as a constructable stylesheet, to adopt inside a shadow root. */
export function maplibreStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

export { PLAIN_STYLE, setUpMap, type MapSetup } from './setup.js';
