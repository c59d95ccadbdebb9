/**
 * A small interpreter of the part of JSON Schema draft-07 that feed.schema.json uses, so that
 * the schema file truly drives validation: change a bound in the JSON and the parser follows.
 *
 * Supported keywords: type (incl. integer, and a list of types), const, enum, minimum, maximum,
 * minLength, maxLength, pattern, format (`date`, `uri`), required, properties, items (one
 * schema, or a tuple array with additionalItems), additionalItems, minItems, maxItems, and
 * `$ref` to `#/...` inside the same document. Annotations (title, description, default...) are
 * ignored. Any other keyword is refused by `schemaKeywordsUnsupported` (a unit test runs it
 * over feed.schema.json) rather than silently ignored.
 *
 * Unknown properties are allowed. The walk only goes as deep as the schema does, so deeply
 * nested or cyclic input cannot overflow the stack here.
 *
 * `compileCheck` compiles the same checks, value by value, for a feed's thousands of values:
 * `validate` is then only needed to say what is wrong.
 */
import schemaJson from './feed.schema.json' with { type: 'json' };

/** A JSON Schema (draft-07) as far as this interpreter understands it. */
export type Schema = boolean | SchemaObject;

/** The object form of a schema; only the keywords listed in `SUPPORTED_KEYWORDS` act. */
export interface SchemaObject {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  default?: unknown;
  type?: string | string[];
  const?: unknown;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  required?: readonly string[];
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  additionalItems?: Schema;
  minItems?: number;
  maxItems?: number;
  definitions?: Record<string, Schema>;
}

/** One step of a JSON path: a property name or an array index. */
export type PathSegment = string | number;

/** One reason a value does not match its schema. */
export interface SchemaError {
  /** JSON path of the offending value, e.g. `$.programmes[3].coordinates[1]`. */
  path: string;
  /** The same path as segments, relative to the value given to `validate`. */
  segments: PathSegment[];
  /** The schema keyword that failed, e.g. `maximum`, or `required` for a missing property. */
  keyword: string;
  /** Plain English, with the offending value in brief, e.g. `must be at most 90 (got 123.4)`. */
  message: string;
}

/** Keywords that act on validation (the rest of `SchemaObject` is annotation). */
export const SUPPORTED_KEYWORDS: readonly string[] = [
  '$ref',
  'type',
  'const',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'required',
  'properties',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
];

const ANNOTATIONS = ['$schema', '$id', 'title', 'description', 'default', 'definitions'];

/** The feed schema, straight from feed.schema.json. */
export const feedSchema = schemaJson as unknown as SchemaObject;

/** Options of `validate`. */
export interface ValidateOptions {
  /** The document `$ref`s resolve against; defaults to the schema itself. */
  root?: Schema;
  /** Where the value sits, for error paths; defaults to `$`. */
  base?: string;
}

/**
 * Checks `value` against `schema` and lists what is wrong, at most one error per location
 * (the first failing keyword), in document order. Never throws on any value; throws only if
 * the schema itself is broken (a `$ref` that leads nowhere).
 */
export function validate(
  value: unknown,
  schema: Schema,
  options: ValidateOptions = {},
): SchemaError[] {
  const w: Walk = {
    root: options.root ?? schema,
    base: options.base ?? '$',
    segments: [],
    errors: [],
  };
  walk(w, value, schema, 0);
  return w.errors;
}

/** Whether a value passes the keywords of one schema, as compiled by `compileCheck`. */
export type Check = (value: unknown) => boolean;

/**
 * The keywords of `schema` that bear on a value itself, compiled once into one function, for a
 * schema that checks many values. It checks all that `validate` checks except the schemas of
 * the value's items and properties, which it does not follow: `validate` lists no error exactly
 * when the compiled check of every value it visits passes (the value, then each item and
 * property its schema describes, with that schema). Many times faster, but it does not say
 * what is wrong: ask `validate` then. Undefined if the schema cannot be compiled (a `$ref` that
 * leads nowhere, a pattern that is not a regular expression).
 */
export function compileCheck(schema: Schema, root: Schema = schema): Check | undefined {
  try {
    return compileLevel(resolveSchema(schema, root));
  } catch {
    return undefined;
  }
}

/**
 * Follows `$ref`s (draft-07: a schema with `$ref` is only its target) and returns the schema
 * that acts. Throws if a reference does not resolve.
 */
export function resolveSchema(schema: Schema, root: Schema = schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current === 'object' && current.$ref !== undefined; hops++) {
    if (hops > 32) throw new Error(`$ref loop at ${current.$ref}`);
    current = lookup(root, current.$ref);
  }
  return current;
}

/**
 * The sub-schema at a JSON pointer into `root` (`#/definitions/programme`). Throws if there is
 * none.
 */
export function lookup(root: Schema, ref: string): Schema {
  const cache = typeof root === 'object' ? refCache.get(root) : undefined;
  const hit = cache?.get(ref);
  if (hit !== undefined) return hit;
  const found = lookupUncached(root, ref);
  if (typeof root === 'object') refCache.set(root, (cache ?? new Map()).set(ref, found));
  return found;
}

const refCache = new WeakMap<SchemaObject, Map<string, Schema>>();

function lookupUncached(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#')) throw new Error(`Only local $ref are supported, got ${ref}`);
  let node: unknown = root;
  const pointer = ref.slice(1);
  if (pointer !== '') {
    for (const raw of pointer.replace(/^\//, '').split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isPlainObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    }
  }
  if (typeof node !== 'boolean' && !isPlainObject(node)) {
    throw new Error(`$ref ${ref} does not resolve`);
  }
  return node as Schema;
}

/**
 * Lists the keywords in `schema` (and every schema inside it) that this interpreter would not
 * enforce, as `path: keyword`. Empty for feed.schema.json.
 */
export function schemaKeywordsUnsupported(schema: Schema, path = '#'): string[] {
  if (typeof schema === 'boolean') return [];
  const found: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.includes(key) && !ANNOTATIONS.includes(key)) {
      found.push(`${path}: ${key}`);
    }
  }
  const children: [string, Schema][] = [];
  for (const [k, s] of Object.entries(schema.properties ?? {}))
    children.push([`properties/${k}`, s]);
  for (const [k, s] of Object.entries(schema.definitions ?? {})) {
    children.push([`definitions/${k}`, s]);
  }
  if (Array.isArray(schema.items)) schema.items.forEach((s, i) => children.push([`items/${i}`, s]));
  else if (schema.items !== undefined) children.push(['items', schema.items]);
  if (schema.additionalItems !== undefined) {
    children.push(['additionalItems', schema.additionalItems]);
  }
  for (const [k, s] of children) found.push(...schemaKeywordsUnsupported(s, `${path}/${k}`));
  return found;
}

/** `$` + segments as a JSON path: `$.programmes[3].coordinates[1]`, `$["odd key"]`. */
export function formatPath(segments: readonly PathSegment[], base = '$'): string {
  let out = base;
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * A value in brief for messages: strings quoted and cut to 40 characters, numbers as written,
 * arrays and objects by kind only. Never recurses into the value.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const chars = Array.from(value.slice(0, 82));
    return chars.length > 40
      ? `${JSON.stringify(chars.slice(0, 40).join(''))}…`
      : JSON.stringify(value);
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

/** `Object.entries(schema.properties)`, computed once per schema. */
export function propertyEntries(schema: SchemaObject): readonly [string, Schema][] {
  let entries = entriesCache.get(schema);
  if (!entries) {
    entries = Object.entries(schema.properties ?? {});
    entriesCache.set(schema, entries);
  }
  return entries;
}

const entriesCache = new WeakMap<SchemaObject, [string, Schema][]>();

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only (never one inherited from a prototype). */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** True for a real calendar date written YYYY-MM-DD (`format: date`). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** True for an absolute URL that `new URL` accepts (`format: uri`). */
export function isAbsoluteUrl(text: string): boolean {
  if (PLAIN_HTTP_URL.test(text)) return true; // `new URL` would say so, slowly
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

const MAX_SCHEMA_DEPTH = 64;

/**
 * http(s) URLs of the plainest kind, which every URL parser accepts: a host of letters, digits
 * and inner hyphens whose last label starts with a letter (so it is not an IPv4 address, nor
 * punycode to decode), then nothing or printable ASCII after `/`, `?` or `#`.
 */
const PLAIN_HTTP_URL =
  /^https?:\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:[/?#][\x21-\x7e]*)?$/i;

/** Plain-English meanings of the patterns the feed schema uses; others are quoted as is. */
const PATTERN_MESSAGES: Record<string, string> = {
  '^https?://': 'must be an http(s) URL',
  '^[A-Z]{3}$': 'must be a three-letter currency code in capitals, like EUR',
  '^[A-Z]{2}$': 'must be a two-letter country code in capitals, like FR',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'must be a real date written YYYY-MM-DD',
  uri: 'must be a valid absolute URL',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const regexCache = new Map<string, RegExp>();

/** What one `validate` call shares down the walk. */
interface Walk {
  root: Schema;
  base: string;
  segments: PathSegment[];
  errors: SchemaError[];
}

function fail(w: Walk, keyword: string, message: string): void {
  w.errors.push({
    path: formatPath(w.segments, w.base),
    segments: [...w.segments],
    keyword,
    message,
  });
}

function walk(w: Walk, value: unknown, schemaIn: Schema, depth: number): void {
  if (depth > MAX_SCHEMA_DEPTH) throw new Error('Schema nests too deep (a $ref cycle?)');
  const schema = resolveSchema(schemaIn, w.root);
  if (schema === true) return;
  if (schema === false) return fail(w, 'false', `is not allowed (got ${describeValue(value)})`);

  const failure = checkScalar(value, schema);
  if (failure) return fail(w, failure[0], failure[1]);

  if (Array.isArray(value)) {
    walkArray(w, value, schema, depth);
  } else if (isPlainObject(value)) {
    const { segments } = w;
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) {
        segments.push(key);
        fail(w, 'required', 'is missing');
        segments.pop();
      }
    }
    for (const [key, sub] of propertyEntries(schema)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) continue;
      segments.push(key);
      walk(w, value[key], sub, depth + 1);
      segments.pop();
    }
  }
}

function walkArray(w: Walk, value: unknown[], schema: SchemaObject, depth: number): void {
  const tuple = Array.isArray(schema.items) ? schema.items : undefined;
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    fail(w, 'minItems', `must have ${itemCount(schema, 'least')} (got ${value.length})`);
  } else if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    fail(w, 'maxItems', `must have ${itemCount(schema, 'most')} (got ${value.length})`);
  } else if (tuple && schema.additionalItems === false && value.length > tuple.length) {
    fail(w, 'additionalItems', `must have at most ${tuple.length} items (got ${value.length})`);
  }
  const single = tuple ? undefined : (schema.items as Schema | undefined);
  if (single === undefined && tuple === undefined) return;
  // Past a closed tuple there is nothing more to say (the length was reported above).
  const end =
    tuple && schema.additionalItems === false ? Math.min(value.length, tuple.length) : value.length;
  for (let i = 0; i < end; i++) {
    const sub = tuple ? (tuple[i] ?? schema.additionalItems) : single;
    if (sub === undefined) continue;
    w.segments.push(i);
    walk(w, value[i], sub, depth + 1);
    w.segments.pop();
  }
}

function itemCount(schema: SchemaObject, bound: 'least' | 'most'): string {
  const { minItems, maxItems } = schema;
  const n = bound === 'least' ? minItems : maxItems;
  const noun = n === 1 ? 'item' : 'items';
  if (minItems !== undefined && minItems === maxItems) return `exactly ${n} ${noun}`;
  return `at ${bound} ${n} ${noun}`;
}

// `compileCheck`: `checkScalar` and the checks `walk` makes on the value itself, with the same
// helpers but no paths or messages, in one closure per schema. It must pass exactly when `walk`
// finds nothing on that value.

function compileLevel(schema: Schema): Check {
  const s: SchemaObject = typeof schema === 'object' ? schema : {};
  const never = schema === false;
  const types = s.type === undefined ? undefined : Array.isArray(s.type) ? s.type : [s.type];
  const typeMask = (types ?? []).reduce((mask, t) => mask | typeBit(t), 0);
  const hasConst = Object.hasOwn(s, 'const');
  const { minimum, maximum, minLength, maxLength, minItems, maxItems, items } = s;
  const options = s.enum;
  const re = s.pattern === undefined ? undefined : regex(s.pattern);
  const date = s.format === 'date';
  const uri = s.format === 'uri';
  const most = Array.isArray(items) && s.additionalItems === false ? items.length : undefined;
  const required = s.required ?? [];
  return (v) => {
    if (never) return false;
    if (types !== undefined && (typeBits(v) & typeMask) === 0) return false;
    if (hasConst && !sameJson(v, s.const)) return false;
    if (options !== undefined && !isOneOf(v, options)) return false;
    if (typeof v === 'number') {
      return (minimum === undefined || v >= minimum) && (maximum === undefined || v <= maximum);
    }
    if (typeof v === 'string') {
      return (
        (minLength === undefined || hasAtLeast(v, minLength)) &&
        (maxLength === undefined || !hasAtLeast(v, maxLength + 1)) &&
        (re === undefined || re.test(v)) &&
        (!date || isCalendarDate(v)) &&
        (!uri || isAbsoluteUrl(v))
      );
    }
    if (Array.isArray(v)) {
      const n = v.length;
      return !(n < (minItems ?? 0) || n > (maxItems ?? Infinity) || n > (most ?? Infinity));
    }
    if (isPlainObject(v)) {
      for (let i = 0; i < required.length; i++) {
        const key = required[i] as string;
        if (!Object.hasOwn(v, key) || v[key] === undefined) return false;
      }
    }
    return true;
  };
}

/** One bit per JSON Schema type; a value has those of every type it is (an integer is a number). */
const TYPE_BITS: Record<string, number> = {
  string: 1,
  number: 2,
  integer: 4,
  boolean: 8,
  null: 16,
  array: 32,
  object: 64,
};

function typeBit(type: string): number {
  return Object.hasOwn(TYPE_BITS, type) ? (TYPE_BITS[type] as number) : 0;
}

/** The bits of the types `value` has. */
function typeBits(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return 1;
    case 'number':
      return Number.isInteger(value) ? 6 : Number.isFinite(value) ? 2 : 0;
    case 'boolean':
      return 8;
    case 'object':
      return value === null ? 16 : Array.isArray(value) ? 32 : 64;
    default:
      return 0;
  }
}

/** The first keyword (other than the structural ones) that `value` fails, with its message. */
function checkScalar(value: unknown, schema: SchemaObject): [string, string] | undefined {
  const got = (): string => `(got ${describeValue(value)})`;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) {
      const names = types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      return ['type', `must be ${names} ${got()}`];
    }
  }
  if (Object.hasOwn(schema, 'const') && !sameJson(value, schema.const)) {
    return ['const', `must be ${describeValue(schema.const)} ${got()}`];
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => sameJson(value, e))) {
    const options = schema.enum.map(describeValue).join(', ');
    return ['enum', `must be one of ${options} ${got()}`];
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && !(value >= schema.minimum)) {
      return ['minimum', `must be at least ${schema.minimum} ${got()}`];
    }
    if (schema.maximum !== undefined && !(value <= schema.maximum)) {
      return ['maximum', `must be at most ${schema.maximum} ${got()}`];
    }
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && !hasAtLeast(value, schema.minLength)) {
      return [
        'minLength',
        schema.minLength === 1
          ? 'must not be empty'
          : `must be at least ${schema.minLength} characters long ${got()}`,
      ];
    }
    if (schema.maxLength !== undefined && hasAtLeast(value, schema.maxLength + 1)) {
      const length = Array.from(value).length;
      return [
        'maxLength',
        `must be at most ${schema.maxLength} characters long (got ${length} characters)`,
      ];
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
      const meaning = PATTERN_MESSAGES[schema.pattern] ?? `must match /${schema.pattern}/`;
      return ['pattern', `${meaning} ${got()}`];
    }
    if (schema.format === 'date' && !isCalendarDate(value)) {
      return ['format', `${FORMAT_MESSAGES.date} ${got()}`];
    }
    if (schema.format === 'uri' && !isAbsoluteUrl(value)) {
      return ['format', `${FORMAT_MESSAGES.uri} ${got()}`];
    }
  }
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  return (typeBits(value) & typeBit(type)) !== 0;
}

function isOneOf(value: unknown, options: readonly unknown[]): boolean {
  for (let i = 0; i < options.length; i++) if (sameJson(value, options[i])) return true;
  return false;
}

/** Equality for const/enum on the JSON values the schema holds (scalars). */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Whether `text` has at least `n` Unicode code points (JSON Schema counts code points). */
function hasAtLeast(text: string, n: number): boolean {
  if (text.length < n) return false;
  if (text.length >= 2 * n) return true;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1); // NaN past the end
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    if (++count >= n) return true;
  }
  return n <= 0;
}

function regex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    regexCache.set(pattern, re);
  }
  return re;
}
