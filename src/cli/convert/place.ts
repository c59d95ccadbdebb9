/**
 * Where a row goes on the map: its own coordinates (GeoJSON geometry, lat/lon, x/y through
 * `--crs`, a "latitude, longitude" cell), else its INSEE code or arrondissement through the
 * commune table; or why it cannot be placed, with the column to blame and a hint.
 */
import type { ColumnMap, Role } from './columns.js';
import type { Commune, CommuneTable } from './communes.js';
import { lookupCode } from './communes.js';
import type { Crs } from './positions.js';
import { inFrance, inRange } from './positions.js';
import type { InputRow } from './read.js';
import { readNumber } from './text.js';

/** What a row's placing needs to know about the file and the options. */
export interface PlaceContext {
  headers: readonly string[];
  map: ColumnMap;
  /** The system of x/y (and GeoJSON) coordinates, for the hints; undefined for degrees. */
  crs?: Crs;
  /** x, y in `crs` → [longitude, latitude]. */
  project: (x: number, y: number) => [number, number];
  /** Whether positions outside France are worth reporting. */
  checkFrance: boolean;
  /** The commune table, when the file has an INSEE or arrondissement column. */
  communes?: CommuneTable;
}

/** What went wrong with a row, before its row number is added. */
export interface Complaint {
  role?: Role;
  value?: string;
  message: string;
  hint?: string;
}

/** Where a row goes, and how it got there. */
export type Placed = {
  position: [number, number];
  /** A position outside France from the row's own coordinates (kept, reported). */
  outsideFrance?: Complaint;
} & (
  | { by: 'coordinates' }
  | { by: 'commune' | 'arrondissement'; commune: Commune; placeName: string }
  | { by: 'group'; placeName: string }
);

/** The message of a position outside France, also how convert.ts recognises those problems. */
export const OUTSIDE_FRANCE = 'lies outside France (latitude, longitude)';

/** Places one row, or says why it cannot be placed. */
export function placeRow(
  row: InputRow,
  context: PlaceContext,
): { ok: true; placed: Placed } | { ok: false; why: Complaint } {
  const { crs } = context;
  let why: Complaint = {
    message: `has no position (${positionColumns(context) || 'no position column'})`,
    hint: 'fill in its coordinates or its INSEE code',
  };
  const own = rowCoordinates(row, context);
  if (own && 'position' in own) {
    const { position } = own;
    if (inRange(position)) {
      const placed: Placed = { by: 'coordinates', position };
      if (context.checkFrance && !inFrance(position)) {
        placed.outsideFrance = {
          role: own.role,
          value: `${position[1]}, ${position[0]}`,
          message: OUTSIDE_FRANCE,
          hint: 'check the coordinates, or --crs; use --country for data outside France',
        };
      }
      return { ok: true, placed };
    }
    why = {
      role: own.role === 'lon' && Math.abs(position[1]) > 90 ? 'lat' : own.role,
      value: own.raw,
      message: `gives a position out of range (longitude ${position[0]}, latitude ${position[1]})`,
      hint: crs?.projected
        ? `the coordinates are probably not in ${crs.code}: check --crs`
        : 'latitude must be from -90 to 90 and longitude from -180 to 180: are they swapped, or in metres (then say --crs)?',
    };
  } else if (own) {
    why = own;
  }
  const code = codeOf(row, context);
  if (!code) return { ok: false, why };
  const { communes } = context;
  if (!communes) {
    return {
      ok: false,
      why: { ...code, message: 'cannot be looked up', hint: 'the commune table is not available' },
    };
  }
  const found = lookupCode(communes, code.value, code.role === 'arrondissement');
  if (found?.group) {
    return {
      ok: true,
      placed: { by: 'group', position: found.group.position, placeName: found.group.name },
    };
  }
  const commune = found?.commune;
  if (commune?.position) {
    const by = commune.type === 'arrondissement' ? 'arrondissement' : 'commune';
    return {
      ok: true,
      placed: { by, position: commune.position, commune, placeName: commune.name },
    };
  }
  if (!found) {
    why = {
      ...code,
      message: 'is not an INSEE code',
      hint: "write the commune's five-character INSEE code, e.g. 35238 for Rennes (or 75104 / 75004 for Paris 4e)",
    };
  } else if (commune) {
    why = {
      ...code,
      message: `is ${commune.name}, which the commune table cannot place (GeoNames has no position for it)`,
      hint: 'give this row latitude and longitude columns',
    };
  } else {
    why = {
      ...code,
      message: "is no commune in INSEE's 2026 list",
      hint: 'check the code (a commune merged since has a new code)',
    };
  }
  return { ok: false, why };
}

/** The headers that could give a position, for "has no position ("b_x", "b_y" empty)". */
function positionColumns({ map, headers }: PlaceContext): string {
  const names = (['lat', 'lon', 'x', 'y', 'point', 'insee', 'arrondissement'] as const)
    .filter((role) => map[role] !== undefined)
    .map((role) => JSON.stringify(headers[map[role] as number]));
  return names.length === 0 ? '' : `${names.join(', ')} empty`;
}

function cellOf(row: InputRow, { map }: PlaceContext, role: Role): string | undefined {
  const index = map[role];
  if (index === undefined) return undefined;
  const text = (row.cells[index] ?? '').trim();
  return text === '' ? undefined : text;
}

/** The row's own coordinates, projected; or why they cannot be read; undefined if none. */
function rowCoordinates(
  row: InputRow,
  context: PlaceContext,
): { position: [number, number]; role: Role | undefined; raw: string } | Complaint | undefined {
  const { project } = context;
  if (row.geometry) {
    return { position: project(...row.geometry), role: undefined, raw: row.geometry.join(', ') };
  }
  const pairs: [Role, Role][] = [
    ['lon', 'lat'],
    ['x', 'y'],
  ];
  for (const [a, b] of pairs) {
    const ra = cellOf(row, context, a);
    const rb = cellOf(row, context, b);
    if (ra === undefined && rb === undefined) continue;
    if (ra === undefined || rb === undefined) {
      return {
        role: ra === undefined ? a : b,
        message: 'is empty while its pair is filled',
        hint: 'fill in both coordinates',
      };
    }
    const na = readNumber(ra);
    const nb = readNumber(rb);
    if (!na.ok) return { role: a, value: ra, ...split(na.why) };
    if (!nb.ok) return { role: b, value: rb, ...split(nb.why) };
    const position =
      a === 'lon' ? ([na.value, nb.value] as [number, number]) : project(na.value, nb.value);
    // As people say them: latitude first for degrees, x first for metres.
    return { position, role: a, raw: a === 'lon' ? `${rb}, ${ra}` : `${ra}, ${rb}` };
  }
  const point = cellOf(row, context, 'point');
  if (point !== undefined) {
    // Opendatasoft's geo_point_2d: "latitude, longitude".
    const m = /^\s*(-?[\d.]+)\s*[,; ]\s*(-?[\d.]+)\s*$/.exec(point);
    if (!m) {
      return {
        role: 'point',
        value: point,
        message: 'is not "latitude, longitude"',
        hint: 'write it as 48.1173, -1.6778',
      };
    }
    return { position: [Number(m[2]), Number(m[1])], role: 'point', raw: point };
  }
  if (row.geometryProblem) return { message: row.geometryProblem };
  return undefined;
}

/** The row's INSEE code, else its arrondissement, with the role it came from. */
function codeOf(
  row: InputRow,
  context: PlaceContext,
): { role: 'insee' | 'arrondissement'; value: string } | undefined {
  for (const role of ['insee', 'arrondissement'] as const) {
    const value = cellOf(row, context, role);
    if (value !== undefined) return { role, value };
  }
  return undefined;
}

/** "is not a number; write it with digits" → message and hint. */
export function split(why: string): { message: string; hint?: string } {
  const at = why.indexOf('; ');
  return at === -1 ? { message: why } : { message: why.slice(0, at), hint: why.slice(at + 2) };
}
