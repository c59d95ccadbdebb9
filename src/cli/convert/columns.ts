/**
 * Which column of a spreadsheet holds what: found by common French and English names (case,
 * accents and punctuation ignored), or named by the user (`--column name=Titre du projet`).
 */
import { fold } from './text.js';

/** What a column can hold; each is one field of the feed or a way to place the row. */
export type Role =
  | 'id'
  | 'name'
  | 'year'
  | 'budget'
  | 'lat'
  | 'lon'
  | 'x'
  | 'y'
  | 'point'
  | 'insee'
  | 'arrondissement'
  | 'status'
  | 'category'
  | 'description'
  | 'url'
  | 'image'
  | 'place'
  | 'voters'
  | 'projects'
  | 'population';

/**
 * The names each role is known by, already folded (see `fold`). Order matters only between
 * roles: a column goes to the role whose name it matches best (see `matchColumns`).
 */
export const ROLE_NAMES: Readonly<Record<Role, readonly string[]>> = {
  id: ['id', 'identifiant', 'numero', 'num', 'no', 'ref', 'reference', 'code projet'],
  name: [
    'nom',
    'titre',
    'libelle',
    'intitule',
    'name',
    'title',
    'label',
    'collectivite',
    'commune',
    'ville',
    'city',
  ],
  year: ['annee', 'edition', 'year', 'millesime', 'session'],
  budget: ['budget', 'montant', 'amount', 'cout', 'cost', 'enveloppe', 'prix'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  x: ['x', 'coord x', 'coordonnee x', 'x l93', 'x lambert93'],
  y: ['y', 'coord y', 'coordonnee y', 'y l93', 'y lambert93'],
  point: ['geo point 2d', 'geo point', 'geopoint', 'coordonnees', 'coordinates', 'position'],
  insee: ['code insee', 'insee', 'code commune', 'codgeo', 'depcom', 'code geo', 'cog'],
  arrondissement: ['arrondissement', 'arrdt', 'ardt', 'arr'],
  status: ['statut', 'avancement', 'status', 'etat', 'realise', 'realisation', 'state'],
  category: ['thematique', 'theme', 'categorie', 'category', 'domaine', 'topic'],
  description: ['description', 'descriptif', 'resume', 'presentation', 'summary', 'detail'],
  url: ['lien', 'url', 'link', 'site', 'page', 'adresse web'],
  image: ['photo', 'image', 'illustration', 'visuel', 'picture', 'img'],
  place: [
    'quartier',
    'lieu',
    'adresse',
    'place',
    'localisation',
    'location',
    'secteur',
    'address',
    'commune',
    'ville',
  ],
  voters: ['votants', 'voters', 'participants', 'nombre de votants'],
  projects: ['projets', 'laureats', 'nombre de projets', 'projects'],
  population: ['population', 'habitants', 'inhabitants'],
};

/** All the roles, in the order the report lists them. */
export const ROLES = Object.keys(ROLE_NAMES) as Role[];

/** Which header each role uses (an index into the headers). */
export type ColumnMap = Partial<Record<Role, number>>;

/**
 * A prefix every header shares, such as Rennes' `b_` (`b_libelle`, `b_year`...): dropped
 * before matching. Only a short word followed by `_`, shared by all headers but one at most.
 */
export function sharedPrefix(headers: readonly string[]): string {
  if (headers.length < 3) return '';
  const counts = new Map<string, number>();
  for (const h of headers) {
    const m = /^([A-Za-z]{1,4}_)/.exec(h.trim());
    if (m) counts.set(m[1] as string, (counts.get(m[1] as string) ?? 0) + 1);
  }
  for (const [prefix, n] of counts) if (n >= headers.length - 1) return prefix;
  return '';
}

/**
 * How well a header names a role: 3 the same, 2 it starts with the name ("Titre du projet
 * lauréat" for `titre`), 1 it holds the name as a word ("Projet en quartier populaire"); 0 not
 * at all. Longer names break ties ("adresse web" beats "adresse"), then the order of the list.
 */
function score(header: string, names: readonly string[]): number {
  let best = 0;
  for (const [rank, name] of names.entries()) {
    // Longer names first, then the order of the list (a "Titre" before a "Commune").
    const words = name.split(' ').length / 10 - rank / 1000;
    if (header === name) best = Math.max(best, 3 + words);
    else if (header.startsWith(`${name} `)) best = Math.max(best, 2 + words);
    else if (` ${header} `.includes(` ${name} `)) best = Math.max(best, 1 + words);
  }
  return best;
}

/**
 * Finds the column of each role, best match first; a column serves one role. Among columns
 * that match a role equally well, the one with the most filled cells wins (`filled[i]`), then
 * the leftmost. `given` (from `--column`) is applied first: a role mapped to `null` is not used.
 */
export function matchColumns(
  headers: readonly string[],
  filled: readonly number[],
  given: Partial<Record<Role, number | null>> = {},
): ColumnMap {
  const prefix = sharedPrefix(headers);
  const folded = headers.map((h) => {
    const trimmed = h.trim();
    return fold(prefix && trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed);
  });
  const map: ColumnMap = {};
  const taken = new Set<number>();
  for (const role of ROLES) {
    const index = given[role];
    if (index === undefined) continue;
    if (index !== null) {
      map[role] = index;
      taken.add(index);
    }
  }
  const candidates: { role: Role; index: number; score: number; filled: number }[] = [];
  for (const role of ROLES) {
    if (role in given) continue;
    folded.forEach((header, index) => {
      const s = score(header, ROLE_NAMES[role]);
      if (s > 0) candidates.push({ role, index, score: s, filled: filled[index] ?? 0 });
    });
  }
  candidates.sort((a, b) => b.score - a.score || b.filled - a.filled || a.index - b.index);
  for (const c of candidates) {
    if (map[c.role] !== undefined || taken.has(c.index)) continue;
    map[c.role] = c.index;
    taken.add(c.index);
  }
  return map;
}

/**
 * Reads `--column ROLE=HEADER` options: the header found among `headers` with `fold` (so case
 * and accents do not matter); `ROLE=` (nothing after `=`) means "do not use any column".
 * Throws an Error with a message for the user when a role or a header is unknown.
 */
export function parseColumnOptions(
  options: readonly string[],
  headers: readonly string[],
): Partial<Record<Role, number | null>> {
  const given: Partial<Record<Role, number | null>> = {};
  const folded = headers.map((h) => fold(h));
  for (const option of options) {
    const eq = option.indexOf('=');
    const role = (eq === -1 ? option : option.slice(0, eq)).trim().toLowerCase() as Role;
    if (eq === -1 || !ROLES.includes(role)) {
      throw new Error(
        `--column ${option}: write ROLE=HEADER, where ROLE is one of ${ROLES.join(', ')}`,
      );
    }
    const header = option.slice(eq + 1).trim();
    if (header === '') {
      given[role] = null;
      continue;
    }
    const index = folded.indexOf(fold(header));
    if (index === -1) {
      throw new Error(
        `--column ${option}: no column is called "${header}"; the columns are: ${headers.map((h) => JSON.stringify(h)).join(', ')}`,
      );
    }
    given[role] = index;
  }
  return given;
}
