// The offline basemap's GeoJSON files, made at build time from world-atlas's TopoJSON
// (Natural Earth 1:50m) so that the page converts nothing: land (topojson `feature` of the
// `land` object) and borders (the `mesh` of `countries` between two different countries), with
// longitudes unwrapped across ±180° and coordinates rounded to 2 decimals (about 1 km, well below
// the 1:50m data's own accuracy).
//
// src/map/basemap.ts imports `pb-map-basemap:land-1.geojson?url` and the others (BASEMAP_FILES);
// vite (vite.config.ts) emits the files as assets in a build and serves them in dev, the test
// runner serves them too (scripts/wtr-plugins.mjs). Both call basemapGeoJSON here.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';

/** The import specifiers' prefix: `pb-map-basemap:land.geojson?url`. */
export const BASEMAP_PREFIX = 'pb-map-basemap:';
/**
 * Land comes in four files and borders in two, each holding whole shapes, balanced by their
 * number of positions: MapLibre 6 posts the data of a GeoJSON source loaded from a URL back from
 * its worker to the page, and one file of all the land took the page 50–100 ms to receive in one
 * task (a Chrome trace of a cold load); a quarter of it stays well under the 50 ms of a long task.
 */
export const LAND_PARTS = 4;
export const BORDER_PARTS = 2;
/** The files, by name: `land-1.geojson` … `land-4.geojson`, `borders-1.geojson`, `borders-2.geojson`. */
export const BASEMAP_FILES = [
  ...Array.from({ length: LAND_PARTS }, (_, i) => `land-${i + 1}.geojson`),
  ...Array.from({ length: BORDER_PARTS }, (_, i) => `borders-${i + 1}.geojson`),
];

/** @type {Promise<Record<string, string>> | undefined} */
let files;

/** The text of one basemap file (one of BASEMAP_FILES), made once per process. */
export async function basemapGeoJSON(name) {
  if (!BASEMAP_FILES.includes(name)) throw new Error(`pb-map-basemap: no file ${name}`);
  files ??= readFile(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'))
    .then((bytes) => convertTopology(JSON.parse(bytes.toString('utf8'))))
    .then(({ land, borders }) => {
      const text = {};
      splitLand(land, LAND_PARTS).forEach((part, i) => {
        text[`land-${i + 1}.geojson`] = JSON.stringify(part);
      });
      splitLines(borders, BORDER_PARTS).forEach((part, i) => {
        text[`borders-${i + 1}.geojson`] = JSON.stringify(part);
      });
      return text;
    });
  files.catch(() => (files = undefined));
  return (await files)[name];
}

/** Land (a FeatureCollection) and borders (a MultiLineString) of a world-atlas topology. */
export function convertTopology(world) {
  const land = feature(world, world.objects.land);
  const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
  return {
    land: {
      type: 'FeatureCollection',
      features: land.features.flatMap((f) => {
        const geometry = polygons(f.geometry);
        return geometry ? [{ type: 'Feature', properties: {}, geometry }] : [];
      }),
    },
    borders: {
      type: 'MultiLineString',
      coordinates: borders.coordinates.map(line).filter((l) => l.length >= 2),
    },
  };
}

/**
 * The land's polygons in `parts` FeatureCollections of one MultiPolygon each, with about as many
 * positions in each (largest polygon first, into the lightest part).
 */
export function splitLand(land, parts) {
  const polygons = land.features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  return balance(polygons, parts, (p) => p.reduce((n, r) => n + r.length, 0)).map(
    (coordinates) => ({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates } },
      ],
    }),
  );
}

/** The lines of a MultiLineString in `parts` MultiLineStrings, balanced the same way. */
export function splitLines(lines, parts) {
  return balance(lines.coordinates, parts, (l) => l.length).map((coordinates) => ({
    type: 'MultiLineString',
    coordinates,
  }));
}

/** `items` in `parts` groups of about equal total `weight`, each group in the items' order. */
function balance(items, parts, weight) {
  const groups = Array.from({ length: parts }, () => ({ total: 0, indices: [] }));
  const order = items.map((item, i) => [weight(item), i]).sort((a, b) => b[0] - a[0]);
  for (const [w, i] of order) {
    const lightest = groups.reduce((a, b) => (b.total < a.total ? b : a));
    lightest.total += w;
    lightest.indices.push(i);
  }
  return groups.map((g) => g.indices.sort((a, b) => a - b).map((i) => items[i]));
}

/** A Polygon or MultiPolygon with its rings cleaned, or null when nothing is left of it. */
function polygons(geometry) {
  if (geometry?.type === 'Polygon') {
    const coordinates = polygon(geometry.coordinates);
    return coordinates && { type: 'Polygon', coordinates };
  }
  if (geometry?.type === 'MultiPolygon') {
    const coordinates = geometry.coordinates.map(polygon).filter(Boolean);
    return coordinates.length > 0 ? { type: 'MultiPolygon', coordinates } : null;
  }
  return null;
}

/** A polygon's rings, cleaned; without its outer ring (degenerate once rounded) it is dropped. */
function polygon(rings) {
  const [outer, ...holes] = rings.map(ring);
  if (!outer) return null;
  return [outer, ...holes.filter(Boolean)];
}

/** A ring unwrapped, rounded and closed, or null when fewer than 4 positions are left. */
export function ring(positions) {
  const out = line(positions);
  const [first] = out;
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

/** A line unwrapped and rounded, without consecutive repeated positions. */
export function line(positions) {
  const out = [];
  for (const [lon, lat] of unwrapLongitudes(positions)) {
    const position = [round(lon), round(lat)];
    const previous = out[out.length - 1];
    if (!previous || previous[0] !== position[0] || previous[1] !== position[1]) out.push(position);
  }
  return out;
}

/**
 * Natural Earth crosses ±180° (Russia, Fiji): a ring or line going from 179.9° to -179.9° would be
 * drawn across the whole world. Longitudes are unwrapped so each step stays short (MapLibre draws
 * the part beyond 180° on the other side).
 */
export function unwrapLongitudes(positions) {
  let shift = 0;
  let previous;
  return positions.map(([lon = 0, lat = 0]) => {
    if (previous !== undefined) {
      if (lon + shift - previous > 180) shift -= 360;
      else if (lon + shift - previous < -180) shift += 360;
    }
    previous = lon + shift;
    return [lon + shift, lat];
  });
}

/** 2 decimals; `+ 0` turns -0 into 0. */
const round = (value) => Math.round(value * 100) / 100 + 0;
