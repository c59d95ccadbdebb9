/**
 * Property-based tests of `pb-feed convert`'s reading and conversion (fast-check): any CSV text
 * is read or refused with a message, never crashes and never hangs; and for generated
 * spreadsheets with some rows corrupted on purpose, every valid row becomes an entry with its
 * values, every corrupted row is reported under its spreadsheet row number and column, and no
 * row is lost without a word (entries + rows left out = data rows).
 *
 * The oracle is written from docs/pb-feed.md, not from the converter: each generated row
 * carries the entry it should become and the problem it should raise. Seeds are random on each
 * run; a failure prints the seed and path to replay it (`fc.assert(..., { seed, path })`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed/parse.js';
import { convert, type ConvertResult } from '../../src/cli/convert/convert.js';
import { decode, InputError, readTable, type InputTable } from '../../src/cli/convert/read.js';

/** Runs per property; the figures in docs/reliability.md follow from these. */
const RUNS = { csv: 5000, columns: 4000, json: 2000, rows: 3000, geojson: 1500 };
/** Longest one read + conversion may take. */
const BUDGET_MS = 2000;
/** Vitest's limit for one property (all its runs); its default of 5 s is too short on 2 cores. */
const TIMEOUT_MS = 60_000;

/** Reads and converts the bytes as `pb-feed convert` does; undefined when refused as input. */
async function run(
  text: string,
): Promise<{ table: InputTable; result: ConvertResult } | undefined> {
  const start = performance.now();
  const notes: string[] = [];
  let table: InputTable;
  try {
    table = readTable(decode(new TextEncoder().encode(text), notes), notes);
  } catch (error) {
    // The documented usage error: the file cannot be read at all, said in a message.
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.length).toBeGreaterThan(0);
    return undefined;
  }
  const result = await convert(table, {});
  expect(performance.now() - start, 'one conversion took too long').toBeLessThan(BUDGET_MS);
  expectAccounted(table, result);
  return { table, result };
}

/** No row lost without a word, and what is written reads back clean. */
function expectAccounted(table: InputTable, result: ConvertResult): void {
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(0);
    return;
  }
  const { feed, report } = result;
  const left = new Set(report.problems.filter((p) => p.effect === 'row').map((p) => p.row));
  expect(left.has(undefined), 'a row left out without its row number').toBe(false);
  expect(feed.programmes.length + left.size).toBe(table.rows.length);
  expect(report.written).toBe(feed.programmes.length);
  // The feed as written must not lose anything when pb-map reads it.
  const back = parseFeed(JSON.stringify(feed));
  expect(back.ok && back.problems).toEqual([]);
  expect(back.ok && back.feed.programmes.length).toBe(feed.programmes.length);
}

// ---------------------------------------------------------------------------------------------
// Any text

const nasty = fc.constantFrom(
  '"',
  '""',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r\n',
  '\r',
  '\ufeff',
  '=1+1',
  '=HYPERLINK("javascript:alert(1)")',
  '+33 1',
  '-1e999',
  '1e999',
  '9'.repeat(400),
  '48,85',
  '2.35',
  '1 500 000,50 €',
  '2019',
  ' ',
  '{',
  '<',
);
const cellish = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), nasty);
/** Known headers, so that conversions get past the column matching sometimes. */
const headerish = fc.oneof(
  fc.constantFrom(
    'id',
    'nom',
    'annee',
    'budget',
    'lat',
    'lon',
    'latitude',
    'longitude',
    'x',
    'y',
    'geo_point_2d',
    'code insee',
    'statut',
    'lien',
    'photo',
    'votants',
  ),
  cellish,
);

describe('pb-feed convert on arbitrary text', () => {
  it(
    'reads or refuses any text with a message, and converts what it reads in bounded time',
    async () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(cellish, { maxLength: 60 }).map((parts) => parts.join('')),
      );
      await fc.assert(
        fc.asyncProperty(text, async (t) => {
          await run(t);
        }),
        { numRuns: RUNS.csv },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'converts spreadsheets of random cells under known headers without losing a row silently',
    async () => {
      const sheet = fc
        .tuple(
          fc.array(headerish, { minLength: 1, maxLength: 8 }),
          fc.array(fc.array(cellish, { maxLength: 9 }), { maxLength: 12 }),
          fc.constantFrom(',', ';'),
          fc.constantFrom('\n', '\r\n'),
          fc.boolean(),
        )
        .map(([headers, rows, sep, eol, bom]) => {
          const lines = [headers, ...rows].map((r) => r.map((c) => quote(c, sep)).join(sep));
          return `${bom ? '\ufeff' : ''}${lines.join(eol)}`;
        });
      await fc.assert(
        fc.asyncProperty(sheet, async (t) => {
          await run(t);
        }),
        { numRuns: RUNS.columns },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'reads or refuses any JSON value as GeoJSON input',
    async () => {
      const json = fc.oneof(
        fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
        fc
          .array(
            fc.record(
              {
                type: fc.constantFrom('Feature', 'feature', 1),
                id: fc.oneof(fc.string(), fc.integer(), fc.double()),
                geometry: fc.oneof(
                  fc.constant(null),
                  fc.record({
                    type: fc.constantFrom('Point', 'Polygon', 'point'),
                    coordinates: fc.oneof(
                      fc.tuple(fc.double(), fc.double()),
                      fc.tuple(
                        fc.double({ min: -5, max: 9, noNaN: true }),
                        fc.double({ min: 42, max: 51, noNaN: true }),
                      ),
                      fc.jsonValue({ maxDepth: 2 }),
                    ),
                  }),
                ),
                properties: fc.oneof(
                  fc.dictionary(headerish, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
                  fc.jsonValue({ maxDepth: 2 }),
                ),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 8 },
          )
          .map((features) => JSON.stringify({ type: 'FeatureCollection', features })),
      );
      await fc.assert(
        fc.asyncProperty(json, async (t) => {
          await run(t);
        }),
        { numRuns: RUNS.json },
      );
    },
    TIMEOUT_MS,
  );
});

/** A cell as a spreadsheet writes it: in double quotes when it holds a quote, `sep` or a line break. */
function quote(cell: string, sep: string): string {
  return /["\r\n]/.test(cell) || cell.includes(sep) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

// ---------------------------------------------------------------------------------------------
// Generated spreadsheets with corrupted rows: the oracle

const HEADERS = ['id', 'nom', 'annee', 'budget', 'latitude', 'longitude'] as const;
type Header = (typeof HEADERS)[number];

/** One data row: its cells, what it must become, and what must be reported about it. */
interface RowCase {
  cells: Record<Header, string>;
  /** The entry it becomes; undefined when the row must be left out. */
  expected?: {
    id: string;
    name: string;
    coordinates: [number, number];
    year?: number;
    budget?: number;
  };
  /** The problems it must raise: column and effect. */
  reports: { column: Header; effect: 'row' | 'field' | 'fixed' }[];
  what: string;
}

/** A decimal with `decimals` digits, from an integer count of its smallest unit. */
function decimal(units: number, decimals: number, comma: boolean): { text: string; value: number } {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  const dot = `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${frac}` : ''}`;
  return { text: comma ? dot.replace('.', ',') : dot, value: Number(dot) };
}

const latitude = fc
  .tuple(fc.integer({ min: 42_000_000, max: 51_000_000 }), fc.integer({ min: 1, max: 6 }))
  .map(([micro, d]) => ({ micro, d }));
const longitude = fc
  .tuple(fc.integer({ min: -4_500_000, max: 7_500_000 }), fc.integer({ min: 1, max: 6 }))
  .map(([micro, d]) => ({ micro, d }));

/** An amount written the ways people write them (docs/pb-feed.md), with its value. */
const amountCell = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 2_000_000_000 })),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom('plain', 'comma', 'dot', 'spaces', 'english', 'french-dots'),
    fc.constantFrom(' ', '\u00a0', '\u202f'),
    fc.constantFrom('', ' €', '€', ' EUR'),
  )
  .map(([n, c, style, space, unit]) => {
    const cc = String(c).padStart(2, '0');
    const group = (sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const text = {
      plain: `${n}`,
      comma: `${n},${cc}`,
      dot: `${n}.${cc}`,
      spaces: `${group(space)},${cc}`,
      english: `${group(',')}.${cc}`,
      'french-dots': `${group('.')},${cc}`,
    }[style];
    const value = style === 'plain' ? n : Number(`${n}.${cc}`);
    return { text: `${text}${unit}`, value };
  });

/** A year written as people write them, with its value. */
const yearCell = fc
  .tuple(fc.integer({ min: 1980, max: 2100 }), fc.constantFrom('plain', 'float', 'bp', 'date'))
  .map(([y, style]) => ({
    text: { plain: `${y}`, float: `${y}.0`, bp: `BP ${y}`, date: `01/05/${y}` }[style],
    value: y,
  }));

/** A name: any text that is not blank, with separators, quotes, line breaks and formulas. */
const nameCell = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    fc
      .array(fc.oneof(fc.string({ maxLength: 8 }), nasty), { minLength: 1, maxLength: 6 })
      .map((p) => p.join('')),
  )
  .filter((s) => s.trim() !== '' && Array.from(s).length <= 300); // longer ones are cut

const validRow = fc.record({
  name: nameCell,
  year: fc.option(yearCell, { freq: 5 }),
  budget: fc.option(amountCell, { freq: 5 }),
  lat: latitude,
  lon: longitude,
  comma: fc.boolean(),
});

const CORRUPTIONS = [
  'bad amount',
  'bad year',
  'bad latitude',
  'bad longitude',
  'empty name',
  'empty id',
  'duplicate id',
] as const;

interface Sheet {
  text: string;
  rows: (RowCase & { number: number })[];
  /** Data rows (blank ones not counted). */
  dataRows: number;
}

const sheets = fc
  .record({
    rows: fc.array(
      fc.record({
        valid: validRow,
        corruption: fc.option(fc.constantFrom(...CORRUPTIONS), { freq: 3 }),
        pick: fc.nat(),
        blankBefore: fc.option(fc.constantFrom('', ' ', 'sep', 'seps'), { freq: 8 }),
      }),
      { minLength: 1, maxLength: 15 },
    ),
    sep: fc.constantFrom(',', ';'),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    trailing: fc.boolean(),
    order: fc.shuffledSubarray([...HEADERS], { minLength: HEADERS.length }),
  })
  .map(({ rows, sep, eol, bom, trailing, order }): Sheet => {
    const lines: string[] = [order.join(sep)];
    const out: Sheet['rows'] = [];
    /** Kept ids and how many times each was used, for `ID-2`, `ID-3`... */
    const used = new Map<string, number>();
    rows.forEach(({ valid, corruption, pick }, i) => {
      const blank = rows[i]?.blankBefore;
      if (typeof blank === 'string') {
        lines.push(blank === 'sep' ? sep : blank === 'seps' ? sep.repeat(5) : blank);
      }
      const number = lines.length + 1; // the spreadsheet's row (header = 1)
      const id = `P${i}_${pick % 997}`;
      const degrees = ({ micro, d }: { micro: number; d: number }) =>
        decimal(Math.trunc(micro / 10 ** (6 - d)), d, valid.comma);
      const lat = degrees(valid.lat);
      const lon = degrees(valid.lon);
      const cells: Record<Header, string> = {
        id,
        nom: valid.name,
        annee: valid.year?.text ?? '',
        budget: valid.budget?.text ?? '',
        latitude: lat.text,
        longitude: lon.text,
      };
      const c: RowCase = {
        cells,
        expected: { id, name: valid.name.trim(), coordinates: [lon.value, lat.value] },
        reports: [],
        what: corruption ?? 'valid',
      };
      const e = c.expected as NonNullable<RowCase['expected']>;
      if (valid.year) e.year = valid.year.value;
      if (valid.budget) {
        if (valid.year) e.budget = valid.budget.value;
        else c.reports.push({ column: 'budget', effect: 'field' }); // a budget without a year
      }
      switch (corruption) {
        case 'bad amount':
          cells.budget = pickOf(
            ['environ 3000', '-500', '1.500', '12,345', 'abc', '€', '1e999', '9'.repeat(400)],
            pick,
          );
          delete e.budget;
          c.reports = [{ column: 'budget', effect: 'field' }];
          break;
        case 'bad year':
          cells.annee = pickOf(['vingt', '1850', '3000', '2019 et 2020', '20', 'NaN'], pick);
          delete e.year;
          delete e.budget;
          c.reports = [{ column: 'annee', effect: 'field' }];
          if (valid.budget) c.reports.push({ column: 'budget', effect: 'field' });
          break;
        case 'bad latitude':
          cells.latitude = pickOf(['abc', '123', '-90.5', '1e999', '48.1.2', ''], pick);
          c.expected = undefined;
          c.reports = [{ column: 'latitude', effect: 'row' }];
          break;
        case 'bad longitude':
          cells.longitude = pickOf(['x', '200', '-1e999', '2,35,1', ''], pick);
          c.expected = undefined;
          c.reports = [{ column: 'longitude', effect: 'row' }];
          break;
        case 'empty name':
          cells.nom = pickOf(['', '  ', '\t'], pick);
          c.reports.push({ column: 'nom', effect: 'fixed' });
          break;
        case 'empty id':
          cells.id = pickOf(['', ' '], pick);
          c.reports.push({ column: 'id', effect: 'fixed' });
          e.id = `row-${number}`;
          break;
        case 'duplicate id': {
          const earlier = [...used.keys()];
          if (earlier.length === 0) break;
          cells.id = pickOf(earlier, pick);
          c.reports.push({ column: 'id', effect: 'fixed' });
          break;
        }
      }
      if (c.expected && corruption !== 'empty id') {
        const n = (used.get(cells.id) ?? 0) + 1;
        used.set(cells.id, n);
        if (n > 1) e.id = `${cells.id}-${n}`;
      }
      if (c.expected && corruption === 'empty name') e.name = `Projet ${e.id}`;
      lines.push(order.map((h) => quote(cells[h], sep)).join(sep));
      out.push({ ...c, number });
    });
    const text = `${bom ? '\ufeff' : ''}${lines.join(eol)}${trailing ? eol : ''}`;
    return { text, rows: out, dataRows: rows.length };
  });

const pickOf = <T>(list: readonly T[], pick: number): T => list[pick % list.length] as T;

describe('pb-feed convert on spreadsheets with corrupted rows', () => {
  it(
    'turns every valid row into its entry and reports every corrupted row at its row and column',
    async () => {
      await fc.assert(
        fc.asyncProperty(sheets, async (sheet) => {
          const read = await run(sheet.text);
          if (!read) throw new Error('the spreadsheet was refused');
          const { table, result } = read;
          expect(table.rows.length).toBe(sheet.dataRows);
          const kept = sheet.rows.filter((r) => r.expected);
          if (kept.length === 0) {
            expect(result.ok).toBe(false);
            return;
          }
          if (!result.ok) throw new Error(`refused: ${result.error}`);
          expect(result.feed.programmes).toEqual(kept.map((r) => r.expected));
          const { problems } = result.report;
          for (const row of sheet.rows) {
            const mine = problems.filter((p) => p.row === row.number);
            const said = JSON.stringify(mine.map((p) => [p.column, p.effect, p.message]));
            for (const want of row.reports) {
              const found = mine.some((p) => p.column === want.column && p.effect === want.effect);
              expect(
                found,
                `row ${row.number} (${row.what}): ${JSON.stringify(want)} in ${said}`,
              ).toBe(true);
            }
            expect(mine.length, `row ${row.number} (${row.what}): only ${said}`).toBe(
              row.reports.length,
            );
          }
          // Every problem names a row of the sheet.
          for (const p of problems) expect(sheet.rows.some((r) => r.number === p.row)).toBe(true);
        }),
        { numRuns: RUNS.rows },
      );
    },
    TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------
// GeoJSON with numbers: a JSON number is exact, whatever its digits

describe('pb-feed convert on GeoJSON features with numeric properties', () => {
  /** One feature: its properties as numbers, what it must become, what must be reported. */
  const feature = fc.record({
    name: nameCell,
    year: fc.integer({ min: 1980, max: 2100 }),
    budget: fc.oneof(
      fc.double({ min: 0, max: 1e12, noNaN: true }).map((x) => x + 0),
      fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1000), // three decimals: 2.125
      fc.constantFrom(0, 1.5e-7, 5e-324, 1e20),
    ),
    voters: fc.nat(),
    lon: fc.double({ min: -4.5, max: 7.5, noNaN: true }).map((x) => x + 0),
    lat: fc.double({ min: 42, max: 51, noNaN: true }),
    corruption: fc.option(
      fc.constantFrom('polygon', 'no geometry', 'negative budget', 'bad year', 'no name'),
      { freq: 3 },
    ),
  });

  it(
    'turns every feature into its entry, amounts to the cent, and reports the others',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(feature, { minLength: 1, maxLength: 10 }), async (list) => {
          const features = list.map((f, i) => {
            const properties: Record<string, unknown> = {
              nom: f.name,
              annee: f.year,
              budget: f.budget,
              votants: f.voters,
            };
            let geometry: unknown = { type: 'Point', coordinates: [f.lon, f.lat] };
            if (f.corruption === 'polygon') geometry = { type: 'Polygon', coordinates: [] };
            if (f.corruption === 'no geometry') geometry = null;
            if (f.corruption === 'negative budget') properties.budget = -f.budget - 1;
            if (f.corruption === 'bad year') properties.annee = 1850;
            if (f.corruption === 'no name') properties.nom = '';
            return { type: 'Feature', id: `f${i}`, geometry, properties };
          });
          const read = await run(JSON.stringify({ type: 'FeatureCollection', features }));
          if (!read) throw new Error('the GeoJSON was refused');
          const { result } = read;
          const kept = list.flatMap((f, i) => {
            if (f.corruption === 'polygon' || f.corruption === 'no geometry') return [];
            const e: Record<string, unknown> = {
              id: `f${i}`,
              name: f.corruption === 'no name' ? `Projet f${i}` : f.name.trim(),
              coordinates: [f.lon, f.lat],
              voters: f.voters,
            };
            if (f.corruption !== 'bad year') {
              e.year = f.year;
              // Kept to the cent (docs/pb-feed.md).
              if (f.corruption !== 'negative budget') e.budget = Math.round(f.budget * 100) / 100;
            }
            return [e];
          });
          if (kept.length === 0) {
            expect(result.ok).toBe(false);
            return;
          }
          if (!result.ok) throw new Error(`refused: ${result.error}`);
          expect(result.feed.programmes).toEqual(kept);
          list.forEach((f, i) => {
            const mine = result.report.problems.filter((p) => p.row === i);
            const said = JSON.stringify(mine.map((p) => [p.column, p.effect, p.value, p.message]));
            const wants: Record<string, (string | undefined)[][]> = {
              polygon: [[undefined, 'row']],
              'no geometry': [[undefined, 'row']],
              'negative budget': [['budget', 'field']],
              'bad year': [
                ['annee', 'field'],
                ['budget', 'field'],
              ],
              'no name': [['nom', 'fixed']],
            };
            const want = f.corruption === null ? [] : wants[f.corruption];
            expect(
              mine.map((p) => [p.column, p.effect]),
              `feature ${i}: ${said}`,
            ).toEqual(want);
          });
        }),
        { numRuns: RUNS.geojson },
      );
    },
    TIMEOUT_MS,
  );
});
