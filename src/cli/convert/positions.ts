/**
 * Positions from projected coordinates: the coordinate systems pb-feed convert accepts with
 * `--crs`, and the check that a position landed somewhere plausible.
 */
import proj4 from 'proj4';

/** A coordinate reference system the converter knows, with what to tell the user about it. */
export interface Crs {
  code: string;
  label: string;
  /** Metres (projected) or degrees. */
  projected: boolean;
}

const LAMBERT_93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
proj4.defs('EPSG:2154', LAMBERT_93);

/** The systems `--crs` accepts, by EPSG code. proj4 knows 4326 and 3857 itself. */
export const KNOWN_CRS: readonly Crs[] = [
  { code: 'EPSG:4326', label: 'WGS84 degrees (longitude, latitude)', projected: false },
  { code: 'EPSG:2154', label: 'Lambert-93 metres (RGF93, metropolitan France)', projected: true },
  { code: 'EPSG:3857', label: 'Web Mercator metres (web maps, Opendatasoft)', projected: true },
];

/**
 * The system a user (or a GeoJSON `crs` member) names: `EPSG:2154`, `2154`, `epsg:3857`,
 * `urn:ogc:def:crs:EPSG::2154`, `lambert93`, `wgs84`, `CRS84`. Undefined if unknown.
 */
export function findCrs(name: string): Crs | undefined {
  const text = name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  const aliases: Record<string, string> = {
    lambert93: 'EPSG:2154',
    l93: 'EPSG:2154',
    rgf93: 'EPSG:2154',
    wgs84: 'EPSG:4326',
    crs84: 'EPSG:4326',
    'urn:ogc:def:crs:ogc:1.3:crs84': 'EPSG:4326',
    webmercator: 'EPSG:3857',
    pseudomercator: 'EPSG:3857',
    '900913': 'EPSG:3857',
  };
  const code = aliases[text] ?? /(?:^|:)(\d{4,5})$/.exec(text)?.[1];
  const full = code?.startsWith('EPSG:') ? code : code ? `EPSG:${code}` : undefined;
  return KNOWN_CRS.find((crs) => crs.code === full);
}

/** A projector from `crs` to `[longitude, latitude]`; identity for degrees. */
export function projector(crs: Crs): (x: number, y: number) => [number, number] {
  if (!crs.projected) return (x, y) => [x, y];
  const convert = proj4(crs.code, 'EPSG:4326');
  return (x, y) => {
    const [lon, lat] = convert.forward([x, y]) as [number, number];
    return [round(lon), round(lat)];
  };
}

/** Degrees to 6 decimals (about 10 cm): what a map needs, and shorter JSON. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Whether `[lon, lat]` is a position at all. */
export function inRange([lon, lat]: readonly [number, number]): boolean {
  return (
    Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
  );
}

/**
 * Boxes around France (metropolitan, Corsica, and the overseas départements and collectivités),
 * `[west, south, east, north]`: a position outside all of them in a French feed usually means a
 * wrong `--crs` or swapped columns.
 */
const FRANCE_BOXES: readonly (readonly [number, number, number, number])[] = [
  [-5.8, 41.2, 9.9, 51.3], // metropolitan France and Corsica
  [-61.9, 15.8, -60.8, 16.6], // Guadeloupe
  [-61.3, 14.3, -60.7, 14.95], // Martinique
  [-54.7, 2.0, -51.5, 6.0], // Guyane
  [55.1, -21.5, 55.9, -20.8], // La Réunion
  [44.9, -13.1, 45.4, -12.5], // Mayotte
  [-56.5, 46.7, -56.1, 47.2], // Saint-Pierre-et-Miquelon
  [-63.2, 17.8, -62.7, 18.2], // Saint-Martin, Saint-Barthélemy
  [163.5, -22.8, 168.2, -19.5], // Nouvelle-Calédonie
  [-155, -28, -134, -7], // Polynésie française
  [-178.3, -14.4, -176.1, -13.1], // Wallis-et-Futuna
];

/** Whether `[lon, lat]` falls in one of the boxes around French territory. */
export function inFrance([lon, lat]: readonly [number, number]): boolean {
  return FRANCE_BOXES.some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n);
}
