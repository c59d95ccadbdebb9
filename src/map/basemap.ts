/**
 * The offline basemap: world land and country borders from Natural Earth (1:50m, via the
 * world-atlas package), shipped as a file beside the library and drawn by MapLibre with no
 * request beyond the page's own host. Loaded with the map chunk, never before.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
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

export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a>';

let topology: Promise<Topology> | undefined;

/** Fetches the world topology once per page, shared by every map on it. */
function loadTopology(signal?: AbortSignal): Promise<Topology> {
  topology ??= fetch(countriesUrl, { credentials: 'omit' }).then((response) => {
    if (!response.ok) throw new Error(`basemap: HTTP ${response.status} for ${countriesUrl}`);
    return response.json() as Promise<Topology>;
  });
  topology.catch(() => (topology = undefined)); // let a later map try again
  if (!signal) return topology;
  return Promise.race([
    topology,
    new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
    ),
  ]);
}

/** Builds the offline MapLibre style: water, land, country borders. */
export async function offlineStyle(
  colours: BasemapColours = LIGHT_BASEMAP,
  signal?: AbortSignal,
): Promise<StyleSpecification> {
  const world = await loadTopology(signal);
  const countries = world.objects['countries'] as GeometryCollection;
  const land = world.objects['land'] as GeometryCollection;
  return {
    version: 8,
    name: 'pb-map offline (Natural Earth)',
    sources: {
      land: {
        type: 'geojson',
        data: unwrap(feature(world, land)),
        attribution: BASEMAP_ATTRIBUTION,
      },
      borders: {
        type: 'geojson',
        data: unwrap(mesh(world, countries, (a, b) => a !== b)),
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': colours.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': colours.land } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: {
          'line-color': colours.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 8, 1.5],
        },
      },
    ],
  };
}

/**
 * Natural Earth crosses ±180° (Russia, Fiji): a ring or line going from 179.9° to -179.9° would be
 * drawn across the whole world. Longitudes are unwrapped so each step stays short (MapLibre draws
 * the part beyond 180° on the other side).
 */
export function unwrapLongitudes(positions: Position[]): Position[] {
  let shift = 0;
  let previous: number | undefined;
  return positions.map(([lon = 0, lat = 0]) => {
    if (previous !== undefined) {
      if (lon + shift - previous > 180) shift -= 360;
      else if (lon + shift - previous < -180) shift += 360;
    }
    previous = lon + shift;
    return [lon + shift, lat];
  });
}

function unwrapGeometry<G extends Geometry>(geometry: G): G {
  switch (geometry.type) {
    case 'LineString':
      return { ...geometry, coordinates: unwrapLongitudes(geometry.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(unwrapLongitudes) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapLongitudes)),
      };
    default:
      return geometry;
  }
}

function unwrap<T extends Feature | FeatureCollection | Geometry>(data: T): T {
  if (data.type === 'FeatureCollection') {
    return { ...data, features: data.features.map((f) => unwrap(f)) };
  }
  if (data.type === 'Feature') {
    return { ...data, geometry: data.geometry && unwrapGeometry(data.geometry) };
  }
  return unwrapGeometry(data as Geometry) as T;
}
