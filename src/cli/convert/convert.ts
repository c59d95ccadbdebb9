/**
 * `pb-feed convert`'s logic, without files or terminals: a table read from CSV or GeoJSON
 * (read.ts) becomes a version-1 pb-map feed, one entry per row, with a report of everything
 * that was fixed, dropped or could not be placed, each with its row number, column and a hint.
 */
import type { PbEdition, PbFeed, PbProgrammeInput, PbSource } from '../../core/feed/model.js';
import { parseFeed } from '../../core/feed/parse.js';
import type { ColumnMap, Role } from './columns.js';
import { matchColumns, parseColumnOptions, ROLES } from './columns.js';
import type { CommuneTable } from './communes.js';
import type { Crs } from './positions.js';
import { findCrs, KNOWN_CRS, projector } from './positions.js';
import { OUTSIDE_FRANCE, placeRow, split, type PlaceContext } from './place.js';
import type { InputRow, InputTable } from './read.js';
import { cut, fold, readAmount, readCount, readNumber, readYear, slug } from './text.js';
import type { Read } from './text.js';

/** Options of `convert`, one per command-line option. */
export interface ConvertOptions {
  /** `--column ROLE=HEADER`, each as written. */
  columns?: readonly string[];
  /** `--crs`: the system of x/y columns (and of a GeoJSON's coordinates). */
  crs?: string;
  title?: string;
  licence?: string;
  /** `--source NAME[=URL]`, already split. */
  sources?: readonly PbSource[];
  /** Default `projects`: one entry per winning project. */
  kind?: 'projects' | 'programmes';
  /** ISO 3166-1 alpha-2; also decides whether positions are checked against France. */
  country?: string;
  currency?: string;
  /** Put before every id, e.g. `rennes-`. */
  idPrefix?: string;
  /**
   * `--group-by`: a role (`insee`, `name`, `id`...) or a header. Rows with the same value there
   * become one entry with one edition per row (year, budget, voters, projects, status).
   */
  groupBy?: string;
  /** The commune table, loaded only when a row needs it. */
  communes?: () => Promise<{ table: CommuneTable; sources: readonly PbSource[] }>;
  /** Called every 10,000 rows and at least once a second on long conversions. */
  onProgress?: (done: number, total: number) => void;
}

/** One thing the converter fixed or left out. */
export interface RowProblem {
  /** Spreadsheet row (header = 1) or GeoJSON feature index; absent for the whole file. */
  row?: number;
  /** The column's header as written in the file. */
  column?: string;
  /** The cell as written (cut to 80 characters). */
  value?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** `row`: the row is not in the feed; `field`: only that value is not; `fixed`: changed and kept. */
  effect: 'row' | 'field' | 'fixed';
}

/** What the conversion did. */
export interface ConvertReport {
  format: 'csv' | 'geojson';
  delimiter?: string;
  /** Rows read (empty rows skipped), and entries written. */
  rows: number;
  written: number;
  /** The header used for each role. */
  columns: Partial<Record<Role, string>>;
  /** How the written entries were placed. */
  placed: { coordinates: number; commune: number; arrondissement: number; group: number };
  problems: RowProblem[];
  /** Things worth knowing that are not problems (the encoding, the CRS used...). */
  notes: string[];
}

/** The outcome: a feed (possibly with problems), or why none could be made. */
export type ConvertResult =
  | { ok: true; feed: PbFeed; report: ConvertReport }
  | { ok: false; error: string; report?: ConvertReport };

const LIMITS = { name: 300, place: 300, status: 200, category: 200, description: 5000, id: 200 };

/** Converts a table read by read.ts into a feed. Never throws for bad input: see the result. */
export async function convert(
  input: InputTable,
  options: ConvertOptions = {},
): Promise<ConvertResult> {
  const { headers, rows } = input;
  const filled = headers.map((_, j) => rows.filter((r) => (r.cells[j] ?? '').trim() !== '').length);
  let map: ColumnMap;
  try {
    map = matchColumns(headers, filled, parseColumnOptions(options.columns ?? [], headers));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const columnList = headers.map((h) => JSON.stringify(h)).join(', ');
  const report: ConvertReport = {
    format: input.format,
    rows: rows.length,
    written: 0,
    columns: Object.fromEntries(
      ROLES.filter((r) => map[r] !== undefined).map((r) => [r, headers[map[r] as number]]),
    ),
    placed: { coordinates: 0, commune: 0, arrondissement: 0, group: 0 },
    problems: [],
    notes: [...input.notes],
  };
  if (input.delimiter !== undefined) report.delimiter = input.delimiter;
  if (rows.length === 0)
    return { ok: false, error: 'the file has no rows under its header', report };
  if (map.name === undefined) {
    return {
      ok: false,
      error: `no column holds the names (looked for ${['nom', 'titre', 'libellé', 'name', 'title'].join(', ')}...); the columns are: ${columnList}. Say which one with --column name="HEADER"`,
      report,
    };
  }

  let groupIndex: number | undefined;
  if (options.groupBy !== undefined) {
    const asRole = map[options.groupBy as Role];
    const byHeader = headers.findIndex((h) => fold(h) === fold(options.groupBy as string));
    groupIndex = asRole ?? (byHeader === -1 ? undefined : byHeader);
    if (groupIndex === undefined) {
      return {
        ok: false,
        error: `--group-by ${options.groupBy}: no such column; the columns are: ${columnList}`,
        report,
      };
    }
  }

  // How rows are placed: coordinates in the row, else a commune code.
  let crs: Crs | undefined;
  const crsName = options.crs ?? input.crs;
  if (crsName !== undefined) {
    crs = findCrs(crsName);
    if (!crs) {
      return {
        ok: false,
        error: `unknown coordinate system "${crsName}"; pb-feed knows EPSG:4326 (degrees), EPSG:2154 (Lambert-93) and EPSG:3857 (Web Mercator)`,
        report,
      };
    }
  }
  const hasXY = map.x !== undefined && map.y !== undefined;
  const hasLatLon = map.lat !== undefined && map.lon !== undefined;
  const hasCode = map.insee !== undefined || map.arrondissement !== undefined;
  const geo = input.format === 'geojson';
  if (!geo && !hasXY && !hasLatLon && map.point === undefined && !hasCode) {
    return {
      ok: false,
      error: `no column gives a position (latitude and longitude, x and y, or an INSEE code); the columns are: ${columnList}. Say which with --column lat=HEADER --column lon=HEADER, --column x=... --column y=... with --crs, or --column insee=HEADER`,
      report,
    };
  }
  if (hasXY && !hasLatLon && !crs) {
    const sample = rows
      .map((r): [string, string] => [
        r.cells[map.x as number] ?? '',
        r.cells[map.y as number] ?? '',
      ])
      .filter(([x, y]) => x.trim() !== '' && y.trim() !== '')
      .map(([x, y]) => [readNumber(x), readNumber(y)]);
    const degrees = sample.every(
      ([x, y]) => x?.ok && y?.ok && Math.abs(x.value) <= 180 && Math.abs(y.value) <= 90,
    );
    if (!degrees) {
      return {
        ok: false,
        error: `the x and y columns (${JSON.stringify(headers[map.x as number])}, ${JSON.stringify(headers[map.y as number])}) hold metres, not degrees: say in which system with --crs EPSG:2154 (Lambert-93, x from about 100,000 to 1,250,000) or --crs EPSG:3857 (Web Mercator, x negative west of Greenwich)`,
        report,
      };
    }
    crs = findCrs('EPSG:4326');
    report.notes.push('x and y read as longitude and latitude in degrees (no --crs given)');
  }
  const project = projector(crs ?? (findCrs('EPSG:4326') as Crs));
  if (crs?.projected) report.notes.push(`coordinates read as ${crs.code}, ${crs.label}`);
  const checkFrance = (options.country ?? 'FR') === 'FR';

  let communes: { table: CommuneTable; sources: readonly PbSource[] } | undefined;
  if (hasCode && options.communes) {
    try {
      communes = await options.communes();
    } catch (error) {
      return { ok: false, error: (error as Error).message, report };
    }
  }

  const placeContext: PlaceContext = {
    headers,
    map,
    project,
    checkFrance,
    ...(crs ? { crs } : {}),
    ...(communes ? { communes: communes.table } : {}),
  };

  const kind = options.kind ?? 'projects';
  const prefix = options.idPrefix ?? '';
  const cellOf = (row: InputRow, role: Role): string | undefined => {
    const index = map[role];
    if (index === undefined) return undefined;
    const text = (row.cells[index] ?? '').trim();
    return text === '' ? undefined : text;
  };
  const problem = (
    row: InputRow,
    role: Role | undefined,
    p: Omit<RowProblem, 'row' | 'column'>,
  ) => {
    const out: RowProblem = { row: row.number, ...p };
    if (role !== undefined && map[role] !== undefined) out.column = headers[map[role] as number];
    if (out.value !== undefined) out.value = cut(out.value, 80).text;
    report.problems.push(out);
  };
  /** A cell read by `reader`; a failure is reported and the field left out. */
  const readCell = <T>(row: InputRow, role: Role, reader: (raw: string) => Read<T>) => {
    const raw = cellOf(row, role);
    if (raw === undefined) return undefined;
    const read = reader(raw);
    if (read.ok) return read.value;
    problem(row, role, { value: raw, effect: 'field', ...split(read.why) });
    return undefined;
  };

  const entries: PbProgrammeInput[] = [];
  /** `--group-by`: the entry of each value, and the row it came from. */
  const groups = new Map<string, { entry: PbProgrammeInput; row: number }>();
  const rowOfId = new Map<string, number>();
  let outsideFrance = 0;
  let positioned = 0;
  let lastProgress = Date.now();
  const noIdColumn = map.id === undefined;
  if (noIdColumn) {
    report.notes.push(
      'no id column: ids are made from the name and year; add an id column so that they stay the same from one update to the next',
    );
  }

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as InputRow;
    if (options.onProgress && (i % 10_000 === 0 || Date.now() - lastProgress > 1000) && i > 0) {
      options.onProgress(i, rows.length);
      lastProgress = Date.now();
    }

    // Position first: a row that cannot be placed is left out, whatever else it holds.
    const outcome = placeRow(row, placeContext);
    if (!outcome.ok) {
      const { role, ...why } = outcome.why;
      problem(row, role, { ...why, effect: 'row' });
      continue;
    }
    const where = outcome.placed;
    report.placed[where.by]++;
    if (where.by === 'coordinates') positioned++;
    if (where.outsideFrance) {
      outsideFrance++;
      const { role, ...why } = where.outsideFrance;
      problem(row, role, { ...why, effect: 'fixed' });
    }

    // Id: as written (made unique), or made from the name.
    const rawName = cellOf(row, 'name');
    const year = readCell(row, 'year', readYear);
    const groupKey = groupIndex === undefined ? '' : (row.cells[groupIndex] ?? '').trim();
    const group = groupKey === '' ? undefined : groups.get(groupKey);
    if (group) {
      addEdition(group, row, year);
      continue;
    }
    let id = cellOf(row, 'id');
    if (id === undefined) {
      id = noIdColumn
        ? slug(`${rawName ?? 'sans-nom'} ${year ?? ''}`) || `row-${row.number}`
        : `row-${row.number}`;
      if (!noIdColumn) {
        problem(row, 'id', {
          message: 'is empty',
          hint: `the entry got the id "${prefix}${id}"; give every row an id`,
          effect: 'fixed',
        });
      }
    }
    id = cut(`${prefix}${id}`, LIMITS.id).text;
    const firstRow = rowOfId.get(id);
    if (firstRow !== undefined) {
      let n = 2;
      while (rowOfId.has(`${id}-${n}`)) n++;
      const unique = `${id}-${n}`;
      if (!noIdColumn) {
        problem(row, 'id', {
          value: cellOf(row, 'id') ?? id,
          message: `repeats the id of row ${firstRow}`,
          hint: `saved as "${unique}"; if this row is the same project at another place, that is fine, else give it its own id`,
          effect: 'fixed',
        });
      }
      id = unique;
    }
    rowOfId.set(id, row.number);

    // Name: as written, or made from the id.
    let name = rawName;
    if (name === undefined) {
      name = `${kind === 'projects' ? 'Projet' : 'Programme'} ${id}`;
      problem(row, 'name', {
        message: 'is empty',
        hint: `the entry is named "${name}"; fill in the name`,
        effect: 'fixed',
      });
    } else {
      name = text(row, 'name', name, LIMITS.name);
    }

    const entry: PbProgrammeInput = { id, name, coordinates: where.position };
    const budget = readCell(row, 'budget', readAmount);
    if (year !== undefined) entry.year = year;
    if (budget !== undefined) {
      if (year !== undefined) entry.budget = budget;
      else {
        problem(row, 'budget', {
          value: cellOf(row, 'budget') as string,
          message: 'has no year beside it, so it cannot be placed in time',
          hint:
            map.year === undefined
              ? 'add a year column (or map one with --column year=HEADER)'
              : 'fill in the year of this row',
          effect: 'field',
        });
      }
    }
    const place = cellOf(row, 'place');
    if (place !== undefined) entry.place = text(row, 'place', place, LIMITS.place);
    else if (where.by !== 'coordinates' && kind === 'programmes') entry.place = where.placeName;
    if (options.country) entry.country = options.country;
    else if (where.by !== 'coordinates') entry.country = 'FR';
    for (const role of ['status', 'category', 'description'] as const) {
      const value = cellOf(row, role);
      if (value !== undefined) entry[role] = text(row, role, value, LIMITS[role]);
    }
    for (const role of ['url', 'image'] as const) {
      const value = cellOf(row, role);
      if (value === undefined) continue;
      if (isHttpUrl(value)) entry[role] = value;
      else {
        problem(row, role, {
          value,
          message: 'is not an http(s) link',
          hint: 'write a full address starting with https://; the entry is kept without it',
          effect: 'field',
        });
      }
    }
    const voters = readCell(row, 'voters', readCount);
    if (voters !== undefined) entry.voters = voters;
    const projects = readCell(row, 'projects', readCount);
    if (projects !== undefined) entry.projects = projects;
    const population = readCell(row, 'population', readCount);
    if (population !== undefined) entry.population = population;
    if (kind === 'programmes' && (where.by === 'commune' || where.by === 'arrondissement')) {
      entry.level = 'commune';
      if (entry.population === undefined && where.commune.population !== undefined) {
        entry.population = where.commune.population;
      }
      const region = communes?.table.regions.get(where.commune.region);
      if (region) entry.region = region;
    }
    entries.push(entry);
    if (groupKey !== '') groups.set(groupKey, { entry, row: row.number });
  }
  options.onProgress?.(rows.length, rows.length);
  for (const { entry } of groups.values()) {
    entry.editions?.sort((a, b) => a.year - b.year);
  }
  const { commune, arrondissement, group } = report.placed;
  const rowsWord = (n: number) => (n === 1 ? '1 row placed at its' : `${n} rows placed at their`);
  if (commune > 0) {
    report.notes.push(`${rowsWord(commune)} commune's centre (from the INSEE code)`);
  }
  if (arrondissement > 0) {
    report.notes.push(`${rowsWord(arrondissement)} arrondissement (no coordinates)`);
  }
  if (group > 0) {
    report.notes.push(
      `${group} ${group === 1 ? 'row' : 'rows'} placed at Paris Centre, code 75123 (the middle of the 1er-4e arrondissements)`,
    );
  }

  if (positioned > 0 && outsideFrance > positioned / 2) {
    // One cause, one message: the rows outside France are not listed one by one.
    report.problems = report.problems.filter((p) => p.message !== OUTSIDE_FRANCE);
    const others = KNOWN_CRS.filter((c) => c.projected && c.code !== crs?.code).map(
      (c) => `--crs ${c.code}`,
    );
    const read = crs ? ` when read as ${crs.code}` : ' (read as degrees)';
    const notFrench = options.country ? '' : ', or the data is not French (say so with --country)';
    return {
      ok: false,
      error: `${outsideFrance} of ${positioned} positions fall outside France${read}: the coordinates are probably in another system (try ${others.join(' or ')}), or latitude and longitude are swapped${notFrench}`,
      report,
    };
  }
  report.written = entries.length;
  if (entries.length === 0) {
    return {
      ok: false,
      error: `none of the ${rows.length} rows could be placed on the map; the problems say why for each`,
      report,
    };
  }

  const sources = [...(options.sources ?? [])];
  if (report.placed.commune + report.placed.arrondissement + report.placed.group > 0 && communes) {
    sources.push(...communes.sources);
  }
  const feed: PbFeed = {
    version: 1,
    ...(options.title ? { title: options.title } : {}),
    ...(options.currency ? { currency: options.currency } : {}),
    ...(options.licence ? { licence: options.licence } : {}),
    kind,
    ...(sources.length > 0 ? { sources } : {}),
    programmes: entries,
  };

  // The feed must read back as written: anything the parser drops is a bug here, said loudly.
  const check = parseFeed(feed);
  if (!check.ok) return { ok: false, error: `internal error: ${check.error.message}`, report };
  for (const p of check.problems) {
    report.problems.push({
      message: `${p.path}: ${p.message}`,
      effect: p.dropped === 'entry' ? 'row' : 'field',
    });
  }
  return { ok: true, feed, report };

  // ---------------------------------------------------------------------------------------
  // Helpers that share the loop's state.

  /** `--group-by`: one more row of a group becomes one more edition of its entry. */
  function addEdition(
    group: { entry: PbProgrammeInput; row: number },
    row: InputRow,
    year: number | undefined,
  ): void {
    const { entry } = group;
    const groupColumn = headers[groupIndex as number];
    if (year === undefined) {
      problem(row, 'year', {
        message: `is empty, so this row cannot be an edition of the entry of row ${group.row} (same ${JSON.stringify(groupColumn)})`,
        hint: 'fill in the year',
        effect: 'row',
      });
      return;
    }
    if (!entry.editions) {
      // The first row's one-year shorthand becomes the first edition.
      entry.editions = [];
      if (entry.year !== undefined) entry.editions.push(editionOf(entry, entry.year));
      delete entry.year;
      delete entry.budget;
      delete entry.voters;
      delete entry.projects;
    }
    const same = entry.editions.find((e) => e.year === year);
    if (same) {
      problem(row, 'year', {
        value: String(year),
        message: `repeats the year of another row grouped with row ${group.row} (same ${JSON.stringify(groupColumn)})`,
        hint: 'keep one row per year and group, or group by another column',
        effect: 'row',
      });
      return;
    }
    const edition: PbEdition = { year };
    const budget = readCell(row, 'budget', readAmount);
    if (budget !== undefined) edition.budget = budget;
    const voters = readCell(row, 'voters', readCount);
    if (voters !== undefined) edition.voters = voters;
    const projects = readCell(row, 'projects', readCount);
    if (projects !== undefined) edition.projects = projects;
    const status = cellOf(row, 'status');
    if (status !== undefined) edition.status = text(row, 'status', status, LIMITS.status);
    entry.editions.push(edition);
  }

  /** Text cut to the feed's limit, reported when cut. */
  function text(row: InputRow, role: Role, value: string, max: number): string {
    const out = cut(value, max);
    if (out.cut) {
      problem(row, role, {
        value,
        message: `is longer than ${max} characters`,
        hint: 'it was cut; shorten it in the file',
        effect: 'fixed',
      });
    }
    return out.text;
  }
}

/** An entry's one-year shorthand as an edition. */
function editionOf(entry: PbProgrammeInput, year: number): PbEdition {
  const edition: PbEdition = { year };
  if (entry.budget !== undefined) edition.budget = entry.budget;
  if (entry.voters !== undefined) edition.voters = entry.voters;
  if (entry.projects !== undefined) edition.projects = entry.projects;
  if (entry.status !== undefined) edition.status = entry.status;
  return edition;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || value.length > 2000) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** One problem as a line: `row 14, column "Budget": "environ 3000" is not an amount; write digits...`. */
export function describeProblem(p: RowProblem, format: 'csv' | 'geojson' = 'csv'): string {
  const where = [
    p.row === undefined ? undefined : format === 'geojson' ? `feature ${p.row}` : `row ${p.row}`,
    p.column === undefined ? undefined : `column ${JSON.stringify(p.column)}`,
  ]
    .filter((s) => s !== undefined)
    .join(', ');
  const value = p.value === undefined ? '' : `${JSON.stringify(p.value)} `;
  const effect = { row: ' (row left out)', field: ' (value left out)', fixed: '' }[p.effect];
  return `${where}${where ? ': ' : ''}${value}${p.message}${p.hint ? `; ${p.hint}` : ''}${effect}`;
}
