/**
 * Property-based tests of the feed parser (fast-check): whatever it is given, `parseFeed` returns
 * in bounded time without throwing; and for feeds built from valid entries with some entries
 * corrupted on purpose, every valid entry comes out with its values, every corrupted one is
 * reported at its JSON path, and a bad optional field costs only that field.
 *
 * The oracle is written from docs/feed.md, not from the parser: each generated entry carries what
 * it should become (`expected`) or what should be reported about it (`report`), decided when the
 * corruption is chosen. Seeds are random on each run; a failure prints the seed and the path to
 * replay it (`fc.assert(..., { seed, path })`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedErrorCode, FeedProblem, ParseResult } from '../../src/core/feed/model.js';
import { parseFeed } from '../../src/core/feed/parse.js';

/** Runs per property; the file's figures in docs/reliability.md follow from these. */
const RUNS = { any: 3000, entries: 1500, corrupted: 1500, geojson: 1000 };
/** Longest a single parse may take (the slowest input seen here takes a few ms). */
const BUDGET_MS = 1000;
/** Vitest's limit for one property (all its runs); its default of 5 s is too short on 2 cores. */
const TIMEOUT_MS = 60_000;

const CODES: readonly FeedErrorCode[] = [
  'network',
  'http',
  'timeout',
  'too-large',
  'not-json',
  'not-a-feed',
  'unsupported-version',
  'no-programmes',
];

/** Parses within the time budget and checks the result's shape; returns it. */
function parseTimed(input: unknown): ParseResult {
  const start = performance.now();
  const result = parseFeed(input);
  const took = performance.now() - start;
  expect(took, 'one parse took too long').toBeLessThan(BUDGET_MS);
  if (result.ok) {
    expect(Array.isArray(result.feed.programmes)).toBe(true);
    expect(result.feed.programmes.length).toBeGreaterThan(0);
  } else {
    expect(CODES).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.length).toBeGreaterThan(0);
  }
  for (const p of result.problems) {
    expect(p.path).toMatch(/^\$/);
    expect(['entry', 'field', 'feed']).toContain(p.dropped);
    expect(typeof p.message).toBe('string');
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// (a) anything at all

describe('parseFeed on arbitrary input', () => {
  it(
    'never throws and returns in bounded time for any string, JSON or not',
    () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.json({ maxDepth: 6 }),
        // JSON of a feed-like shape, cut at a random place.
        fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat()).map(([v, cut]) => {
          const t = JSON.stringify({ version: 1, programmes: [v] });
          return t.slice(0, cut % (t.length + 1));
        }),
        fc.constantFrom('', '\ufeff', ' <html>', '1e999', '[', '{"version":1e999,"programmes":[]}'),
      );
      fc.assert(
        fc.property(text, (t) => {
          parseTimed(t);
        }),
        { numRuns: RUNS.any },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'never throws for any JSON value, given as text or as a value',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
          parseTimed(v);
          parseTimed(JSON.stringify(v));
        }),
        { numRuns: RUNS.any },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'never throws for arbitrary entries in a feed or features in GeoJSON, and reports inside the list',
    () => {
      const entryish = fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.dictionary(
          fc.constantFrom(
            'id',
            'name',
            'coordinates',
            'year',
            'budget',
            'editions',
            'url',
            'level',
          ),
          fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.double(), fc.constant(Infinity)),
        ),
      );
      fc.assert(
        fc.property(fc.array(entryish, { maxLength: 8 }), fc.boolean(), (list, geo) => {
          const doc = geo
            ? {
                type: 'FeatureCollection',
                features: list.map((properties, i) =>
                  i % 3 === 0
                    ? properties
                    : {
                        type: 'Feature',
                        geometry: { type: 'Point', coordinates: [i, i] },
                        properties,
                      },
                ),
              }
            : { version: 1, programmes: list };
          const result = parseTimed(doc);
          const listPath = geo ? '$.features[' : '$.programmes[';
          for (const p of result.problems) expect(p.path.startsWith(listPath)).toBe(true);
          if (result.ok) {
            for (const programme of result.feed.programmes) expectWellFormed(programme);
          } else if (list.length > 0) {
            expect(result.error.code).toBe('no-programmes');
          }
        }),
        { numRuns: RUNS.entries },
      );
    },
    TIMEOUT_MS,
  );
});

/** What the rest of pb-map relies on in a programme the parser let through. */
function expectWellFormed(p: Record<string, unknown>): void {
  expect(typeof p.id === 'string' && p.id.trim() === p.id && p.id !== '').toBe(true);
  expect(typeof p.name === 'string' && p.name !== '').toBe(true);
  const [lon, lat] = p.coordinates as number[];
  expect((p.coordinates as number[]).length).toBe(2);
  expect(Number.isFinite(lon) && Math.abs(lon as number) <= 180).toBe(true);
  expect(Number.isFinite(lat) && Math.abs(lat as number) <= 90).toBe(true);
  const editions = p.editions as { year: number; budget?: number }[];
  expect(Array.isArray(editions)).toBe(true);
  for (let j = 0; j < editions.length; j++) {
    const e = editions[j] as { year: number; budget?: number };
    expect(Number.isInteger(e.year) && e.year >= 1980 && e.year <= 2100).toBe(true);
    if (j > 0) expect(e.year).toBeGreaterThan((editions[j - 1] as { year: number }).year);
    if (e.budget !== undefined) expect(Number.isFinite(e.budget) && e.budget >= 0).toBe(true);
  }
  for (const key of ['population', 'voters', 'projects']) {
    if (p[key] !== undefined)
      expect(Number.isSafeInteger(p[key]) && (p[key] as number) >= 0).toBe(true);
  }
  for (const key of ['url', 'image']) {
    if (p[key] !== undefined) expect(p[key]).toMatch(/^https?:\/\//);
  }
}

// ---------------------------------------------------------------------------------------------
// (b) valid entries, some corrupted: the oracle

type Json = null | boolean | number | string | Json[] | { [key: string]: Json } | Raw;

/** A value written into the feed text as is (`1e999`, deep nesting), with its parsed value. */
class Raw {
  constructor(
    readonly text: string,
    readonly value: unknown,
  ) {}
}

interface Edition {
  year: number;
  budget?: number;
  voters?: number;
  projects?: number;
  status?: string;
}

/** One generated entry: what is written, and what the parser should make of it. */
interface Case {
  /** The entry as written in the feed. */
  entry: Json;
  /** What the programme must be, when the entry is kept. */
  expected?: Record<string, unknown>;
  /** What must be reported: the path under the entry (`` for the entry itself) and how. */
  report?: { under: string; dropped: 'entry' | 'field' };
  /** Corruption's name, for messages. */
  what: string;
}

const FIELDS = new Set([
  'id',
  'name',
  'place',
  'country',
  'region',
  'coordinates',
  'level',
  'population',
  'url',
  'image',
  'status',
  'category',
  'description',
  'voters',
  'projects',
]);

/** Text, with blanks around it sometimes (trimmed by the parser, docs/feed.md). */
const text = (max: number) =>
  fc
    .tuple(
      fc.constantFrom('', ' ', '\n\t', '\u00a0'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: max }),
      fc.constantFrom('', ' ', '\r\n'),
    )
    .map(([a, s, b]) => `${a}${s}${b}`);
const nonBlank = (max: number) => text(max).filter((s) => s.trim() !== '');
const year = fc.integer({ min: 1980, max: 2100 });
const amount = fc.oneof(
  fc.double({ min: 0, max: 1e12, noNaN: true }).map((x) => x + 0),
  fc.integer({ min: 0, max: 10_000_000 }),
);
const count = fc.oneof(fc.nat(), fc.maxSafeNat());
const url = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true });

const editionArb: fc.Arbitrary<Edition> = fc.record(
  { year, budget: amount, voters: count, projects: count, status: text(30) },
  { requiredKeys: ['year'] },
);

/** A valid entry (its raw form); ids are made unique by the caller. */
const validEntry = fc
  .record(
    {
      name: nonBlank(40),
      coordinates: fc.tuple(
        fc.double({ min: -180, max: 180, noNaN: true }).map((x) => x + 0),
        fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0),
      ),
      place: text(30),
      country: fc.stringMatching(/^[A-Z]{2}$/),
      region: text(30),
      level: fc.constantFrom('commune', 'intercommunality', 'department', 'region', 'other'),
      population: count,
      url,
      image: url,
      status: text(30),
      category: text(30),
      description: text(100),
      voters: count,
      projects: count,
      year,
      budget: amount,
      editions: fc.uniqueArray(editionArb, { selector: (e) => e.year, maxLength: 4 }),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['name', 'coordinates'] },
  )
  .map((e) => {
    const out: Record<string, Json> = { ...(e as unknown as Record<string, Json>) };
    // `budget` needs a `year` beside it, and the shorthand's year must not repeat an edition's:
    // both are corruptions of their own below.
    if (e.year === undefined) delete out.budget;
    if (e.year !== undefined && e.editions?.some((ed) => ed.year === e.year)) {
      delete out.year;
      delete out.budget;
    }
    return out;
  });

/** What docs/feed.md says a valid entry becomes. */
function programmeOf(raw: Record<string, Json>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!FIELDS.has(key)) continue; // unknown fields are not passed on
    if (typeof value === 'string') {
      if (value.trim() !== '') out[key] = value.trim();
    } else out[key] = value;
  }
  const editions: Record<string, unknown>[] = ((raw.editions ?? []) as unknown as Edition[]).map(
    (e) => {
      const copy: Record<string, unknown> = { ...e };
      if (typeof e.status === 'string') {
        if (e.status.trim() === '') delete copy.status;
        else copy.status = e.status.trim();
      }
      return copy;
    },
  );
  if (raw.year !== undefined) {
    // The one-year shorthand: voters and projects belong to that edition.
    const shorthand: Record<string, unknown> = { year: raw.year };
    for (const key of ['budget', 'voters', 'projects'] as const) {
      if (raw[key] !== undefined) shorthand[key] = raw[key];
    }
    delete out.voters;
    delete out.projects;
    editions.push(shorthand);
  }
  out.editions = editions.sort((a, b) => (a.year as number) - (b.year as number));
  return out;
}

/** Deep nesting written as text, and the same value built without recursion. */
function deep(depth: number): Raw {
  let value: unknown[] = [];
  for (let i = 1; i < depth; i++) value = [value];
  return new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`, value);
}

const INF = new Raw('1e999', Infinity);
const NEG_INF = new Raw('-1e999', -Infinity);
const NAN_ISH = new Raw('1e999', Number.NaN); // as text Infinity; as a value NaN

/**
 * The corruptions, each with what it leaves out and where it is reported. `entry` is a valid raw
 * entry (a copy, free to change); the result says what is written and what must happen.
 */
type Corrupt = (entry: Record<string, Json>, pick: number) => Omit<Case, 'what'>;

const fatal = (under: string) => ({ report: { under, dropped: 'entry' as const } });
const pickOf = <T>(list: readonly T[], pick: number): T => list[pick % list.length] as T;

const ENTRY_CORRUPTIONS: Record<string, Corrupt> = {
  'not an object': (_e, pick) => ({
    entry: pickOf<Json>([null, 42, 'entry', [], true], pick),
    ...fatal(''),
  }),
  'id missing': (e) => {
    delete e.id;
    return { entry: e, ...fatal('.id') };
  },
  'id not text': (e, pick) => ({
    entry: { ...e, id: pickOf<Json>([12, null, ['a'], { a: 1 }, INF], pick) },
    ...fatal('.id'),
  }),
  'id blank': (e) => ({ entry: { ...e, id: ' \n\t ' }, ...fatal('.id') }),
  'id too long': (e) => ({ entry: { ...e, id: 'x'.repeat(201) }, ...fatal('.id') }),
  'name missing': (e) => {
    delete e.name;
    return { entry: e, ...fatal('.name') };
  },
  'name huge': (e) => ({ entry: { ...e, name: 'n'.repeat(100_000) }, ...fatal('.name') }),
  'name not text': (e, pick) => ({
    entry: { ...e, name: pickOf<Json>([false, 3, deep(5000)], pick) },
    ...fatal('.name'),
  }),
  'coordinates missing': (e) => {
    delete e.coordinates;
    return { entry: e, ...fatal('.coordinates') };
  },
  'coordinates wrong length': (e, pick) => ({
    entry: { ...e, coordinates: pickOf<Json>([[], [1], [1, 2, 3], [1, 2, 3, 4]], pick) },
    ...fatal('.coordinates'),
  }),
  'longitude out of range': (e, pick) => {
    const lat = (e.coordinates as number[])[1] as number;
    const lon = pickOf<Json>([180.000001, -181, 1e300, INF, NEG_INF, NAN_ISH, '2.35', null], pick);
    return { entry: { ...e, coordinates: [lon, lat] }, ...fatal('.coordinates') };
  },
  'latitude out of range': (e, pick) => {
    const lon = (e.coordinates as number[])[0] as number;
    const lat = pickOf<Json>([90.5, -91, -1e300, INF, NAN_ISH, '48.8', true], pick);
    return { entry: { ...e, coordinates: [lon, lat] }, ...fatal('.coordinates') };
  },
  'coordinates deep': (e) => ({
    entry: { ...e, coordinates: deep(10_000) },
    ...fatal('.coordinates'),
  }),
  'year out of range': (e, pick) => ({
    entry: { ...e, year: pickOf<Json>([1979, 2101, 2020.5, '2020', INF, NAN_ISH, -0.5], pick) },
    ...fatal('.year'),
  }),
  'budget negative or not a number': (e, pick) => ({
    entry: { ...e, year: 2020, budget: pickOf<Json>([-1, -0.01, '1000', INF, NAN_ISH, [1]], pick) },
    ...fatal('.budget'),
  }),
  'editions not a list': (e, pick) => ({
    entry: { ...e, editions: pickOf<Json>([{}, 'none', 3, deep(3000)], pick) },
    ...fatal('.editions'),
  }),
  'edition without year': (e) => {
    const editions = [...((e.editions ?? []) as Json[])];
    const j = editions.length;
    editions.push({ budget: 100 });
    return { entry: { ...e, editions }, ...fatal(`.editions[${j}]`) };
  },
  'edition with a bad figure': (e, pick) => {
    const editions = [...((e.editions ?? []) as Json[])];
    const j = editions.length;
    const bad = pickOf<Json>(
      [
        { year: 1850 },
        { year: 2020, budget: -5 },
        { year: 2020, budget: INF },
        { year: 'deux mille' },
        null,
      ],
      pick,
    );
    editions.push(bad);
    return { entry: { ...e, editions }, ...fatal(`.editions[${j}]`) };
  },
};

/** Corruptions of an optional field: the entry is kept without it. */
const FIELD_CORRUPTIONS: Record<string, Corrupt> = {
  'url not http': (e, pick) => {
    const key = pick % 2 === 0 ? 'url' : 'image';
    const bad = pickOf(
      [
        'javascript:alert(1)',
        'data:text/html,<b>x</b>',
        'ftp://example.org/x',
        '/relative',
        'http://',
        'https://' + 'a'.repeat(2001),
      ],
      pick >> 1,
    );
    return dropField(e, key, bad);
  },
  'population bad': (e, pick) =>
    dropField(e, 'population', pickOf<Json>([-1, 1.5, '12', INF, NAN_ISH, { n: 1 }], pick)),
  'country not a code': (e, pick) => dropField(e, 'country', pickOf(['fr', 'FRA', 'F', 12], pick)),
  'level unknown': (e, pick) =>
    dropField(e, 'level', pickOf<Json>(['city', 'Commune', 1, null], pick)),
  'text too long': (e, pick) => {
    const [key, max] = pickOf<[string, number]>(
      [
        ['place', 300],
        ['region', 200],
        ['status', 200],
        ['category', 200],
        ['description', 5000],
      ],
      pick,
    );
    const huge = pick % 7 === 0 ? 1_000_000 : max + 1;
    return dropField(e, key, 'é'.repeat(huge));
  },
  'text deep': (e) => dropField(e, 'place', deep(5000)),
  'voters bad': (e, pick) => {
    const key = pick % 2 === 0 ? 'voters' : 'projects';
    return dropField(e, key, pickOf<Json>([-3, 2.5, 'many', NEG_INF], pick >> 1));
  },
  'edition voters bad': (e, pick) => {
    const editions = [...((e.editions ?? []) as unknown as Edition[])];
    if (editions.length === 0) return dropField(e, 'voters', -1);
    const j = pick % editions.length;
    const base = programmeOf(e);
    const entry = {
      ...e,
      editions: editions.map((ed, k) => (k === j ? { ...ed, voters: -1 } : ed)) as unknown as Json,
    };
    const expectedEditions = (base.editions as Record<string, unknown>[]).map((ed) => {
      if (ed.year !== (editions[j] as Edition).year || e.year === ed.year) return ed;
      const copy = { ...ed };
      delete copy.voters;
      return copy;
    });
    return {
      entry,
      expected: { ...base, editions: expectedEditions },
      report: { under: `.editions[${j}].voters`, dropped: 'field' },
    };
  },
  'budget without year': (e) => {
    const base: Record<string, Json> = { ...e };
    delete base.year;
    delete base.budget;
    return {
      entry: { ...base, budget: 1000 },
      expected: programmeOf(base),
      report: { under: '.budget', dropped: 'field' },
    };
  },
  'shorthand repeats an edition': (e) => {
    const base = { ...e };
    delete base.year;
    delete base.budget;
    const editions = (base.editions ?? []) as unknown as Edition[];
    if (editions.length === 0) return { entry: base, expected: programmeOf(base) };
    const y = (editions[0] as Edition).year;
    return {
      entry: { ...base, year: y, budget: 1, voters: 7 },
      expected: (() => {
        const p = programmeOf(base);
        // With a year, voters and projects belong to the (dropped) shorthand.
        delete p.voters;
        delete p.projects;
        return p;
      })(),
      report: { under: '.year', dropped: 'field' },
    };
  },
  'edition year twice': (e, pick) => {
    const editions = [...((e.editions ?? []) as unknown as Edition[])];
    if (editions.length === 0) return { entry: e, expected: programmeOf(e) };
    const first = pick % editions.length;
    const j = first + 1 + (pick % (editions.length - first));
    editions.splice(j, 0, { year: (editions[first] as Edition).year, budget: 123 });
    return {
      entry: { ...e, editions: editions as unknown as Json },
      expected: programmeOf(e),
      report: { under: `.editions[${j}]`, dropped: 'field' },
    };
  },
};

/** The entry with `key` set to a bad value: reported as a field, the rest kept. */
function dropField(e: Record<string, Json>, key: string, bad: Json): Omit<Case, 'what'> {
  const base = { ...e };
  delete base[key];
  return {
    entry: { ...e, [key]: bad },
    expected: programmeOf(base),
    report: { under: `.${key}`, dropped: 'field' },
  };
}

const CORRUPTIONS = { ...ENTRY_CORRUPTIONS, ...FIELD_CORRUPTIONS };
const NAMES = Object.keys(CORRUPTIONS);

/** A list of cases: valid entries, about a third corrupted, one corruption each, some duplicates. */
const cases = fc
  .array(
    fc.record({
      entry: validEntry,
      id: nonBlank(12),
      corruption: fc.option(fc.constantFrom(...NAMES, 'duplicate id'), { freq: 2 }),
      pick: fc.nat(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((items) => {
    const out: Case[] = [];
    const keptIds: string[] = [];
    const seen = new Set<string>();
    items.forEach(({ entry, id: rawId, corruption, pick }, i) => {
      // Unique ids (as trimmed), so that duplicates come only from the corruption below.
      const id = seen.has(rawId.trim()) ? `${rawId.trim()}#${i}` : rawId;
      seen.add(id.trim());
      const e: Record<string, Json> = { id, ...entry };
      if (corruption === 'duplicate id' && keptIds.length > 0) {
        const copied = pickOf(keptIds, pick);
        out.push({
          entry: { ...e, id: ` ${copied} ` },
          report: { under: '.id', dropped: 'entry' },
          what: corruption,
        });
        return;
      }
      const corrupt = corruption === null ? undefined : CORRUPTIONS[corruption];
      const c: Case = corrupt
        ? { ...corrupt(e, pick), what: corruption as string }
        : { entry: e, expected: programmeOf(e), what: 'valid' };
      if (c.expected) keptIds.push(id.trim());
      out.push(c);
    });
    return out;
  });

/** The feed as text (Raw values written as they are) or as a value (Raw values parsed). */
function write(doc: unknown, asText: boolean): unknown {
  const raws: Raw[] = [];
  if (!asText) return substitute(doc);
  const json = JSON.stringify(doc, (_k, v: unknown) => {
    if (v instanceof Raw) {
      raws.push(v);
      return `\u0000RAW${raws.length - 1}\u0000`;
    }
    return v;
  });
  return json.replace(
    /"\\u0000RAW(\d+)\\u0000"/g,
    (_m, n: string) => (raws[Number(n)] as Raw).text,
  );
}

function substitute(v: unknown): unknown {
  if (v instanceof Raw) return v.value;
  if (Array.isArray(v)) return v.map(substitute);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x)]));
  }
  return v;
}

/** The oracle's checks on one parse of `list` written at `pathOf(i)`. */
function checkAgainstCases(
  result: ParseResult,
  list: readonly Case[],
  pathOf: (i: number, under: string) => string,
): void {
  const kept = list.filter((c) => c.expected);
  if (kept.length === 0) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('no-programmes');
  } else {
    if (!result.ok) throw new Error(`refused: ${result.error.message}`);
    // Every valid entry kept, in order, with its values; nothing else.
    expect(result.feed.programmes).toEqual(kept.map((c) => c.expected));
  }
  list.forEach((c, i) => {
    const mine = result.problems.filter((p) => isUnder(p.path, pathOf(i, '')));
    if (!c.report) {
      expect(mine, `entry ${i} (${c.what}) has no problem`).toEqual([]);
      return;
    }
    const at = pathOf(i, c.report.under);
    const found = mine.filter((p) => isUnder(p.path, at) && p.dropped === c.report?.dropped);
    expect(
      found.length,
      `entry ${i} (${c.what}) reported under ${at}: ${show(mine)}`,
    ).toBeGreaterThan(0);
    // A corruption that keeps the entry drops nothing else; one that drops it says so.
    const kinds = new Set(mine.map((p) => p.dropped));
    expect([...kinds], `entry ${i} (${c.what})`).toEqual([c.report.dropped]);
    if (c.report.dropped === 'field' && c.expected) {
      for (const p of mine) expect(p.id).toBe(c.expected.id);
    }
  });
}

/** Whether `path` is `base` or inside it. */
function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}.`) || path.startsWith(`${base}[`);
}

function show(problems: readonly FeedProblem[]): string {
  return JSON.stringify(problems.map((p) => [p.path, p.dropped, p.message.slice(0, 80)]));
}

describe('parseFeed on valid feeds with corrupted entries', () => {
  it(
    'keeps every valid entry with its values and reports every corrupted one at its path',
    () => {
      fc.assert(
        fc.property(cases, fc.boolean(), (list, asText) => {
          const doc = { version: 1, title: 'Budgets', programmes: list.map((c) => c.entry) };
          const result = parseTimed(write(doc, asText));
          checkAgainstCases(result, list, (i, under) => `$.programmes[${i}]${under}`);
        }),
        { numRuns: RUNS.corrupted },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'does the same for a GeoJSON FeatureCollection of the same entries',
    () => {
      const geoCases = cases.chain((list) =>
        fc.tuple(
          fc.constant(list),
          fc.array(fc.boolean(), { minLength: list.length, maxLength: list.length }),
        ),
      );
      fc.assert(
        fc.property(geoCases, fc.boolean(), ([list, idOnFeature], asText) => {
          const features = list.map((c, i) => toFeature(c.entry, idOnFeature[i] === true));
          const doc = { type: 'FeatureCollection', features };
          const result = parseTimed(write(doc, asText));
          checkAgainstCases(result, list, (i, under) => {
            const base = `$.features[${i}]`;
            if (under === '') return base;
            if (under.startsWith('.coordinates')) {
              return `${base}.geometry${under}`;
            }
            const feature = features[i] as { properties?: Record<string, unknown> };
            if (under === '.id' && !Object.hasOwn(feature.properties ?? {}, 'id')) return base;
            return `${base}.properties${under}`;
          });
        }),
        { numRuns: RUNS.geojson },
      );
    },
    TIMEOUT_MS,
  );
});

/**
 * An entry as a GeoJSON feature: `coordinates` in the geometry, the rest in `properties`; a
 * valid text id moves to the feature's own `id` when `idOnFeature`. An entry that is not an
 * object stays what it is (a feature that is not an object).
 */
function toFeature(entry: Json, idOnFeature: boolean): Json {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || entry instanceof Raw) {
    return entry;
  }
  const properties: Record<string, Json> = { ...entry };
  delete properties.coordinates;
  const geometry: Record<string, Json> = { type: 'Point' };
  if (Object.hasOwn(entry, 'coordinates')) {
    const c = entry.coordinates as Json;
    // A third number is an altitude in GeoJSON (ignored), so three numbers are not wrong there.
    geometry.coordinates = Array.isArray(c) && c.length === 3 ? [1, 2, 3, 4] : c;
  }
  const feature: Record<string, Json> = { type: 'Feature', geometry, properties };
  if (idOnFeature && typeof properties.id === 'string' && properties.id.trim() !== '') {
    feature.id = properties.id;
    delete properties.id;
  }
  return feature;
}
