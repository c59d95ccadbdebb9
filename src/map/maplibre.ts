/**
 * The lazy map chunk: MapLibre, its worker and its CSS, and the offline basemap. Imported with
 * `import()` only when a map is about to be shown, so a page pays for none of it before.
 */
import {
  AttributionControl,
  FullscreenControl,
  Map,
  NavigationControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import css from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { offlineStyle } from './basemap.js';

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

export { AttributionControl, FullscreenControl, Map, NavigationControl };
export { offlineStyle };
export { ClusterEngine } from './cluster-engine.js';
export { coordinatesOf } from '../core/cluster.js';
export {
  BASEMAP_ATTRIBUTION,
  DARK_BASEMAP,
  LIGHT_BASEMAP,
  basemapColours,
  followTheme,
  isDark,
  recolourBasemap,
} from './basemap.js';
export {
  absolutePmtilesUrl,
  isPmtilesUrl,
  pmtilesStyle,
  registerPmtilesProtocol,
} from './pmtiles.js';

export { PLAIN_STYLE, basemapStyle, setUpMap, type MapSetup } from './setup.js';
