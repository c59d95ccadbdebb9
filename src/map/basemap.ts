/**
 * The offline basemap: world land and country borders from Natural Earth (1:50m, via the
 * world-atlas package), shipped as GeoJSON files (land in four, borders in two) beside the
 * library and drawn by MapLibre with no request beyond the page's own host. The files are made
 * from world-atlas's TopoJSON at build time (scripts/basemap-geojson.mjs, through
 * `pb-map-basemap:…?url` imports: vite.config.ts, scripts/wtr-plugins.mjs): MapLibre's worker
 * fetches and parses them, so the page's main thread converts nothing. Loaded with the map
 * chunk, never before.
 */
import type {
  FillLayerSpecification,
  LineLayerSpecification,
  Map,
  StyleSpecification,
} from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import borders1 from 'pb-map-basemap:borders-1.geojson?url';
import borders2 from 'pb-map-basemap:borders-2.geojson?url';
import land1 from 'pb-map-basemap:land-1.geojson?url';
import land2 from 'pb-map-basemap:land-2.geojson?url';
import land3 from 'pb-map-basemap:land-3.geojson?url';
import land4 from 'pb-map-basemap:land-4.geojson?url';
import countriesUrl from 'world-atlas/countries-50m.json?url';

/** Colours of the offline basemap; chosen so that cluster bubbles stand out on both. */
export interface BasemapColours {
  water: string;
  land: string;
  border: string;
}

export const LIGHT_BASEMAP: BasemapColours = {
  water: '#dfe9f2',
  land: '#f7f5f0',
  border: '#b9b4a8',
};

/**
 * The dark offline basemap, for `theme="dark"` (or a dark system setting). Dark enough that the
 * markers' outer halo (cluster #5858f0, programme #e1000f in the dark palette of
 * src/elements/shared/shared.ts) and the focus ring (#0a76f6) keep 3:1 against land and water
 * (WCAG 1.4.11; measured in tests/browser/basemaps.test.ts): land 3.2 / 3.3 / 3.9, water
 * 3.5 / 3.7 / 4.3.
 */
export const DARK_BASEMAP: BasemapColours = {
  water: '#0e1620',
  land: '#1b1f24',
  border: '#4b5563',
};

/** The offline colours for a theme. */
export function basemapColours(dark: boolean): BasemapColours {
  return dark ? DARK_BASEMAP : LIGHT_BASEMAP;
}

/**
 * Layers the element recolours when its theme changes carry `metadata: { 'pb-map:role': … }`
 * naming the colour they take (with the paint property to set). Other layers, and every layer of
 * a custom style, are left alone.
 */
export const ROLE = 'pb-map:role';
type Role = keyof BasemapColours;
const PAINT_OF_TYPE: Record<string, string> = {
  background: 'background-color',
  fill: 'fill-color',
  line: 'line-color',
  circle: 'circle-color',
};

/** `metadata` for a layer that takes the colour `role` of the theme. */
export function role(name: Role): { [ROLE]: Role } {
  return { [ROLE]: name };
}

export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a>';

let topology: Promise<Topology> | undefined;

/**
 * Fetches the world topology once per page (the overseas insets of `view="france"` draw their
 * outlines from it; the basemap itself uses the GeoJSON files).
 */
export function loadTopology(signal?: AbortSignal): Promise<Topology> {
  let loading = topology;
  if (!loading) {
    loading = topology = fetch(countriesUrl, { credentials: 'omit' }).then((response) => {
      if (!response.ok) throw new Error(`basemap: HTTP ${response.status} for ${countriesUrl}`);
      return response.json() as Promise<Topology>;
    });
    loading.catch(() => (topology = undefined)); // let a later map try again
  }
  return abortable(loading, signal);
}

/** `promise`, or its rejection with `signal.reason` as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Builds the offline MapLibre style: water, land, country borders. The sources are the files'
 * absolute URLs (MapLibre resolves a relative one against the page, not this module): MapLibre's
 * worker fetches them, same-origin; a file that cannot be loaded is an `error` event of the map.
 */
export async function offlineStyle(
  colours: BasemapColours = LIGHT_BASEMAP,
  signal?: AbortSignal,
): Promise<StyleSpecification> {
  signal?.throwIfAborted();
  const url = (file: string) => new URL(file, import.meta.url).href;
  const land = [land1, land2, land3, land4];
  const borders = [borders1, borders2];
  return {
    version: 8,
    name: 'pb-map offline (Natural Earth)',
    // Several files of each (see scripts/basemap-geojson.mjs): none takes the page long to receive.
    sources: Object.fromEntries([
      ...land.map((file, i) => [
        `land-${i + 1}`,
        {
          type: 'geojson',
          data: url(file),
          ...(i === 0 ? { attribution: BASEMAP_ATTRIBUTION } : {}),
        } as const,
      ]),
      ...borders.map((file, i) => [
        `borders-${i + 1}`,
        { type: 'geojson', data: url(file) } as const,
      ]),
    ]),
    layers: [
      {
        id: 'water',
        type: 'background',
        metadata: role('water'),
        paint: { 'background-color': colours.water },
      },
      ...land.map((_, i): FillLayerSpecification => ({
        id: `land-${i + 1}`,
        type: 'fill',
        source: `land-${i + 1}`,
        metadata: role('land'),
        paint: { 'fill-color': colours.land },
      })),
      ...borders.map((_, i): LineLayerSpecification => ({
        id: `borders-${i + 1}`,
        type: 'line',
        source: `borders-${i + 1}`,
        metadata: role('border'),
        paint: {
          'line-color': colours.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 8, 1.5],
        },
      })),
    ],
  };
}

/**
 * Recolours, in place, the layers of the map's style that carry a theme role (the offline
 * basemap's, the plain background's, those of a style built for a PMTiles archive): no
 * `setStyle`, so sources, markers and the view stay as they are.
 */
export function recolourBasemap(map: Map, colours: BasemapColours): void {
  for (const id of map.getLayersOrder()) {
    const layer = map.getLayer(id);
    const name = (layer?.metadata as Record<string, unknown> | undefined)?.[ROLE] as
      Role | undefined;
    // One name stands for all: each role's paint property takes a colour.
    const paint = layer && (PAINT_OF_TYPE[layer.type] as 'fill-color' | undefined);
    if (!name || !paint || !(name in colours)) continue;
    if (map.getPaintProperty(id, paint) !== colours[name]) {
      map.setPaintProperty(id, paint, colours[name]);
    }
  }
}

/**
 * Whether `host` is drawn dark, by the rule its CSS follows (src/elements/shared/shared.ts):
 * `theme="dark"`, or the reader's `prefers-color-scheme: dark` unless `theme="light"`.
 */
export function isDark(host: Element, media = matchMedia(DARK_QUERY)): boolean {
  const theme = host.getAttribute('theme');
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return media.matches;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Keeps the offline basemap of `map` in `host`'s theme: follows its `theme` attribute and the
 * reader's system setting, and recolours after each style load (the plain background a failed
 * style falls back to included). Returns the function that stops it (call it on disconnect).
 */
export function followTheme(host: Element, map: Map): () => void {
  const media = matchMedia(DARK_QUERY);
  const apply = (): void => {
    try {
      recolourBasemap(map, basemapColours(isDark(host, media)));
    } catch {
      // The style is still loading: `style.load` applies the theme when it is in.
    }
  };
  const attributes = new MutationObserver(apply);
  attributes.observe(host, { attributes: true, attributeFilter: ['theme'] });
  media.addEventListener('change', apply);
  map.on('style.load', apply);
  return () => {
    attributes.disconnect();
    media.removeEventListener('change', apply);
    map.off('style.load', apply);
  };
}
