/**
 * PMTiles basemaps: a city hosts its basemap as one static file (https://docs.protomaps.com/pmtiles/)
 * read by HTTP Range requests, with no tile server.
 *
 * - `basemap="pmtiles://https://ville.fr/tiles/ville.pmtiles"` draws that one archive: raster
 *   archives (PNG, JPEG, WebP, AVIF) as a raster layer; vector archives with a plain readable style
 *   built from the archive's metadata (`vector_layers`): polygons filled, lines and points drawn,
 *   in the theme's colours. No labels.
 * - a style URL whose sources use `pmtiles://` URLs works as any style.
 *
 * The `pmtiles` code (its own chunk: 7.3 KB with gzip -9, fallback decompressor included, in a
 * `vite build` of 2026-11-23) is loaded with `import()` the first time a `pmtiles://` URL is actually requested; a page without one never loads it. The
 * MapLibre protocol is registered once per page. `pmtiles://` URLs that are not absolute resolve
 * against the page (`document.baseURI`).
 */
import type {
  AddProtocolAction,
  FilterSpecification,
  LayerSpecification,
  RasterSourceSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { addProtocol } from 'maplibre-gl';
import type { PMTiles, Protocol } from 'pmtiles';
import { role, type BasemapColours } from './basemap.js';

const PREFIX = 'pmtiles://';

/** Whether `url` names a PMTiles archive (`pmtiles://…`). */
export function isPmtilesUrl(url: string): boolean {
  return url.slice(0, PREFIX.length).toLowerCase() === PREFIX;
}

/**
 * `pmtiles://<url>` with `<url>` made absolute against `base` (the page by default); absolute
 * URLs are returned as they are, so that every request for one archive shares its cache.
 */
export function absolutePmtilesUrl(url: string, base: string = document.baseURI): string {
  const rest = url.slice(PREFIX.length);
  if (/^[a-z][a-z0-9+.-]*:/i.test(rest)) return PREFIX + rest;
  return PREFIX + new URL(rest, base).href;
}

let protocol: Promise<Protocol> | undefined;

/** The pmtiles module's MapLibre protocol, loaded on first use and shared by every map. */
function loadProtocol(): Promise<Protocol> {
  protocol ??= import('pmtiles').then(({ Protocol }) => new Protocol({ metadata: true }));
  protocol.catch(() => (protocol = undefined)); // a later map may try again
  return protocol;
}

let registered = false;

/**
 * Registers the `pmtiles://` protocol with MapLibre, once per page. What is registered is a small
 * stand-in: the pmtiles code itself is imported when MapLibre first asks for a `pmtiles://` URL.
 */
export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol('pmtiles', async (params, abortController) => {
    const handler = await loadProtocol();
    const response = await handler.tilev4(
      { ...params, url: absolutePmtilesUrl(params.url) },
      abortController,
    );
    // TileJSON, tile bytes, or null for a raster tile the archive does not hold.
    return response as Awaited<ReturnType<AddProtocolAction>>;
  });
}

/** The archive at `url` (without the prefix), shared with the protocol's cache. */
async function archiveAt(url: string): Promise<PMTiles> {
  const handler = await loadProtocol();
  let archive = handler.get(url);
  if (!archive) {
    const { PMTiles } = await import('pmtiles');
    archive = new PMTiles(url);
    handler.add(archive);
  }
  return archive;
}

/** What pmtiles' TileType numbers mean (PMTiles v3 spec, header byte 99). */
const RASTER_TYPES = new Set([2, 3, 4, 5]); // png, jpeg, webp, avif
const MVT = 1;
const MLT = 6;

interface VectorLayer {
  id: string;
  geometry_type?: string;
}

interface ArchiveMetadata {
  attribution?: unknown;
  name?: unknown;
  vector_layers?: unknown;
}

/**
 * The MapLibre style for `basemap="pmtiles://…"`: the archive's tiles over the theme's water colour.
 * Rejects when the archive cannot be read (missing file, no Range support, not a PMTiles v3
 * archive); the element then draws its data over a plain background and says so.
 */
export async function pmtilesStyle(
  url: string,
  colours: BasemapColours,
  signal?: AbortSignal,
): Promise<StyleSpecification> {
  const absolute = absolutePmtilesUrl(url);
  const fileUrl = absolute.slice(PREFIX.length);
  registerPmtilesProtocol();
  const archive = await archiveAt(fileUrl);
  let header;
  try {
    header = await archive.getHeader();
  } catch (error) {
    // pmtiles keeps a failed header in its cache: forget the archive so a later map retries.
    (await loadProtocol()).tiles.delete(fileUrl);
    throw error;
  }
  signal?.throwIfAborted();
  // Metadata is optional in the spec (length 0): an archive without it is still drawn.
  const metadata = ((await archive.getMetadata().catch(() => undefined)) ?? {}) as ArchiveMetadata;
  signal?.throwIfAborted();
  const attribution = typeof metadata.attribution === 'string' ? metadata.attribution : undefined;
  const common = {
    tiles: [`${absolute}/{z}/{x}/{y}`],
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    ...(header.minLon < header.maxLon && header.minLat < header.maxLat
      ? { bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat] as const }
      : {}),
    ...(attribution ? { attribution } : {}),
  };
  const name = `pb-map PMTiles (${typeof metadata.name === 'string' ? metadata.name : fileUrl})`;

  if (RASTER_TYPES.has(header.tileType)) {
    const source: RasterSourceSpecification = {
      type: 'raster',
      ...common,
      bounds: common.bounds && [...common.bounds],
      tileSize: 256,
    };
    return {
      version: 8,
      name,
      sources: { pmtiles: source },
      layers: [
        {
          id: 'water',
          type: 'background',
          metadata: role('water'),
          paint: { 'background-color': colours.water },
        },
        { id: 'pmtiles', type: 'raster', source: 'pmtiles' },
      ],
    };
  }
  if (header.tileType === MVT || header.tileType === MLT) {
    const source: VectorSourceSpecification = {
      type: 'vector',
      ...common,
      bounds: common.bounds && [...common.bounds],
      ...(header.tileType === MLT ? { encoding: 'mlt' as const } : {}),
    };
    return {
      version: 8,
      name,
      sources: { pmtiles: source },
      layers: vectorLayers(vectorLayersOf(metadata), colours),
    };
  }
  throw new Error(`PMTiles: tile type ${header.tileType} of ${fileUrl} cannot be drawn`);
}

function vectorLayersOf(metadata: ArchiveMetadata): VectorLayer[] {
  if (!Array.isArray(metadata.vector_layers)) return [];
  return metadata.vector_layers.filter(
    (layer): layer is VectorLayer =>
      typeof layer === 'object' && layer !== null && typeof (layer as VectorLayer).id === 'string',
  );
}

const WATER = /water|ocean|sea|lake|river/i;

/**
 * A readable style for any vector archive: polygons filled (in the water colour when the layer's
 * name says water, else the land colour, outlined), lines, then points, layer by layer as the
 * metadata lists them. When a layer is named `earth` (the Protomaps basemap schema) the
 * background is water and `earth` is the land; otherwise the background is land.
 */
export function vectorLayers(layers: VectorLayer[], colours: BasemapColours): LayerSpecification[] {
  const hasEarth = layers.some((layer) => layer.id === 'earth');
  const ground = hasEarth ? 'water' : 'land';
  const result: LayerSpecification[] = [
    {
      id: 'background',
      type: 'background',
      metadata: role(ground),
      paint: { 'background-color': colours[ground] },
    },
  ];
  const geometry = (type: string): FilterSpecification => ['==', ['geometry-type'], type];
  for (const layer of layers) {
    const colour = WATER.test(layer.id) ? 'water' : 'land';
    result.push({
      id: `${layer.id}-fill`,
      type: 'fill',
      source: 'pmtiles',
      'source-layer': layer.id,
      filter: geometry('Polygon'),
      metadata: role(colour),
      paint: { 'fill-color': colours[colour] },
    });
    if (colour === 'land' && layer.id !== 'earth') {
      result.push({
        id: `${layer.id}-outline`,
        type: 'line',
        source: 'pmtiles',
        'source-layer': layer.id,
        filter: geometry('Polygon'),
        metadata: role('border'),
        paint: { 'line-color': colours.border, 'line-width': 0.5 },
      });
    }
  }
  for (const layer of layers) {
    result.push({
      id: `${layer.id}-line`,
      type: 'line',
      source: 'pmtiles',
      'source-layer': layer.id,
      filter: geometry('LineString'),
      metadata: role(WATER.test(layer.id) ? 'water' : 'border'),
      paint: {
        'line-color': WATER.test(layer.id) ? colours.water : colours.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 16, 2],
      },
    });
  }
  for (const layer of layers) {
    result.push({
      id: `${layer.id}-point`,
      type: 'circle',
      source: 'pmtiles',
      'source-layer': layer.id,
      filter: geometry('Point'),
      metadata: role('border'),
      paint: { 'circle-color': colours.border, 'circle-radius': 1.5 },
    });
  }
  return result;
}
