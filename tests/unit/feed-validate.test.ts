import { describe, it, expect } from 'vitest';
import type { Schema, SchemaObject } from '../../src/core/feed/validate.js';
import {
  describeValue,
  feedSchema,
  formatPath,
  isCalendarDate,
  lookup,
  schemaKeywordsUnsupported,
  validate,
} from '../../src/core/feed/validate.js';

const programme = lookup(feedSchema, '#/definitions/programme');
const edition = lookup(feedSchema, '#/definitions/edition');

/** Errors as `path: message`, the way a feed publisher reads them. */
function check(value: unknown, schema: Schema, base = '$'): string[] {
  return validate(value, schema, { root: feedSchema, base }).map((e) => `${e.path}: ${e.message}`);
}

describe('the schema interpreter', () => {
  it('enforces every keyword feed.schema.json uses (none is silently ignored)', () => {
    expect(schemaKeywordsUnsupported(feedSchema)).toEqual([]);
    expect(schemaKeywordsUnsupported({ type: 'object', oneOf: [] } as SchemaObject)).toEqual([
      '#: oneOf',
    ]);
  });

  it('accepts a valid programme, unknown properties included', () => {
    const rennes = {
      id: 'fr-35238',
      name: 'Budget participatif de Rennes',
      coordinates: [-1.6778, 48.1173],
      url: 'https://www.example.org/',
      editions: [{ year: 2016, budget: 3500000 }],
      colour: 'red',
    };
    expect(check(rennes, programme)).toEqual([]);
  });

  it('reports coordinates out of range with their path and value', () => {
    const entry = { id: 'a', name: 'A', coordinates: [200, 123.4] };
    expect(check(entry, programme, '$.programmes[3]')).toEqual([
      '$.programmes[3].coordinates[0]: must be at most 180 (got 200)',
      '$.programmes[3].coordinates[1]: must be at most 90 (got 123.4)',
    ]);
  });

  it('reports missing required properties at their own path', () => {
    expect(check({ coordinates: [0, 0] }, programme)).toEqual([
      '$.id: is missing',
      '$.name: is missing',
    ]);
  });

  it('counts coordinate items, including extra ones', () => {
    expect(check({ id: 'a', name: 'A', coordinates: [1] }, programme)).toEqual([
      '$.coordinates: must have exactly 2 items (got 1)',
    ]);
    expect(check({ id: 'a', name: 'A', coordinates: [1, 2, 3] }, programme)).toEqual([
      '$.coordinates: must have exactly 2 items (got 3)',
    ]);
  });

  it('refuses URLs that are not http(s), and http URLs that do not parse', () => {
    const url = (u: string) =>
      check({ id: 'a', name: 'A', coordinates: [0, 0], url: u }, programme);
    expect(url('javascript:alert(1)')).toEqual([
      '$.url: must be an http(s) URL (got "javascript:alert(1)")',
    ]);
    expect(url('data:text/html,hi')).toEqual([
      '$.url: must be an http(s) URL (got "data:text/html,hi")',
    ]);
    expect(url('https://exa mple.org/')).toEqual([
      '$.url: must be a valid absolute URL (got "https://exa mple.org/")',
    ]);
    expect(url('http://example.org/a?b=c#d')).toEqual([]);
  });

  it('tells integers, finite numbers and strings apart', () => {
    expect(check({ year: 2016.5 }, edition)).toEqual(['$.year: must be an integer (got 2016.5)']);
    expect(check({ year: '2016' }, edition)).toEqual(['$.year: must be an integer (got "2016")']);
    expect(check({ year: 2016, budget: Number.NaN }, edition)).toEqual([
      '$.budget: must be a number (got NaN)',
    ]);
    expect(check({ year: 2016, budget: Infinity }, edition)).toEqual([
      '$.budget: must be a number (got Infinity)',
    ]);
    expect(check({ year: 1979, budget: -1, voters: 1.5 }, edition)).toEqual([
      '$.year: must be at least 1980 (got 1979)',
      '$.budget: must be at least 0 (got -1)',
      '$.voters: must be an integer (got 1.5)',
    ]);
    expect(check([], edition)).toEqual(['$: must be an object (got an empty array)']);
  });

  it('explains enums, constants and code patterns in plain words', () => {
    const entry = { id: 'a', name: 'A', coordinates: [0, 0], level: 'city', country: 'fr' };
    expect(check(entry, programme)).toEqual([
      '$.country: must be a two-letter country code in capitals, like FR (got "fr")',
      '$.level: must be one of "commune", "intercommunality", "department", "region", "other" (got "city")',
    ]);
    expect(check(2, feedSchema.properties?.version ?? true)).toEqual(['$: must be 1 (got 2)']);
    expect(check('eur', feedSchema.properties?.currency ?? true)).toEqual([
      '$: must be a three-letter currency code in capitals, like EUR (got "eur")',
    ]);
  });

  it('counts string lengths in characters, not UTF-16 units', () => {
    const name = (n: string) => check({ id: 'a', name: n, coordinates: [0, 0] }, programme);
    expect(name('x'.repeat(300))).toEqual([]);
    expect(name('😀'.repeat(300))).toEqual([]);
    expect(name('x'.repeat(301))).toEqual([
      '$.name: must be at most 300 characters long (got 301 characters)',
    ]);
    expect(name('')).toEqual(['$.name: must not be empty']);
  });

  it('checks dates against the calendar', () => {
    const updated = feedSchema.properties?.updated ?? true;
    expect(check('2026-11-01', updated)).toEqual([]);
    expect(check('2024-02-29', updated)).toEqual([]);
    expect(check('2026-02-29', updated)).toEqual([
      '$: must be a real date written YYYY-MM-DD (got "2026-02-29")',
    ]);
    expect(
      ['2026-13-01', '2026-04-31', '26-11-01', '2026-11-1', '2026-11-01T00:00Z'].map(
        isCalendarDate,
      ),
    ).toEqual([false, false, false, false, false]);
    expect(['1900-02-28', '2000-02-29', '1900-02-29'].map(isCalendarDate)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keeps the offending value brief in messages', () => {
    const long = `javascript:${'a'.repeat(100)}`;
    expect(check({ name: 'S', url: long }, lookup(feedSchema, '#/definitions/source'))).toEqual([
      `$.url: must be an http(s) URL (got "javascript:aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"…)`,
    ]);
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue([1, 2])).toBe('an array');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });

  it('supports tuples closed by additionalItems: false, and item lists', () => {
    const pair: Schema = {
      type: 'array',
      items: [{ type: 'string' }, { type: 'number' }],
      additionalItems: false,
    };
    expect(check(['a', 1], pair)).toEqual([]);
    expect(check(['a', 1, true], pair)).toEqual(['$: must have at most 2 items (got 3)']);
    expect(check([1, 'a'], pair)).toEqual([
      '$[0]: must be a string (got 1)',
      '$[1]: must be a number (got "a")',
    ]);
    const list: Schema = { type: 'array', minItems: 1, items: { type: 'integer', maximum: 3 } };
    expect(check([], list)).toEqual(['$: must have at least 1 item (got 0)']);
    expect(check([1, 5, 2, 9], list)).toEqual([
      '$[1]: must be at most 3 (got 5)',
      '$[3]: must be at most 3 (got 9)',
    ]);
  });

  it('follows the bounds written in the schema', () => {
    const strict: Schema = {
      definitions: { year: { type: 'integer', minimum: 2000, maximum: 2030 } },
      properties: { year: { $ref: '#/definitions/year' } },
    };
    const messages = (v: unknown) => validate(v, strict).map((e) => `${e.path}: ${e.message}`);
    expect(messages({ year: 2031 })).toEqual(['$.year: must be at most 2030 (got 2031)']);
    expect(messages({ year: 1999 })).toEqual(['$.year: must be at least 2000 (got 1999)']);
    expect(messages({ year: 2030 })).toEqual([]);
  });

  it('walks only as deep as the schema, so deep input cannot overflow the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(check({ id: 'a', name: 'A', coordinates: [deep, 0] }, programme)).toEqual([
      '$.coordinates[0]: must be a number (got an array)',
    ]);
  });

  it('writes JSON paths that can be pasted back', () => {
    expect(formatPath(['programmes', 3, 'coordinates', 1])).toBe('$.programmes[3].coordinates[1]');
    expect(formatPath(['odd key', 0], '$.x')).toBe('$.x["odd key"][0]');
  });

  it('refuses a $ref that leads nowhere instead of accepting everything', () => {
    expect(() => lookup(feedSchema, '#/definitions/nope')).toThrow(
      '$ref #/definitions/nope does not resolve',
    );
  });
});
