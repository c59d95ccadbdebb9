/**
 * How `<pb-map>` sets up its MapLibre map: the basemap in the element's theme, the map and its
 * controls, the layer its markers are drawn in, and the clustering engine. Part of the lazy map
 * chunk, so none of it weighs on a page before a map is about to be shown.
 */
import { AttributionControl, FullscreenControl, Map, NavigationControl } from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import {
  LIGHT_BASEMAP,
  basemapColours,
  followTheme,
  isDark,
  offlineStyle,
  role,
} from './basemap.js';
import { ClusterEngine } from './cluster-engine.js';
import { isPmtilesUrl, pmtilesStyle, registerPmtilesProtocol } from './pmtiles.js';

/** Drawn under the data while the offline basemap loads, or when a basemap cannot be drawn. */
export const PLAIN_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [
    {
      id: 'background',
      type: 'background',
      // Recoloured with the theme (followTheme in basemap.ts), as the offline basemap.
      metadata: role('water'),
      paint: { 'background-color': LIGHT_BASEMAP.water },
    },
  ],
};

/** Initial view before a feed is known: metropolitan France. */
const FRANCE_CENTER: [number, number] = [2.4, 46.6];

/** What {@link setUpMap} needs from the element. */
export interface MapSetupOptions {
  /** The element: it goes fullscreen as a whole, and its `theme` colours the basemap. */
  host: HTMLElement;
  /** Where MapLibre draws. */
  container: HTMLElement;
  /** The element's `basemap` attribute (see {@link basemapStyle}). */
  basemap: string | undefined;
  /** MapLibre's own words, in the page's language. */
  locale: Record<string, string>;
  signal: AbortSignal;
  /** Settles once the first clusters are drawn (or there are none to wait for). */
  dataShown: Promise<void>;
  /** A basemap could not be drawn: the data stays on the plain background; say so. */
  onBasemapProblem(message: string): void;
}

/** The map, set up. */
export interface MapSetup {
  map: Map;
  /** The layer the markers are drawn in, over the canvas. */
  markers: HTMLDivElement;
  engine: ClusterEngine;
  /** Settles once the offline basemap is drawn in, or could not be. */
  basemapDone?: Promise<void>;
  /** Stops following the theme; also stops the basemap swap. Call it before `map.remove()`. */
  release(): void;
}

/**
 * Creates the map. The offline basemap (a 230 KB file to convert) goes in when it is ready and
 * the first clusters are drawn: the map starts on a plain background so the data shows first. A
 * custom basemap is the map's first style. Either one failing leaves the data on the plain
 * background and calls `onBasemapProblem`. Throws when the map cannot be created (no WebGL).
 */
export async function setUpMap(options: MapSetupOptions): Promise<MapSetup> {
  const { host, signal, onBasemapProblem } = options;
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  // The basemap in the element's theme: the offline one (no `basemap`), one PMTiles archive
  // (`pmtiles://…`), or a style URL as it is (with the pmtiles:// protocol, for its sources).
  const colours = basemapColours(isDark(host));
  let style: StyleSpecification | string = PLAIN_STYLE;
  let offline: Promise<StyleSpecification> | undefined;
  if (!options.basemap) {
    offline = offlineStyle(colours, signal);
    offline.catch(() => {}); // handled below, once the map exists
  } else if (isPmtilesUrl(options.basemap)) {
    try {
      style = await pmtilesStyle(options.basemap, colours, signal);
    } catch (error) {
      signal.throwIfAborted();
      onBasemapProblem(message(error));
    }
  } else {
    registerPmtilesProtocol();
    style = options.basemap;
  }
  signal.throwIfAborted();
  // The clustering worker starts loading now, while MapLibre sets up its WebGL context.
  const engine = new ClusterEngine();
  let map: Map;
  try {
    map = createMap(options, style);
  } catch (error) {
    engine.destroy(); // no WebGL: nothing is left running
    throw error;
  }
  const markers = document.createElement('div');
  markers.className = 'markers';
  map.getCanvasContainer().append(markers);
  const stopTheme = followTheme(host, map);
  let released = false;
  /** Ends a basemap swap in progress (the map's `idle` never comes once it is removed). */
  let endSwap: (() => void) | undefined;

  const basemapDone = offline
    ?.then(async (full) => {
      // MapLibre prepares the basemap's shapes in its worker: where workers cannot start (a CSP
      // without worker-src 'self'), it would wait for ever. Say so instead.
      if (!(await engine.workers)) throw new Error('MapLibre needs a worker for the basemap.');
      // The data first; a feed slower than a second does not hold the basemap back.
      await Promise.race([options.dataShown, new Promise((r) => setTimeout(r, 1000))]);
      if (released) return;
      await new Promise<void>((resolve) => {
        const settled = (): void => {
          map.off('idle', settled);
          map.off('error', failed);
          endSwap = undefined;
          resolve();
        };
        endSwap = settled;
        const failed = (event: { error?: { message?: string } }): void => {
          settled();
          onBasemapProblem(event.error?.message ?? 'basemap error');
          map.setStyle(PLAIN_STYLE);
        };
        map.on('idle', settled);
        map.on('error', failed);
        map.setStyle(full);
      });
    })
    .catch((error: unknown) => {
      if (!signal.aborted && !released) onBasemapProblem(message(error));
    });

  return {
    map,
    markers,
    engine,
    basemapDone,
    release: () => {
      released = true;
      endSwap?.();
      stopTheme();
    },
  };
}

/** The map itself, with its controls; throws when it cannot be created (no WebGL). */
function createMap(options: MapSetupOptions, style: StyleSpecification | string): Map {
  const { host } = options;
  const map = new Map({
    container: options.container,
    style,
    center: FRANCE_CENTER,
    zoom: 4.2,
    attributionControl: false,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: 0,
    // Inline, the page scrolls under a finger or the wheel: the map moves with two fingers or
    // Ctrl + wheel, and says so (in the page's language, through `locale`).
    cooperativeGestures: true,
    maxZoom: 18,
    locale: options.locale,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  // The whole element goes fullscreen (card, legend and markers with it); there MapLibre turns
  // cooperative gestures off, so the map moves with one finger or the wheel.
  map.addControl(new FullscreenControl({ container: host }), 'top-right');
  return map;
}
