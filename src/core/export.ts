/**
 * What a reader takes away from a map: the programmes of a selection as a spreadsheet (CSV) or
 * as GeoJSON, each carrying the feed's licence and sources. Pure and DOM-free: the elements turn
 * the strings into files (docs/export.md says what is in them and why).
 *
 * Feed text is hostile by assumption: in CSV, a text cell that a spreadsheet would read as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
 * apostrophe (OWASP's advice against CSV injection); every cell holding the separator, a quote or
 * a line break is quoted, quotes doubled (RFC 4180). GeoJSON is written by `JSON.stringify`.
 */
import type { Feed, PbSource } from './feed/model.js';
import { matchingYears, type Filter, type FilterIndex, type Selection } from './filter.js';
import { httpUrl } from './http-url.js';

/** One exported programme (or project): what the list shows of it, and where it is. */
export interface ExportRow {
  id: string;
  name: string;
  place?: string;
  region?: string;
  /** ISO 3166-1 alpha-2, as in the feed. */
  country?: string;
  level?: Feed['programmes'][number]['level'];
  /** Years of its editions that match the filter, increasing (see `matchingYears`). */
  years: number[];
  /** Its figure under the filter (`Selection.figures`); undefined when unknown. */
  budget?: number;
  /** `budget / population`, rounded to the cent; undefined when either is unknown. */
  perInhabitant?: number;
  population?: number;
  /** [longitude, latitude], WGS84. */
  coordinates: [number, number];
  /** Its site, when the feed gives an http(s) one. */
  url?: string;
}

/** Where an export comes from, written into every file. */
export interface ExportMeta {
  title?: string;
  /** The feed's own date of update, YYYY-MM-DD. */
  updated?: string;
  licence?: string;
  sources: readonly PbSource[];
  currency: string;
  kind: Feed['kind'];
  /** The feed's address (http(s) only are kept). */
  feedUrl?: string;
  /** The filter in force. */
  filter: Filter;
  /** `view`: only the programmes inside the map's view (`bounds`); `selection`: all it keeps. */
  scope: 'selection' | 'view';
  /** [west, south, east, north] of the view, for `scope: 'view'`. */
  bounds?: [number, number, number, number];
  /** When the export was made, as an ISO date (YYYY-MM-DD). */
  exported: string;
}

/**
 * The rows of an export: programmes at `positions` of the selection (positions in
 * `selection.indices`, e.g. a list's order), in that order.
 */
export function exportRows(
  index: FilterIndex,
  selection: Selection,
  filter: Filter,
  positions: ArrayLike<number>,
): ExportRow[] {
  const rows: ExportRow[] = [];
  for (let k = 0; k < positions.length; k++) {
    const r = positions[k]!;
    const i = selection.indices[r];
    if (i === undefined) continue;
    const p = index.programmes[i]!;
    const figure = selection.figures[r]!;
    const row: ExportRow = {
      id: p.id,
      name: p.name,
      years: matchingYears(index, i, filter),
      coordinates: [p.coordinates[0], p.coordinates[1]],
    };
    if (p.place !== undefined) row.place = p.place;
    if (p.region !== undefined) row.region = p.region;
    if (p.country !== undefined) row.country = p.country;
    if (p.level !== undefined) row.level = p.level;
    if (figure === figure) row.budget = figure;
    if (p.population !== undefined) row.population = p.population;
    if (figure === figure && p.population !== undefined && p.population > 0) {
      row.perInhabitant = Math.round((figure / p.population) * 100) / 100;
    }
    const url = httpUrl(p.url);
    if (url) row.url = url;
    rows.push(row);
  }
  return rows;
}

/** The words and number conventions of a CSV file, in the reader's language. */
export interface CsvOptions {
  /** `;` where the decimal separator is a comma (French, Spanish, Portuguese), else `,`. */
  separator: ';' | ',';
  /** The decimal separator spreadsheets of that language read. */
  decimal: ',' | '.';
  /** Column headings, in {@link CSV_COLUMNS} order. */
  headings: Record<CsvColumn, string>;
  /** A level's name (`commune` → "Commune"). */
  levelName: (level: NonNullable<ExportRow['level']>) => string;
  /** The `source` column: where the rows come from, e.g. "Budgets en Bretagne, 2026-11-01, https://…". */
  citation: string;
  /** The `licence` column when the feed names none. */
  noLicence: string;
}

/** The columns of the CSV file, in order. */
export const CSV_COLUMNS = [
  'id',
  'name',
  'place',
  'region',
  'country',
  'level',
  'years',
  'budget',
  'perInhabitant',
  'population',
  'longitude',
  'latitude',
  'url',
  'licence',
  'source',
] as const;

/** One column of the CSV file. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Starts of a cell that a spreadsheet reads as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One text cell: an apostrophe before what a spreadsheet would read as a formula, then quoted
 * when it holds the separator, a quote or a line break (quotes doubled).
 *
 * @example
 * csvText('=HYPERLINK("x")', ';'); // → '"\'=HYPERLINK(""x"")"'
 */
export function csvText(value: string | undefined, separator: string): string {
  if (value === undefined || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One number cell, in plain digits (no grouping) with the language's decimal separator. */
export function csvNumber(value: number | undefined, decimal: ',' | '.'): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const text = String(value);
  // Exponent forms (1e21 and above, tiny values) are not amounts a feed holds: written as is.
  return decimal === ',' ? text.replace('.', ',') : text;
}

/**
 * The rows as a CSV file for spreadsheets: a byte order mark (so that Excel reads UTF-8), one
 * heading line, one line per row, lines ending in CRLF (RFC 4180). The last two columns carry the
 * feed's licence and a citation of the feed on every line, so that a line copied elsewhere keeps
 * them. Amounts are in the feed's currency, unformatted (no grouping, no currency sign).
 */
export function toCsv(rows: readonly ExportRow[], meta: ExportMeta, o: CsvOptions): string {
  const sep = o.separator;
  const text = (value: string | undefined) => csvText(value, sep);
  const num = (value: number | undefined) => csvNumber(value, o.decimal);
  const licence = text(meta.licence ?? o.noLicence);
  const citation = text(o.citation);
  const lines = [CSV_COLUMNS.map((c) => text(o.headings[c])).join(sep)];
  for (const row of rows) {
    lines.push(
      [
        text(row.id),
        text(row.name),
        text(row.place),
        text(row.region),
        text(row.country),
        text(row.level && o.levelName(row.level)),
        text(row.years.join(', ')),
        num(row.budget),
        num(row.perInhabitant),
        num(row.population),
        num(row.coordinates[0]),
        num(row.coordinates[1]),
        text(row.url),
        licence,
        citation,
      ].join(sep),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * The feed's sources as a small CSV file beside the table (name, address), with the same
 * conventions as {@link toCsv}: the table carries a short citation on every line, this file the
 * whole list, which may be long (the sample feed names 161 sources).
 */
export function sourcesCsv(
  meta: ExportMeta,
  o: Pick<CsvOptions, 'separator'> & { headings: [string, string] },
): string {
  const text = (value: string | undefined) => csvText(value, o.separator);
  const lines = [o.headings.map(text).join(o.separator)];
  for (const source of meta.sources) {
    lines.push([text(source.name), text(httpUrl(source.url))].join(o.separator));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The filter as JSON can write it: open ends (`Infinity`) as `null`, unconstrained fields left out. */
export function filterJson(filter: Filter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (filter.years) out['years'] = [...filter.years];
  if (filter.budget) {
    out['budget'] = filter.budget.map((v) => (Number.isFinite(v) ? v : null));
    out['budgetPer'] = filter.budgetPer ?? 'total';
  }
  if (filter.levels?.length) out['levels'] = [...filter.levels];
  if (filter.regions?.length) out['regions'] = [...filter.regions];
  if (filter.countries?.length) out['countries'] = [...filter.countries];
  if (filter.q?.trim()) out['q'] = filter.q.trim();
  return out;
}

/**
 * The rows as a GeoJSON FeatureCollection (RFC 7946): one Point per row, its figures as
 * properties (unknown ones `null`, names in English, amounts in the feed's currency), and, as
 * top-level foreign members, where the data comes from and what was kept: `title`, `updated`,
 * `licence`, `sources`, `currency`, `kind`, `source` (the feed's address), `exported`, `filter`
 * (with `scope`, and `bounds` for a view).
 */
export function toGeoJson(rows: readonly ExportRow[], meta: ExportMeta): string {
  const filter: Record<string, unknown> = { ...filterJson(meta.filter), scope: meta.scope };
  if (meta.scope === 'view' && meta.bounds) filter['bounds'] = [...meta.bounds];
  const collection = {
    type: 'FeatureCollection',
    title: meta.title ?? null,
    updated: meta.updated ?? null,
    licence: meta.licence ?? null,
    sources: meta.sources.map((s) => ({ name: s.name, url: httpUrl(s.url) ?? null })),
    currency: meta.currency,
    kind: meta.kind,
    source: httpUrl(meta.feedUrl) ?? null,
    exported: meta.exported,
    filter,
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.id,
      geometry: { type: 'Point', coordinates: [...row.coordinates] },
      properties: {
        id: row.id,
        name: row.name,
        place: row.place ?? null,
        region: row.region ?? null,
        country: row.country ?? null,
        level: row.level ?? null,
        years: row.years,
        budget: row.budget ?? null,
        perInhabitant: row.perInhabitant ?? null,
        population: row.population ?? null,
        url: row.url ?? null,
      },
    })),
  };
  return `${JSON.stringify(collection)}\n`;
}

/** A local date as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A file name: `stem-YYYY-MM-DD[-suffix].extension`, e.g. `budgets-participatifs-2026-12-02.csv`.
 * The stem and suffix are the caller's words, reduced to lower-case ASCII letters, digits and
 * dashes.
 */
export function exportFileName(
  stem: string,
  date: Date,
  extension: string,
  suffix?: string,
): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const tail = suffix ? `-${slug(suffix)}` : '';
  return `${slug(stem) || 'export'}-${isoDate(date)}${tail}.${extension}`;
}
