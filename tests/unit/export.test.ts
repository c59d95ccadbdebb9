import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.js';
import type { Programme } from '../../src/core/feed/model.js';
import { applyFilter, indexProgrammes, type Filter } from '../../src/core/filter.js';
import {
  CSV_COLUMNS,
  csvNumber,
  csvText,
  exportFileName,
  exportRows,
  filterJson,
  sourcesCsv,
  toCsv,
  toGeoJson,
  type CsvColumn,
  type CsvOptions,
  type ExportMeta,
} from '../../src/core/export.js';

const programmes: Programme[] = [
  {
    id: 'p-rennes',
    name: 'La Fabrique citoyenne',
    place: 'Rennes',
    region: 'Bretagne',
    country: 'FR',
    level: 'commune',
    population: 222_485,
    coordinates: [-1.6778, 48.1173],
    url: 'https://example.org/rennes',
    editions: [
      { year: 2016, budget: 3_500_000 },
      { year: 2017, budget: 3_600_000 },
    ],
  },
  {
    // Hostile text: a formula, the separator, quotes, a line break, a javascript: link.
    id: '=1+1',
    name: '=HYPERLINK("https://evil.example","clic")',
    place: 'Saint-Denis; "La Réunion"\nNord',
    region: '@SUM(A1)',
    coordinates: [55.45, -20.88],
    url: 'javascript:alert(1)',
    editions: [{ year: 2020 }],
  },
  {
    id: 'p-ecully',
    name: 'Écully participe ✓',
    place: '-Écully',
    level: 'other',
    population: 18_000,
    coordinates: [4.7775, 45.7744],
    editions: [
      { year: 2019, budget: 150_000 },
      { year: 2021, budget: 200_000 },
    ],
  },
];

const headings = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<
  CsvColumn,
  string
>;
const FR: CsvOptions = {
  separator: ';',
  decimal: ',',
  headings,
  levelName: (level) => ({ commune: 'Commune', other: 'Autre' })[level as 'commune'] ?? level,
  citation: 'Flux test, 2026-11-01, https://example.org/feed.json',
  noLicence: 'non précisée',
};
const EN: CsvOptions = { ...FR, separator: ',', decimal: '.' };

function meta(filter: Filter, extra: Partial<ExportMeta> = {}): ExportMeta {
  return {
    title: 'Flux test',
    updated: '2026-11-01',
    licence: 'Licence Ouverte 2.0',
    sources: [
      { name: 'Ville de Rennes', url: 'https://data.example.org/rennes' },
      { name: 'Source; "citée"', url: 'javascript:alert(1)' },
    ],
    currency: 'EUR',
    kind: 'programmes',
    feedUrl: 'https://example.org/feed.json',
    filter,
    scope: 'selection',
    exported: '2026-12-02',
    ...extra,
  };
}

function rowsFor(filter: Filter) {
  const index = indexProgrammes(programmes);
  const selection = applyFilter(index, filter);
  const positions = Array.from(selection.indices, (_, r) => r);
  return exportRows(index, selection, filter, positions);
}

describe('csvText', () => {
  it('puts an apostrophe before what a spreadsheet reads as a formula', () => {
    expect(csvText('=1+1', ';')).toBe("'=1+1");
    expect(csvText('+33 1 23', ';')).toBe("'+33 1 23");
    expect(csvText('-5', ';')).toBe("'-5");
    expect(csvText('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvText('\tx', ';')).toBe("'\tx");
    expect(csvText('\rx', ';')).toBe(`"'\rx"`);
    expect(csvText('a=b', ';')).toBe('a=b');
  });

  it('quotes the separator, quotes and line breaks, and only those', () => {
    expect(csvText('a;b', ';')).toBe('"a;b"');
    expect(csvText('a,b', ';')).toBe('a,b');
    expect(csvText('a,b', ',')).toBe('"a,b"');
    expect(csvText('dit "oui"', ';')).toBe('"dit ""oui"""');
    expect(csvText('a\nb', ';')).toBe('"a\nb"');
    expect(csvText('=HYPERLINK("x")', ';')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText(undefined, ';')).toBe('');
  });
});

describe('csvNumber', () => {
  it('writes plain digits with the language decimal separator', () => {
    expect(csvNumber(3_500_000, ',')).toBe('3500000');
    expect(csvNumber(15.73, ',')).toBe('15,73');
    expect(csvNumber(-1.6778, ',')).toBe('-1,6778');
    expect(csvNumber(-1.6778, '.')).toBe('-1.6778');
    expect(csvNumber(undefined, ',')).toBe('');
    expect(csvNumber(NaN, ',')).toBe('');
  });
});

describe('exportRows', () => {
  it('gives each kept programme its matching years, its figure and its amount per inhabitant', () => {
    const rows = rowsFor({ years: [2016, 2019] });
    expect(rows.map((r) => r.id)).toEqual(['p-rennes', 'p-ecully']);
    expect(rows[0]).toEqual({
      id: 'p-rennes',
      name: 'La Fabrique citoyenne',
      place: 'Rennes',
      region: 'Bretagne',
      country: 'FR',
      level: 'commune',
      years: [2016, 2017],
      budget: 3_600_000,
      perInhabitant: 16.18,
      population: 222_485,
      coordinates: [-1.6778, 48.1173],
      url: 'https://example.org/rennes',
    });
    expect(rows[1]!.years).toEqual([2019]);
    expect(rows[1]!.budget).toBe(150_000);
  });

  it('follows the order of the positions it is given, and drops links that are not http(s)', () => {
    const rows = rowsFor({});
    expect(rows.map((r) => r.id)).toEqual(['p-rennes', '=1+1', 'p-ecully']);
    expect(rows[1]!.url).toBeUndefined();
    expect(rows[1]!.budget).toBeUndefined();
    const index = indexProgrammes(programmes);
    const selection = applyFilter(index, {});
    expect(exportRows(index, selection, {}, [2, 0]).map((r) => r.id)).toEqual([
      'p-ecully',
      'p-rennes',
    ]);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and reads back cell for cell', () => {
    const csv = toCsv(rowsFor({}), meta({}), FR);
    expect(csv.startsWith('\ufeffID;NAME;PLACE;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const table = parseCsv(csv.slice(1), ';');
    expect(table).toHaveLength(4);
    expect(table.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    expect(table[1]).toEqual([
      'p-rennes',
      'La Fabrique citoyenne',
      'Rennes',
      'Bretagne',
      'FR',
      'Commune',
      '2016, 2017',
      '3600000',
      '16,18',
      '222485',
      '-1,6778',
      '48,1173',
      'https://example.org/rennes',
      'Licence Ouverte 2.0',
      'Flux test, 2026-11-01, https://example.org/feed.json',
    ]);
  });

  it('defuses formulas and keeps separators, quotes and line breaks inside their cell', () => {
    const table = parseCsv(toCsv(rowsFor({}), meta({}), FR).slice(1), ';');
    const hostile = table[2]!;
    expect(hostile.slice(0, 4)).toEqual([
      "'=1+1",
      `'=HYPERLINK("https://evil.example","clic")`,
      'Saint-Denis; "La Réunion"\nNord',
      "'@SUM(A1)",
    ]);
    expect(hostile[12]).toBe(''); // the javascript: link is not written
    // No cell of the file starts with a formula character but the numbers we write.
    for (const row of table.slice(1)) {
      for (const [c, cell] of row.entries()) {
        if (['longitude', 'latitude'].includes(CSV_COLUMNS[c]!)) continue;
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(table[3]![2]).toBe("'-Écully");
  });

  it('keeps non-ASCII text as it is (UTF-8 with a BOM)', () => {
    const csv = toCsv(rowsFor({}), meta({}), FR);
    expect(csv).toContain('Écully participe ✓');
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('uses commas and decimal points in English', () => {
    const table = parseCsv(toCsv(rowsFor({}), meta({}), EN).slice(1), ',');
    expect(table[1]!.slice(6, 12)).toEqual([
      '2016, 2017',
      '3600000',
      '16.18',
      '222485',
      '-1.6778',
      '48.1173',
    ]);
  });

  it('writes the headings alone for an empty selection, and a stand-in for a missing licence', () => {
    const csv = toCsv(rowsFor({ q: 'nowhere' }), meta({ q: 'nowhere' }), FR);
    expect(parseCsv(csv.slice(1), ';')).toEqual([CSV_COLUMNS.map((c) => c.toUpperCase())]);
    const noLicence = toCsv(rowsFor({}), meta({}, { licence: undefined }), FR);
    expect(parseCsv(noLicence.slice(1), ';')[1]![13]).toBe('non précisée');
  });
});

describe('sourcesCsv', () => {
  it('lists every source with its http(s) address', () => {
    const csv = sourcesCsv(meta({}), { separator: ';', headings: ['Source', 'Adresse'] });
    expect(parseCsv(csv.slice(1), ';')).toEqual([
      ['Source', 'Adresse'],
      ['Ville de Rennes', 'https://data.example.org/rennes'],
      ['Source; "citée"', ''],
    ]);
  });
});

describe('toGeoJson', () => {
  it('writes one Point per row with the licence, the sources and the filter as foreign members', () => {
    const filter: Filter = { years: [2016, 2019], budget: [100_000, Infinity] };
    const json = JSON.parse(toGeoJson(rowsFor(filter), meta(filter)));
    expect(json.type).toBe('FeatureCollection');
    expect(json.licence).toBe('Licence Ouverte 2.0');
    expect(json.title).toBe('Flux test');
    expect(json.sources).toEqual([
      { name: 'Ville de Rennes', url: 'https://data.example.org/rennes' },
      { name: 'Source; "citée"', url: null },
    ]);
    expect(json.filter).toEqual({
      years: [2016, 2019],
      budget: [100_000, null],
      budgetPer: 'total',
      scope: 'selection',
    });
    expect(json.source).toBe('https://example.org/feed.json');
    expect(json.features).toHaveLength(2);
    expect(json.features[0]).toEqual({
      type: 'Feature',
      id: 'p-rennes',
      geometry: { type: 'Point', coordinates: [-1.6778, 48.1173] },
      properties: {
        id: 'p-rennes',
        name: 'La Fabrique citoyenne',
        place: 'Rennes',
        region: 'Bretagne',
        country: 'FR',
        level: 'commune',
        years: [2016, 2017],
        budget: 3_600_000,
        perInhabitant: 16.18,
        population: 222_485,
        url: 'https://example.org/rennes',
      },
    });
  });

  it('says when only the view is exported, and keeps hostile text as data', () => {
    const json = JSON.parse(
      toGeoJson(rowsFor({}), meta({}, { scope: 'view', bounds: [-5, 40, 10, 52] })),
    );
    expect(json.filter).toEqual({ scope: 'view', bounds: [-5, 40, 10, 52] });
    expect(json.features[1].properties.name).toBe('=HYPERLINK("https://evil.example","clic")');
    expect(json.features[1].properties.url).toBeNull();
  });

  it('is an empty collection for an empty selection', () => {
    const json = JSON.parse(toGeoJson([], meta({ q: 'nowhere' })));
    expect(json.features).toEqual([]);
    expect(json.filter).toEqual({ q: 'nowhere', scope: 'selection' });
  });
});

describe('filterJson and exportFileName', () => {
  it('writes open ends as null and leaves unconstrained fields out', () => {
    expect(filterJson({})).toEqual({});
    expect(
      filterJson({ budget: [0, 5], budgetPer: 'inhabitant', levels: [], q: '  ', regions: ['B'] }),
    ).toEqual({ budget: [0, 5], budgetPer: 'inhabitant', regions: ['B'] });
  });

  it('names files after a stem and the local date', () => {
    const day = new Date(2026, 11, 2, 23, 30);
    expect(exportFileName('budgets-participatifs', day, 'csv')).toBe(
      'budgets-participatifs-2026-12-02.csv',
    );
    expect(exportFileName('Orçamentos participativos', day, 'csv', 'Fontes')).toBe(
      'orcamentos-participativos-2026-12-02-fontes.csv',
    );
    expect(exportFileName('', day, 'png')).toBe('export-2026-12-02.png');
  });
});
