/**
 * A spreadsheet (CSV) or a GeoJSON FeatureCollection read into one shape: headers and rows of
 * text cells, each row with the number people see it under (the spreadsheet's row number,
 * the header being row 1; for GeoJSON the feature's index in `features`).
 */
import Papa from 'papaparse';

/** One row of the input. */
export interface InputRow {
  /** The spreadsheet row number (header = 1), or the feature's index for GeoJSON. */
  number: number;
  /** The cells, one per header, as text ('' when empty). */
  cells: string[];
  /** GeoJSON: the Point's first two coordinates, when the feature has a Point geometry. */
  geometry?: [number, number];
  /** GeoJSON: why the geometry could not be used (not a Point...), when it has one. */
  geometryProblem?: string;
}

/** The input as a table. */
export interface InputTable {
  format: 'csv' | 'geojson';
  headers: string[];
  rows: InputRow[];
  /** CSV: the separator found. */
  delimiter?: string;
  /** GeoJSON: the coordinate system its `crs` member names, if any (old GeoJSON). */
  crs?: string;
  /** Things worth saying about the reading itself (encoding, quotes...). */
  notes: string[];
}

/** Why an input could not be read at all. */
export class InputError extends Error {}

/**
 * Decodes a file's bytes: UTF-8 (a byte-order mark is dropped), or Windows-1252 when the bytes
 * are not UTF-8, which is what Excel on Windows saves as "CSV" (said in `notes`).
 */
export function decode(bytes: Uint8Array, notes: string[]): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    notes.push(
      'the file is not UTF-8: read as Windows-1252 (what Excel saves as "CSV"); check the accents, or save it as "CSV UTF-8"',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads CSV or GeoJSON text, told apart by their first character. */
export function readTable(text: string, notes: string[] = []): InputTable {
  const start = text.trimStart();
  if (start === '') throw new InputError('the file is empty');
  if (start.startsWith('{') || start.startsWith('[')) return readGeoJSON(start, notes);
  return readCsv(text, notes);
}

/**
 * CSV with `,`, `;`, a tab or `|` between cells (see `guessDelimiter`), cells in double quotes
 * when they hold the separator or line breaks. A record spanning several lines is one row.
 */
export function readCsv(text: string, notes: string[] = []): InputTable {
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(text),
  });
  const records = parsed.data;
  // A file ending with a line break gives one last empty record: not a row.
  while (records.length > 0 && isEmpty(records[records.length - 1] as string[])) records.pop();
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === '')) {
    throw new InputError('the first line should name the columns, and it is empty');
  }
  for (const error of parsed.errors.slice(0, 5)) {
    const row = error.row === undefined ? '' : `row ${error.row + 1}: `;
    notes.push(`${row}${error.message} (check the double quotes around that cell)`);
  }
  const headers = header.map((h) => h.trim());
  const rows: InputRow[] = [];
  body.forEach((cells, i) => {
    if (isEmpty(cells)) return;
    const row = headers.map((_, j) => cells[j] ?? '');
    rows.push({ number: i + 2, cells: row });
  });
  return { format: 'csv', headers, rows, delimiter: parsed.meta.delimiter, notes };
}

/**
 * The separator of a CSV, from its first line (the header), outside double quotes: the most
 * frequent of `;`, `,`, tab and `|` (`;` when `;` and `,` tie: French spreadsheets use `,` in
 * decimals). Papaparse's own guess needs several rows that agree, and fails on a file of one
 * row.
 */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best = ',';
  for (const [delimiter, n] of counts) if (n > (counts.get(best) as number)) best = delimiter;
  const semicolons = counts.get(';') as number;
  return semicolons > 0 && semicolons === counts.get(best) ? ';' : best;
}

function isEmpty(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * A GeoJSON FeatureCollection: its properties become the columns (in order of appearance),
 * a Point geometry the position; other geometries are reported per feature.
 */
export function readGeoJSON(text: string, notes: string[] = []): InputTable {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `the file starts like JSON but is not valid JSON: ${(error as Error).message}`,
    );
  }
  const collection = value as { type?: unknown; features?: unknown; crs?: unknown };
  if (
    typeof value !== 'object' ||
    value === null ||
    collection.type !== 'FeatureCollection' ||
    !Array.isArray(collection.features)
  ) {
    throw new InputError(
      'the JSON is not a GeoJSON FeatureCollection (with "type": "FeatureCollection" and a "features" list); a pb-map feed needs no conversion: check it with pb-feed validate',
    );
  }
  const headers: string[] = [];
  const seen = new Map<string, number>();
  const features = collection.features as unknown[];
  for (const feature of features) {
    const props = (feature as { properties?: unknown } | null)?.properties;
    if (typeof props !== 'object' || props === null) continue;
    for (const key of Object.keys(props)) {
      if (!seen.has(key)) {
        seen.set(key, headers.length);
        headers.push(key);
      }
    }
  }
  const hasId = features.some((f) => isId((f as { id?: unknown } | null)?.id));
  const idColumn = hasId && !seen.has('id') ? headers.push('id') - 1 : undefined;
  const rows = features.map((feature, number): InputRow => {
    const f = (feature ?? {}) as { properties?: unknown; geometry?: unknown; id?: unknown };
    const cells = headers.map(() => '');
    const props = typeof f.properties === 'object' && f.properties !== null ? f.properties : {};
    for (const [key, v] of Object.entries(props)) {
      cells[seen.get(key) as number] = cellText(v);
    }
    if (idColumn !== undefined && isId(f.id)) cells[idColumn] = String(f.id);
    const row: InputRow = { number, cells };
    const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (geometry !== null && geometry !== undefined) {
      const c = geometry.coordinates;
      if (geometry.type !== 'Point') {
        row.geometryProblem = `its geometry is a ${String(geometry.type)}, not a Point; put a point at the centre of the area`;
      } else if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
        row.geometry = [c[0], c[1]];
      } else {
        row.geometryProblem = 'its Point has no two numbers as coordinates';
      }
    }
    return row;
  });
  const crs = (collection.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  const table: InputTable = { format: 'geojson', headers, rows, notes };
  if (typeof crs === 'string') table.crs = crs;
  return table;
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value.trim() !== '') || Number.isFinite(value);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * A JSON number as a cell that the readers of text.ts (made for what people type) read back as
 * that number: without an exponent (`1e+21`, `1.5e-7`), and never with exactly three decimals,
 * which they take for a thousands group (`2.125` is written `2.1250`).
 */
function numberText(value: number): string {
  let text = String(value);
  if (Number.isFinite(value) && /e/.test(text)) {
    text = Number.isInteger(value) ? BigInt(value).toString() : value.toFixed(20);
  }
  return /\.\d{3}$/.test(text) ? `${text}0` : text;
}
