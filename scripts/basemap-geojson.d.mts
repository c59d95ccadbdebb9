// Types of scripts/basemap-geojson.mjs, for vite.config.ts and the unit tests.
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';

export const BASEMAP_PREFIX: string;
export const BASEMAP_FILES: string[];
export const LAND_PARTS: number;
export const BORDER_PARTS: number;
export function splitLand(
  land: FeatureCollection<Polygon | MultiPolygon>,
  parts: number,
): FeatureCollection<MultiPolygon>[];
export function splitLines(lines: MultiLineString, parts: number): MultiLineString[];
export function basemapGeoJSON(name: string): Promise<string>;
export function convertTopology(world: Topology): {
  land: FeatureCollection<Polygon | MultiPolygon>;
  borders: MultiLineString;
};
export function ring(positions: Position[]): Position[] | null;
export function line(positions: Position[]): Position[];
export function unwrapLongitudes(positions: Position[]): Position[];
