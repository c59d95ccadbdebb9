import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { FeedProblem, ParseResult } from '../../src/core/feed/model.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { feedSchema } from '../../src/core/feed/validate.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

/** A feed around `programmes`, as text. */
const feed = (programmes: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ version: 1, ...extra, programmes });

const A = { id: 'a', name: 'A', coordinates: [2.35, 48.85] };

function ok(result: ParseResult) {
  if (!result.ok)
    throw new Error(`expected a feed, got ${result.error.code}: ${result.error.message}`);
  return result;
}

function error(result: ParseResult) {
  if (result.ok) throw new Error('expected an error, got a feed');
  return result.error;
}

describe('parseFeed: the documented example', () => {
  it('gives the example of docs/feed.md back, shorthand folded into editions', () => {
    const result = ok(parseFeed(fixture('example.json')));
    expect(result.problems).toEqual([]);
    expect(result.feed).toEqual({
      version: 1,
      title: 'Budgets participatifs en Bretagne',
      description: 'Les budgets participatifs des collectivités bretonnes, édition par édition.',
      updated: '2026-11-01',
      currency: 'EUR',
      licence: 'Licence Ouverte 2.0',
      kind: 'programmes',
      sources: [
        { name: 'Ville de Rennes, données ouvertes', url: 'https://data.example.org/rennes' },
        { name: 'Sites des collectivités' },
      ],
      programmes: [
        {
          id: 'fr-35238',
          name: 'Budget participatif de Rennes',
          place: 'Rennes',
          country: 'FR',
          region: 'Bretagne',
          coordinates: [-1.6778, 48.1173],
          level: 'commune',
          population: 222485,
          url: 'https://www.example.org/rennes/budget-participatif',
          image: 'https://www.example.org/rennes/budget-participatif.jpg',
          status: 'en cours',
          category: 'Budget de la ville',
          description: 'Les habitants proposent des projets pour leur quartier, puis votent.',
          voters: 25000,
          projects: 80,
          editions: [
            { year: 2016, budget: 3500000 },
            { year: 2017, budget: 3500000, voters: 12000, projects: 40, status: 'réalisé' },
          ],
        },
        {
          // the shorthand (year, budget, voters, projects) becomes that year's edition
          id: 'fr-29019',
          name: 'Budget participatif de Brest',
          place: 'Brest',
          country: 'FR',
          region: 'Bretagne',
          coordinates: [-4.4861, 48.3904],
          level: 'commune',
          population: 139456,
          editions: [{ year: 2024, budget: 500000, voters: 3100, projects: 12 }],
        },
        {
          id: 'fr-dep-35',
          name: 'Budget participatif d’Ille-et-Vilaine',
          place: 'Ille-et-Vilaine',
          country: 'FR',
          region: 'Bretagne',
          coordinates: [-1.68, 48.11],
          level: 'department',
          editions: [{ year: 2023, budget: 2000000, status: 'vote en cours' }],
        },
      ],
    });
  });

  it('is the very example printed in docs/feed.md', () => {
    const docs = readFileSync(new URL('../../docs/feed.md', import.meta.url), 'utf8');
    const first = /```json\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(JSON.parse(first ?? 'null')).toEqual(JSON.parse(fixture('example.json')));
  });

  it('documents every field of the schema in docs/feed.md', () => {
    const docs = readFileSync(new URL('../../docs/feed.md', import.meta.url), 'utf8');
    const defs = feedSchema.definitions ?? {};
    const names = new Set<string>();
    for (const schema of [feedSchema, defs.programme, defs.edition, defs.source]) {
      if (typeof schema === 'object')
        Object.keys(schema.properties ?? {}).forEach((k) => names.add(k));
    }
    const missing = [...names].filter((name) => !docs.includes(`| \`${name}\``));
    expect(missing).toEqual([]);
  });

  it('fills the defaults of a minimal feed', () => {
    expect(ok(parseFeed(feed([A]))).feed).toEqual({
      version: 1,
      currency: 'EUR',
      kind: 'programmes',
      sources: [],
      programmes: [{ id: 'a', name: 'A', coordinates: [2.35, 48.85], editions: [] }],
    });
  });
});

describe('parseFeed: bad entries are left out, bad optional fields dropped', () => {
  const cases: [string, Record<string, unknown>, FeedProblem][] = [
    [
      'no id',
      { name: 'A', coordinates: [0, 0] },
      { path: '$.programmes[1].id', message: 'is missing', dropped: 'entry' },
    ],
    [
      'a blank name',
      { id: 'x', name: '   ', coordinates: [0, 0] },
      { path: '$.programmes[1].name', message: 'must not be empty', dropped: 'entry', id: 'x' },
    ],
    [
      'a latitude out of range',
      { id: 'x', name: 'X', coordinates: [-1.6, 123.4] },
      {
        path: '$.programmes[1].coordinates[1]',
        message: 'must be at most 90 (got 123.4)',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'coordinates as a string',
      { id: 'x', name: 'X', coordinates: '-1.6,48.1' },
      {
        path: '$.programmes[1].coordinates',
        message: 'must be an array (got "-1.6,48.1")',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'a shorthand year that is not an integer',
      { id: 'x', name: 'X', coordinates: [0, 0], year: 2016.5 },
      {
        path: '$.programmes[1].year',
        message: 'must be an integer (got 2016.5)',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'an edition year out of range',
      { id: 'x', name: 'X', coordinates: [0, 0], editions: [{ year: 2016 }, { year: 2101 }] },
      {
        path: '$.programmes[1].editions[1].year',
        message: 'must be at most 2100 (got 2101)',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'an edition without a year',
      { id: 'x', name: 'X', coordinates: [0, 0], editions: [{ budget: 10 }] },
      {
        path: '$.programmes[1].editions[0].year',
        message: 'is missing',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'a negative shorthand budget',
      { id: 'x', name: 'X', coordinates: [0, 0], year: 2020, budget: -5 },
      {
        path: '$.programmes[1].budget',
        message: 'must be at least 0 (got -5)',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'a negative edition budget',
      { id: 'x', name: 'X', coordinates: [0, 0], editions: [{ year: 2020, budget: -5 }] },
      {
        path: '$.programmes[1].editions[0].budget',
        message: 'must be at least 0 (got -5)',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'editions that are not a list',
      { id: 'x', name: 'X', coordinates: [0, 0], editions: { year: 2020 } },
      {
        path: '$.programmes[1].editions',
        message: 'must be an array (got an object)',
        dropped: 'entry',
        id: 'x',
      },
    ],
    [
      'an entry that is not an object',
      ['x', 'X', 0, 0] as unknown as Record<string, unknown>,
      { path: '$.programmes[1]', message: 'must be an object (got an array)', dropped: 'entry' },
    ],
  ];
  for (const [what, entry, problem] of cases) {
    it(`leaves out an entry with ${what}`, () => {
      const result = ok(parseFeed(feed([A, entry])));
      expect(result.feed.programmes.map((p) => p.id)).toEqual(['a']);
      expect(result.problems).toEqual([problem]);
    });
  }

  it('reports every reason an entry is left out, but not its optional fields', () => {
    const result = ok(parseFeed(feed([A, { id: 'x', coordinates: [0, 91], url: 'ftp://x' }])));
    expect(result.problems).toEqual([
      { path: '$.programmes[1].name', message: 'is missing', dropped: 'entry', id: 'x' },
      {
        path: '$.programmes[1].coordinates[1]',
        message: 'must be at most 90 (got 91)',
        dropped: 'entry',
        id: 'x',
      },
    ]);
  });

  it('drops bad optional fields and keeps the entry', () => {
    const entry = {
      ...A,
      url: 'javascript:alert(1)',
      image: 'https://img.example.org/a.png',
      population: -3,
      level: 'city',
      country: 'fr',
      voters: 10.5,
      editions: [{ year: 2020, budget: 10, voters: -1, status: 'voté' }],
    };
    const result = ok(parseFeed(feed([entry])));
    expect(result.feed.programmes).toEqual([
      {
        id: 'a',
        name: 'A',
        coordinates: [2.35, 48.85],
        image: 'https://img.example.org/a.png',
        editions: [{ year: 2020, budget: 10, status: 'voté' }],
      },
    ]);
    expect(result.problems).toEqual([
      {
        path: '$.programmes[0].country',
        message: 'must be a two-letter country code in capitals, like FR (got "fr")',
        dropped: 'field',
        id: 'a',
      },
      {
        path: '$.programmes[0].level',
        message:
          'must be one of "commune", "intercommunality", "department", "region", "other" (got "city")',
        dropped: 'field',
        id: 'a',
      },
      {
        path: '$.programmes[0].population',
        message: 'must be at least 0 (got -3)',
        dropped: 'field',
        id: 'a',
      },
      {
        path: '$.programmes[0].url',
        message: 'must be an http(s) URL (got "javascript:alert(1)")',
        dropped: 'field',
        id: 'a',
      },
      {
        path: '$.programmes[0].voters',
        message: 'must be an integer (got 10.5)',
        dropped: 'field',
        id: 'a',
      },
      {
        path: '$.programmes[0].editions[0].voters',
        message: 'must be at least 0 (got -1)',
        dropped: 'field',
        id: 'a',
      },
    ]);
  });

  it('keeps the first of two entries with the same id and names it', () => {
    const result = ok(
      parseFeed(feed([A, { ...A, id: 'b' }, { ...A, name: 'A again' }, { ...A, id: ' a ' }])),
    );
    expect(result.feed.programmes.map((p) => `${p.id} ${p.name}`)).toEqual(['a A', 'b A']);
    expect(result.problems).toEqual([
      {
        path: '$.programmes[2].id',
        message: 'repeats the id "a" of $.programmes[0]',
        dropped: 'entry',
        id: 'a',
      },
      {
        path: '$.programmes[3].id',
        message: 'repeats the id "a" of $.programmes[0]',
        dropped: 'entry',
        id: 'a',
      },
    ]);
  });

  it('keeps a later entry when the first with its id was itself left out', () => {
    const result = ok(parseFeed(feed([{ ...A, coordinates: [0, 99] }, A])));
    expect(result.feed.programmes.map((p) => p.id)).toEqual(['a']);
    expect(result.problems.map((p) => p.path)).toEqual(['$.programmes[0].coordinates[1]']);
  });

  it('trims strings, drops empty optional ones silently, ignores unknown fields', () => {
    const entry = JSON.parse(
      '{"id":" a ","name":"\\tA\\n","place":"  ","region":"","url":" https://a.example.org/ ",' +
        '"coordinates":[2.35,48.85],"colour":"red","__proto__":{"polluted":true},"constructor":1}',
    ) as unknown;
    const result = ok(parseFeed(feed([entry], { title: '  Budgets ', licence: '' })));
    expect(result.problems).toEqual([]);
    expect(result.feed.title).toBe('Budgets');
    expect(result.feed.licence).toBeUndefined();
    expect(result.feed.programmes).toEqual([
      {
        id: 'a',
        name: 'A',
        url: 'https://a.example.org/',
        coordinates: [2.35, 48.85],
        editions: [],
      },
    ]);
    expect(Object.keys(result.feed.programmes[0] ?? {})).toEqual([
      'id',
      'name',
      'coordinates',
      'url',
      'editions',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns fresh objects: changing the input afterwards changes nothing', () => {
    const input = {
      version: 1,
      sources: [{ name: 'S' }],
      programmes: [{ ...A, coordinates: [1, 2], editions: [{ year: 2020 }] }],
    };
    const result = ok(parseFeed(input));
    input.sources[0]!.name = 'changed';
    input.programmes[0]!.coordinates[0] = 99;
    input.programmes[0]!.editions[0]!.year = 1999;
    expect(result.feed.sources).toEqual([{ name: 'S' }]);
    expect(result.feed.programmes[0]?.coordinates).toEqual([1, 2]);
    expect(result.feed.programmes[0]?.editions).toEqual([{ year: 2020 }]);
  });
});

describe('parseFeed: editions and the year shorthand', () => {
  it('turns year, budget, voters and projects into one edition', () => {
    const entry = { ...A, year: 2024, budget: 500000, voters: 1200, projects: 12 };
    expect(ok(parseFeed(feed([entry]))).feed.programmes).toEqual([
      { ...A, editions: [{ year: 2024, budget: 500000, voters: 1200, projects: 12 }] },
    ]);
  });

  it('keeps voters and projects on the programme when there is no year', () => {
    expect(ok(parseFeed(feed([{ ...A, voters: 30, projects: 2 }]))).feed.programmes).toEqual([
      { ...A, voters: 30, projects: 2, editions: [] },
    ]);
  });

  it('merges the shorthand with the editions, sorted by year', () => {
    const entry = {
      ...A,
      year: 2018,
      budget: 1,
      editions: [{ year: 2021 }, { year: 2019, budget: 2 }],
    };
    const result = ok(parseFeed(feed([entry])));
    expect(result.feed.programmes[0]?.editions).toEqual([
      { year: 2018, budget: 1 },
      { year: 2019, budget: 2 },
      { year: 2021 },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('keeps one edition per year: the first in editions, over the shorthand', () => {
    const entry = {
      ...A,
      year: 2020,
      budget: 1,
      editions: [{ year: 2020, budget: 2 }, { year: 2019 }, { year: 2020, budget: 3 }],
    };
    const result = ok(parseFeed(feed([entry])));
    expect(result.feed.programmes[0]?.editions).toEqual([
      { year: 2019 },
      { year: 2020, budget: 2 },
    ]);
    expect(result.problems).toEqual([
      {
        path: '$.programmes[0].editions[2]',
        message: 'repeats the year 2020 of $.programmes[0].editions[0], which is kept',
        dropped: 'field',
        id: 'a',
      },
      {
        path: '$.programmes[0].year',
        message: 'repeats the year 2020 of $.programmes[0].editions[0], which is kept',
        dropped: 'field',
        id: 'a',
      },
    ]);
  });

  it('drops a budget that has no year to belong to', () => {
    const result = ok(parseFeed(feed([{ ...A, budget: 1000 }])));
    expect(result.feed.programmes).toEqual([{ ...A, editions: [] }]);
    expect(result.problems).toEqual([
      {
        path: '$.programmes[0].budget',
        message: 'needs a "year" beside it (or put it in "editions")',
        dropped: 'field',
        id: 'a',
      },
    ]);
  });
});

describe('parseFeed: the feed’s own fields', () => {
  it('drops each bad top-level field on its own, and each bad source', () => {
    const text = feed([A], {
      title: 42,
      updated: '2026-02-30',
      currency: 'eur',
      kind: 'map',
      sources: [
        { name: 'Good', url: 'ftp://files.example.org/' },
        { url: 'https://x.example.org/' },
        'Bad',
        { name: 'Fine' },
      ],
    });
    const result = ok(parseFeed(text));
    expect(result.feed).toEqual({
      version: 1,
      currency: 'EUR',
      kind: 'programmes',
      sources: [{ name: 'Good' }, { name: 'Fine' }],
      programmes: [{ ...A, editions: [] }],
    });
    expect(result.problems).toEqual([
      { path: '$.title', message: 'must be a string (got 42)', dropped: 'feed' },
      {
        path: '$.updated',
        message: 'must be a real date written YYYY-MM-DD (got "2026-02-30")',
        dropped: 'feed',
      },
      {
        path: '$.currency',
        message: 'must be a three-letter currency code in capitals, like EUR (got "eur")',
        dropped: 'feed',
      },
      {
        path: '$.kind',
        message: 'must be one of "programmes", "projects" (got "map")',
        dropped: 'feed',
      },
      {
        path: '$.sources[0].url',
        message: 'must be an http(s) URL (got "ftp://files.example.org/")',
        dropped: 'feed',
      },
      {
        path: '$.sources[1].name',
        message: 'is missing, so $.sources[1] was dropped',
        dropped: 'feed',
      },
      { path: '$.sources[2]', message: 'must be an object (got "Bad")', dropped: 'feed' },
    ]);
  });

  it('keeps a project feed in another currency', () => {
    const result = ok(parseFeed(feed([A], { kind: 'projects', currency: 'CHF' })));
    expect([result.feed.kind, result.feed.currency]).toEqual(['projects', 'CHF']);
  });
});

describe('parseFeed: GeoJSON', () => {
  const point = (
    coordinates: unknown,
    properties: unknown,
    extra: Record<string, unknown> = {},
  ) => ({
    type: 'Feature',
    ...extra,
    geometry: { type: 'Point', coordinates },
    properties,
  });

  it('reads a FeatureCollection of Points, with the feed fields at its top level', () => {
    const geo = {
      type: 'FeatureCollection',
      title: 'Projets lauréats',
      kind: 'projects',
      features: [
        point([-1.6778, 48.1173, 35], {
          id: 'p1',
          name: 'Un jardin partagé',
          year: 2023,
          budget: 40000,
        }),
        point([-1.68, 48.11], { name: 'Une boîte à livres' }, { id: 'p2' }),
        point([-1.69, 48.12], null, { id: 7 }),
      ],
    };
    const result = ok(parseFeed(geo));
    expect(result.feed).toEqual({
      version: 1,
      title: 'Projets lauréats',
      currency: 'EUR',
      kind: 'projects',
      sources: [],
      programmes: [
        {
          id: 'p1',
          name: 'Un jardin partagé',
          coordinates: [-1.6778, 48.1173],
          editions: [{ year: 2023, budget: 40000 }],
        },
        { id: 'p2', name: 'Une boîte à livres', coordinates: [-1.68, 48.11], editions: [] },
      ],
    });
    expect(result.problems).toEqual([
      { path: '$.features[2].properties.name', message: 'is missing', dropped: 'entry', id: '7' },
    ]);
  });

  it('leaves out features that are not Points, and reports paths inside the feature', () => {
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        point([0, 0], { id: 'ok', name: 'OK', url: 'javascript:void 0' }),
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { id: 'poly', name: 'P' },
        },
        point([0, -95], { id: 'south', name: 'S' }),
        { type: 'Feature', geometry: null, properties: { id: 'none', name: 'N' } },
        point([0, 0], { id: 'ok', name: 'OK twice' }),
      ],
    });
    const result = ok(parseFeed(geo));
    expect(result.feed.programmes).toEqual([
      { id: 'ok', name: 'OK', coordinates: [0, 0], editions: [] },
    ]);
    expect(result.problems).toEqual([
      {
        path: '$.features[0].properties.url',
        message: 'must be an http(s) URL (got "javascript:void 0")',
        dropped: 'field',
        id: 'ok',
      },
      {
        path: '$.features[1].geometry.type',
        message: 'must be "Point", the only geometry a feed can place (got "Polygon")',
        dropped: 'entry',
        id: 'poly',
      },
      {
        path: '$.features[2].geometry.coordinates[1]',
        message: 'must be at least -90 (got -95)',
        dropped: 'entry',
        id: 'south',
      },
      {
        path: '$.features[3].geometry',
        message: 'must be a Point geometry (got null)',
        dropped: 'entry',
        id: 'none',
      },
      {
        path: '$.features[4].properties.id',
        message: 'repeats the id "ok" of $.features[0]',
        dropped: 'entry',
        id: 'ok',
      },
    ]);
  });

  it('refuses a GeoJSON feed of another version', () => {
    expect(error(parseFeed({ type: 'FeatureCollection', version: 2, features: [] }))).toEqual({
      code: 'unsupported-version',
      message: 'This feed is version 2; only version 1 is supported.',
    });
  });
});

describe('parseFeed: unusable feeds', () => {
  it('ignores a UTF-8 byte-order mark', () => {
    expect(ok(parseFeed(`\uFEFF${feed([A])}`)).feed.programmes).toHaveLength(1);
  });

  it('says where JSON text breaks', () => {
    expect(error(parseFeed('{"version": 1, "programmes": ['))).toEqual({
      code: 'not-json',
      message: 'The feed is not valid JSON: Unexpected end of JSON input',
    });
    expect(error(parseFeed('{\n  "version": 1,\n  "programmes": [],\n}'))).toEqual({
      code: 'not-json',
      message:
        'The feed is not valid JSON: Expected double-quoted property name in JSON at position 38 (line 4, column 1)',
    });
    expect(error(parseFeed('')).code).toBe('not-json');
  });

  it('recognises an HTML page', () => {
    expect(error(parseFeed('\n  <!doctype html><title>404</title>'))).toEqual({
      code: 'not-json',
      message:
        'The feed is not JSON: it starts with "<", like an HTML page (an error page or a wrong address?).',
    });
  });

  it('refuses what is not a feed', () => {
    expect(error(parseFeed('[]'))).toEqual({
      code: 'not-a-feed',
      message: 'The feed must be a JSON object with a "programmes" list (got an empty array).',
    });
    expect(error(parseFeed('{"version": 1}'))).toEqual({
      code: 'not-a-feed',
      message: 'The feed has no "programmes" list.',
    });
    expect(error(parseFeed({ version: 1, programmes: { a: A } }))).toEqual({
      code: 'not-a-feed',
      message: `The feed's "programmes" must be a list (got an object).`,
    });
    expect(error(parseFeed({ type: 'FeatureCollection' }))).toEqual({
      code: 'not-a-feed',
      message: 'The GeoJSON FeatureCollection has no "features" list.',
    });
  });

  it('says which version it found and which it supports', () => {
    expect(error(parseFeed('{"version": 2, "entries": []}'))).toEqual({
      code: 'unsupported-version',
      message: 'This feed is version 2; only version 1 is supported.',
    });
    expect(error(parseFeed({ version: '1', programmes: [A] }))).toEqual({
      code: 'unsupported-version',
      message: 'This feed is version "1"; only version 1 is supported.',
    });
    expect(error(parseFeed({ programmes: [A] }))).toEqual({
      code: 'unsupported-version',
      message: 'The feed does not say its version; only version 1 is supported: add "version": 1.',
    });
  });

  it('fails with no-programmes when the list is empty', () => {
    expect(parseFeed(feed([], { title: 7 }))).toEqual({
      ok: false,
      error: { code: 'no-programmes', message: 'The feed\'s "programmes" list is empty.' },
      problems: [{ path: '$.title', message: 'must be a string (got 7)', dropped: 'feed' }],
    });
  });

  it('fails with no-programmes when every entry is left out, and says why for each', () => {
    expect(
      parseFeed(
        feed([
          { ...A, id: 5 },
          { ...A, coordinates: [] },
        ]),
      ),
    ).toEqual({
      ok: false,
      error: {
        code: 'no-programmes',
        message:
          'None of the 2 entries in the feed could be used; the problems say why each was left out.',
      },
      problems: [
        { path: '$.programmes[0].id', message: 'must be a string (got 5)', dropped: 'entry' },
        {
          path: '$.programmes[1].coordinates',
          message: 'must have exactly 2 items (got 0)',
          dropped: 'entry',
          id: 'a',
        },
      ],
    });
  });
});

describe('parseFeed: never throws', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  const cyclic: Record<string, unknown> = { version: 1 };
  cyclic.programmes = [cyclic, { ...A, editions: [cyclic] }];
  const throwing = {
    version: 1,
    get programmes(): unknown[] {
      throw new Error('boom');
    },
  };
  const proxy = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('trap');
      },
      getOwnPropertyDescriptor() {
        throw new Error('trap');
      },
    },
  );
  const nasty: [string, unknown, string][] = [
    ['null', null, 'not-a-feed'],
    ['undefined', undefined, 'not-a-feed'],
    ['42', 42, 'not-a-feed'],
    ['NaN', Number.NaN, 'not-a-feed'],
    ['an array', [], 'not-a-feed'],
    ['an empty string', '', 'not-json'],
    ['the string "null"', 'null', 'not-a-feed'],
    ['a function', () => 1, 'not-a-feed'],
    ['a symbol', Symbol('x'), 'not-a-feed'],
    ['arrays 100k deep', deep, 'not-a-feed'],
    ['objects 100k deep', deepObject, 'not-a-feed'],
    ['arrays 100k deep as programmes', `{"version":1,"programmes":${deep}}`, 'no-programmes'],
    [
      'arrays 100k deep as coordinates',
      feed([{ ...A, coordinates: [0, 0] }]).replace('[0,0]', deep),
      'no-programmes',
    ],
    ['a __proto__ feed', '{"__proto__":{"version":1,"programmes":[]},"version":1}', 'not-a-feed'],
    [
      'NaN coordinates',
      { version: 1, programmes: [{ ...A, coordinates: [Number.NaN, 0] }] },
      'no-programmes',
    ],
    ['a cyclic feed', cyclic, 'no-programmes'],
    ['a throwing getter', throwing, 'not-a-feed'],
    ['a throwing proxy', proxy, 'not-a-feed'],
    ['a sparse list', { version: 1, programmes: new Array(3) }, 'no-programmes'],
    [
      'a feed made of null prototypes',
      Object.assign(Object.create(null) as object, { version: 1, programmes: [] }),
      'no-programmes',
    ],
  ];
  for (const [what, input, code] of nasty) {
    it(`returns ${code} for ${what}`, () => {
      let result: ParseResult | undefined;
      expect(() => (result = parseFeed(input))).not.toThrow();
      expect(result?.ok ? 'ok' : result?.error.code).toBe(code);
    });
  }

  it('keeps up with a big feed (50,000 entries)', () => {
    const programmes = Array.from({ length: 50_000 }, (_, i) => ({
      id: `p${i}`,
      name: `Programme ${i}`,
      coordinates: [(i % 360) - 180, (i % 180) - 90],
      year: 2000 + (i % 30),
      budget: i,
    }));
    const result = ok(parseFeed(feed(programmes)));
    expect(result.feed.programmes).toHaveLength(50_000);
    expect(result.feed.programmes[49_999]?.editions).toEqual([{ year: 2019, budget: 49_999 }]);
  });
});
