/**
 * How `<pb-map>` sets up its MapLibre map: the basemap in the element's theme, the map and its
 * controls, over which the element's layer of markers moves. Part of the lazy map chunk, so none
 * of it weighs on a page before a map is about to be shown. The element's clustering engine and
 * first clusters come before it (src/core/camera.ts).
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
import type { ClusterEngine } from './cluster-engine.js';
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

/** What {@link setUpMap} needs from the element. */
export interface MapSetupOptions {
  /** The element: it goes fullscreen as a whole, and its `theme` colours the basemap. */
  host: HTMLElement;
  /** Where MapLibre draws. */
  container: HTMLElement;
  /** Where the map starts: the view the first clusters were drawn in, if they were. */
  center: [number, number];
  zoom: number;
  /** The element's layer of markers: it moves into the map, over the canvas. */
  markers: HTMLElement;
  /** The element's clustering engine (whether workers run here tells the basemap). */
  engine: ClusterEngine;
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
  const { engine } = options;
  const map = createMap(options, style); // throws without WebGL
  map.getCanvasContainer().append(options.markers);
  const stopTheme = followTheme(host, map);
  let released = false;
  /** Ends a basemap swap in progress (the map's `idle` never comes once it is removed). */
  let endSwap: (() => void) | undefined;

  if (options.basemap) {
    // Tiles that all answer 404 ("no tile here" for MapLibre, which fires no error for them)
    // leave the style empty under the data: once its first tiles are settled, say so.
    let tiles = 0;
    map.on('sourcedata', (event) => (tiles += event.tile ? 1 : 0));
    map.once('load', () => {
      // No throw here: the element's own `load` listener comes after this one.
      const sources = map.getStyle()?.sources;
      if (!tiles && sources && Object.keys(sources).length > 0) {
        onBasemapProblem('No tile of the basemap could be loaded.');
      }
    });
  }

  const basemapDone = offline
    ?.then(async (full) => {
      // MapLibre prepares the basemap's shapes in its worker: where workers cannot start (a CSP
      // without worker-src 'self'), it would wait for ever. Say so instead.
      if (!(await engine.workers)) throw new Error('MapLibre needs a worker for the basemap.');
      // The data first (the element creates the map once its first clusters are drawn, but not
      // for view="france"); a feed slower than a second does not hold the basemap back.
      await Promise.race([options.dataShown, new Promise((r) => setTimeout(r, 1000))]);
      if (released) return;
      await new Promise<void>((resolve) => {
        const settled = (): void => {
          map.off('style.load', swap);
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
        // Once the plain style is in (else MapLibre would rebuild the style from scratch).
        const swap = (): void => {
          map.on('idle', settled);
          map.on('error', failed);
          map.setStyle(full);
        };
        if (map.isStyleLoaded()) swap();
        else map.once('style.load', swap);
      });
    })
    .catch((error: unknown) => {
      if (!signal.aborted && !released) onBasemapProblem(message(error));
    });

  return {
    map,
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
    center: options.center,
    zoom: options.zoom,
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
