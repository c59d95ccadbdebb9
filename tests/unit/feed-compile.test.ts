import { describe, it, expect } from 'vitest';
import type { Schema } from '../../src/core/feed/validate.js';
import {
  compileCheck,
  feedSchema,
  isPlainObject,
  propertyEntries,
  resolveSchema,
  validate,
} from '../../src/core/feed/validate.js';

// parseFeed trusts compileCheck to skip validate on clean entries: the two must never disagree.

/** Every schema in feed.schema.json (and a few shapes it does not use yet), by where it is. */
function schemasIn(schema: Schema, at: string, out: [string, Schema][]): [string, Schema][] {
  out.push([at, schema]);
  if (typeof schema !== 'object') return out;
  for (const [key, sub] of propertyEntries(schema)) schemasIn(sub, `${at}/properties/${key}`, out);
  for (const [key, sub] of Object.entries(schema.definitions ?? {})) {
    schemasIn(sub, `${at}/definitions/${key}`, out);
  }
  const { items } = schema;
  if (Array.isArray(items)) items.forEach((sub, i) => schemasIn(sub, `${at}/items/${i}`, out));
  else if (items !== undefined) schemasIn(items, `${at}/items`, out);
  return out;
}

const extra: [string, Schema][] = [
  ['open tuple', { items: [{ type: 'string' }], additionalItems: { type: 'integer' } }],
  ['closed tuple', { items: [{ type: 'string' }, true], additionalItems: false }],
  ['list', { type: 'array', minItems: 1, maxItems: 2, items: { type: 'integer', maximum: 3 } }],
  ['types', { type: ['string', 'null'], enum: ['a', null, 1] }],
  ['required only', { required: ['a'] }],
  ['nothing', true],
  ['never', false],
];

const edition = { year: 2020, budget: 10, voters: 3, projects: 1, status: 'done' };
const entry = { id: 'a', name: 'A', coordinates: [-1.5, 48.1], editions: [edition] };
const values: unknown[] = [
  ...[undefined, null, true, false, 0, -0, -1, 1.5, 3, 1979, 1980, 2100, 2101, -181, 180, 91],
  ...[Number.NaN, Infinity, -Infinity, '', ' ', 'a', 'FR', 'fr', 'FRA', 'EUR', 'commune', 'town'],
  ...['https://example.org/a?b#c', 'https://exa mple.org/', 'javascript:x', 'http://', '1', '😀'],
  ...['2024-02-29', '2023-02-29', 'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(301)],
  ...[[], [0, 0], [200, 0], [1], [1, 2, 3], ['a', 1], ['a', 1, 2], ['a', 'b'], [null], [edition]],
  ...[[{ year: 1 }], [{}], {}, { a: undefined }, { a: 1 }, edition, { ...edition, budget: -1 }],
  ...[entry, { ...entry, coordinates: [0, 91] }, { ...entry, id: '' }, { name: 'S', url: 'x' }],
  ...[
    { ...entry, editions: [edition, { year: '2020' }] },
    { version: 1, programmes: [entry] },
  ],
  ...[{ version: 1, programmes: [{ ...entry, country: 'fr' }] }, Object.create(null) as object],
];

/** What parse.ts does: the compiled check of every value that validate visits. */
function passesEverywhere(value: unknown, schemaIn: Schema): boolean {
  const schema = resolveSchema(schemaIn, feedSchema);
  const check = compileCheck(schema, feedSchema);
  if (check === undefined) throw new Error('does not compile');
  if (!check(value)) return false;
  if (typeof schema !== 'object') return true;
  if (Array.isArray(value)) {
    const { items, additionalItems } = schema;
    return value.every((item, i) => {
      const sub = Array.isArray(items) ? (items[i] ?? additionalItems) : items;
      return sub === undefined || passesEverywhere(item, sub);
    });
  }
  if (!isPlainObject(value)) return true;
  return propertyEntries(schema).every(
    ([key, sub]) =>
      !Object.hasOwn(value, key) || value[key] === undefined || passesEverywhere(value[key], sub),
  );
}

describe('compileCheck', () => {
  const schemas = [...schemasIn(feedSchema, '#', []), ...extra];

  it('compiles every schema of feed.schema.json', () => {
    for (const [, schema] of schemas)
      expect(compileCheck(schema, feedSchema)).toBeTypeOf('function');
  });

  it('agrees with validate on every schema, value by value', () => {
    const disagreements: string[] = [];
    for (const [at, schema] of schemas) {
      values.forEach((value, i) => {
        const valid = validate(value, schema, { root: feedSchema }).length === 0;
        if (passesEverywhere(value, schema) !== valid) disagreements.push(`${at} value #${i}`);
      });
    }
    expect(disagreements).toEqual([]);
  });

  it('is undefined for a schema it cannot compile', () => {
    expect(compileCheck({ $ref: '#/definitions/nope' }, feedSchema)).toBeUndefined();
    expect(compileCheck({ type: 'string', pattern: '(' })).toBeUndefined();
  });
});
