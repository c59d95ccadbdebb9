/**
 * Turns feed text (or an already-parsed value) into a `Feed` the rest of pb-map can trust, or
 * one clear error. Validation is driven by feed.schema.json through `validate.ts`; this file
 * holds the policy on top of it: what is left out when something is wrong, and the shorthands.
 * The rules are written out for feed publishers in docs/feed.md; keep both in step.
 */
import type {
  Feed,
  FeedErrorCode,
  FeedProblem,
  ParseResult,
  PbEdition,
  Programme,
} from './model.js';
import type { PathSegment, Schema, SchemaError, SchemaObject } from './validate.js';
import {
  compileCheck,
  describeValue,
  feedSchema,
  formatPath,
  isPlainObject,
  own,
  propertyEntries,
  resolveSchema,
  validate,
} from './validate.js';

/**
 * Parses and checks a feed. `input` is JSON text (a UTF-8 byte-order mark is ignored) or an
 * already-parsed value: a feed object, or a GeoJSON FeatureCollection of Points.
 *
 * Never throws. Entries and fields that break the rules are left out and listed in `problems`,
 * each with its JSON path; when nothing usable remains, `ok` is false with one error.
 *
 * @example
 * const result = parseFeed(await response.text());
 * if (result.ok) draw(result.feed.programmes);
 * else show(result.error.message);
 */
export function parseFeed(input: unknown): ParseResult {
  const problems: FeedProblem[] = [];
  try {
    return parseOrFail(input, problems);
  } catch (err) {
    // Nothing above should throw; this is the last guard (getters that throw, proxies...).
    return failure('not-a-feed', `The feed could not be read: ${errorText(err)}`, problems);
  }
}

// ---------------------------------------------------------------------------------------------
// Policy, in one place (docs/feed.md "What happens to mistakes" says the same in English).

/**
 * Parts of an entry whose failure leaves the whole entry out even though the schema marks them
 * optional: the figures. A programme shown with a wrong or missing year or budget would mislead,
 * so it is better left out and reported. `[]` stands for any index.
 */
const ENTRY_FATAL = new Set([
  'year',
  'budget',
  'editions',
  'editions[]',
  'editions[].year',
  'editions[].budget',
]);

/** The top-level properties that are not plain optional fields. */
const VERSION_KEY = 'version';
const LIST_KEY = 'programmes';
/** Shorthand fields folded into one edition when `year` is given. */
const SHORTHAND_KEYS = ['year', 'budget', 'voters', 'projects'] as const;

const rootProps = feedSchema.properties ?? {};
const entrySchema = schemaObject(
  resolveSchema(
    listItems(schemaObject(resolveSchema(rootProps[LIST_KEY] ?? {}, feedSchema))),
    feedSchema,
  ),
);
const versionSchema = rootProps[VERSION_KEY] ?? true;
/** Entries come by the thousand: their cleaning (and checking) is compiled once. */
const cleaners = new Map<Schema, Cleaner>();
const cleanEntry = cleaner(entrySchema);
const NO_ERRORS: readonly SchemaError[] = [];
const EDITIONS_LAST = propertyEntries(entrySchema).at(-1)?.[0] === 'editions';
const supportedVersion = schemaObject(resolveSchema(versionSchema, feedSchema)).const ?? 1;

// ---------------------------------------------------------------------------------------------

function parseOrFail(input: unknown, problems: FeedProblem[]): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (/^\s*</.test(text)) {
      return failure(
        'not-json',
        'The feed is not JSON: it starts with "<", like an HTML page (an error page or a wrong address?).',
        problems,
      );
    }
    try {
      value = JSON.parse(text);
    } catch (err) {
      return failure(
        'not-json',
        `The feed is not valid JSON: ${jsonErrorText(err, text)}`,
        problems,
      );
    }
  }

  if (!isPlainObject(value)) {
    return failure(
      'not-a-feed',
      `The feed must be a JSON object with a "${LIST_KEY}" list (got ${describeValue(value)}).`,
      problems,
    );
  }
  const geo = own(value, 'type') === 'FeatureCollection';
  const version = own(value, VERSION_KEY);
  if (version !== undefined && validate(version, versionSchema, { root: feedSchema }).length > 0) {
    return failure(
      'unsupported-version',
      `This feed is version ${describeValue(version)}; only version ${describeValue(supportedVersion)} is supported.`,
      problems,
    );
  }
  const listKey = geo ? 'features' : LIST_KEY;
  const list = own(value, listKey);
  if (!Array.isArray(list)) {
    const what = geo ? 'The GeoJSON FeatureCollection' : 'The feed';
    return failure(
      'not-a-feed',
      list === undefined
        ? `${what} has no "${listKey}" list.`
        : `${what}'s "${listKey}" must be a list (got ${describeValue(list)}).`,
      problems,
    );
  }
  if (version === undefined && !geo) {
    return failure(
      'unsupported-version',
      `The feed does not say its version; only version ${describeValue(supportedVersion)} is supported: add "${VERSION_KEY}": ${describeValue(supportedVersion)}.`,
      problems,
    );
  }

  const meta = parseTopLevel(value, problems);
  if (list.length === 0) {
    return failure('no-programmes', `The feed's "${listKey}" list is empty.`, problems);
  }

  const programmes: Programme[] = [];
  const firstWithId = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const programme = geo
      ? parseFeature(list[i], i, problems)
      : parseEntry(list[i], entryPaths(i), problems);
    if (!programme) continue;
    const first = firstWithId.get(programme.id);
    if (first !== undefined) {
      const at = geo ? featureIdPath(list[i], i) : `$.${LIST_KEY}[${i}].id`;
      const firstAt = geo ? `$.features[${first}]` : `$.${LIST_KEY}[${first}]`;
      problems.push({
        path: at,
        message: `repeats the id ${describeValue(programme.id)} of ${firstAt}`,
        dropped: 'entry',
        id: programme.id,
      });
      continue;
    }
    firstWithId.set(programme.id, i);
    programmes.push(programme);
  }
  if (programmes.length === 0) {
    const n = list.length;
    return failure(
      'no-programmes',
      `None of the ${n} ${n === 1 ? 'entry' : 'entries'} in the feed could be used; the problems say why each was left out.`,
      problems,
    );
  }
  return { ok: true, feed: { ...meta, programmes }, problems };
}

/** The feed's own fields (title, sources...): each bad one is dropped on its own. */
function parseTopLevel(
  value: Record<string, unknown>,
  problems: FeedProblem[],
): Omit<Feed, 'programmes'> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rootProps)) {
    if (key === VERSION_KEY || key === LIST_KEY) continue;
    const raw = own(value, key);
    if (raw === undefined) continue;
    const cleaned = cleaner(schema)(raw, 0, { faults: 0 });
    if (cleaned === '') continue;
    const holder: Record<string, unknown> = { [key]: cleaned };
    const errors = validate(holder, { properties: { [key]: schema } }, { root: feedSchema });
    applyDrops(holder, { properties: { [key]: schema } }, errors, (e, point) => {
      problems.push({
        path: formatPath(e.segments),
        message: withDropNote(e, point, formatPath(point)),
        dropped: 'feed',
      });
    });
    if (Object.hasOwn(holder, key)) out[key] = holder[key];
  }
  return {
    ...out,
    version: 1,
    currency: typeof out.currency === 'string' ? out.currency : defaultOf('currency', 'EUR'),
    kind:
      out.kind === 'projects' || out.kind === 'programmes'
        ? out.kind
        : defaultOf('kind', 'programmes'),
    sources: Array.isArray(out.sources) ? (out.sources as Feed['sources']) : [],
  } as Omit<Feed, 'programmes'>;
}

/** Maps an entry's segments to JSON paths in the document (they differ for GeoJSON). */
interface EntryPaths {
  of(segments: readonly PathSegment[]): string;
}

/** The paths in entry `i` of the list, written out only when a problem needs one. */
function entryPaths(i: number): EntryPaths {
  return { of: (segments) => formatPath(segments, `$.${LIST_KEY}[${i}]`) };
}

/** One GeoJSON feature: `properties` carry the fields, `geometry` the coordinates. */
function parseFeature(feature: unknown, i: number, problems: FeedProblem[]): Programme | undefined {
  const at = `$.features[${i}]`;
  const drop = (path: string, message: string): undefined => {
    const id = idOfFeature(feature);
    problems.push(
      id === undefined
        ? { path, message, dropped: 'entry' }
        : { path, message, dropped: 'entry', id },
    );
    return undefined;
  };
  if (!isPlainObject(feature)) {
    return drop(at, `must be a GeoJSON Feature object (got ${describeValue(feature)})`);
  }
  const geometry = own(feature, 'geometry');
  if (!isPlainObject(geometry)) {
    return drop(`${at}.geometry`, `must be a Point geometry (got ${describeValue(geometry)})`);
  }
  const type = own(geometry, 'type');
  if (type !== 'Point') {
    return drop(
      `${at}.geometry.type`,
      `must be "Point", the only geometry a feed can place (got ${describeValue(type)})`,
    );
  }
  const props = own(feature, 'properties') ?? {};
  if (!isPlainObject(props)) {
    return drop(`${at}.properties`, `must be an object (got ${describeValue(props)})`);
  }
  const entry: Record<string, unknown> = {};
  for (const key of Object.keys(entrySchema.properties ?? {})) {
    if (key !== 'coordinates' && Object.hasOwn(props, key)) entry[key] = props[key];
  }
  const featureId = own(feature, 'id');
  const idFromFeature =
    entry.id === undefined && (typeof featureId === 'string' || Number.isFinite(featureId));
  if (idFromFeature) entry.id = String(featureId);
  const coordinates = own(geometry, 'coordinates');
  // GeoJSON allows an altitude as a third number: it is not ours to judge, so it is ignored.
  entry.coordinates =
    Array.isArray(coordinates) && coordinates.length === 3 ? coordinates.slice(0, 2) : coordinates;
  const paths: EntryPaths = {
    of(segments) {
      const [first, ...rest] = segments;
      if (first === 'coordinates') return formatPath(rest, `${at}.geometry.coordinates`);
      if (first === 'id' && idFromFeature) return formatPath(rest, `${at}.id`);
      return formatPath(segments, `${at}.properties`);
    },
  };
  return parseEntry(entry, paths, problems);
}

/** The id of a feature that is dropped before validation, for its problem, if it has one. */
function idOfFeature(feature: unknown): string | undefined {
  if (!isPlainObject(feature)) return undefined;
  const props = own(feature, 'properties');
  const id = isPlainObject(props) ? own(props, 'id') : own(feature, 'id');
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

function featureIdPath(feature: unknown, i: number): string {
  const props = isPlainObject(feature) ? own(feature, 'properties') : undefined;
  return isPlainObject(props) && own(props, 'id') !== undefined
    ? `$.features[${i}].properties.id`
    : `$.features[${i}].id`;
}

/** One entry: validated against definitions/programme, then the shorthand folded in. */
function parseEntry(
  raw: unknown,
  paths: EntryPaths,
  problems: FeedProblem[],
): Programme | undefined {
  const found = { faults: 0 };
  const entry = cleanEntry(raw, 0, found);
  // Most entries have no fault, and `validate` would find none: it is run only to say what they are.
  const errors =
    found.faults === 0 ? NO_ERRORS : validate(entry, entrySchema, { root: feedSchema });
  const id =
    isPlainObject(entry) &&
    typeof entry.id === 'string' &&
    !errors.some((e) => e.segments[0] === 'id')
      ? entry.id
      : undefined;
  const withId = (p: FeedProblem): FeedProblem => (id === undefined ? p : { ...p, id });

  const fatal =
    errors.length === 0
      ? errors
      : errors.filter((e) => isFatal(dropPoint(entrySchema, e.segments)));
  if (fatal.length > 0 || !isPlainObject(entry)) {
    for (const e of fatal) {
      problems.push(withId({ path: paths.of(e.segments), message: e.message, dropped: 'entry' }));
    }
    return undefined;
  }
  applyDrops(entry, entrySchema, errors, (e, point) => {
    problems.push(
      withId({
        path: paths.of(e.segments),
        message: withDropNote(e, point, paths.of(point)),
        dropped: 'field',
      }),
    );
  });
  return foldEditions(entry, paths, (p) => problems.push(withId(p)));
}

/**
 * The `year` (+ `budget`, `voters`, `projects`) shorthand becomes one edition beside the listed
 * `editions`; the same year twice keeps the first listed in `editions` (the shorthand loses).
 * Editions come out sorted by year.
 */
function foldEditions(
  entry: Record<string, unknown>,
  paths: EntryPaths,
  report: (p: FeedProblem) => void,
): Programme {
  const listed = Array.isArray(entry.editions) ? (entry.editions as PbEdition[]) : [];
  // Most entries list their editions by year, each year once: nothing to drop or sort then.
  const editions = inYearOrder(listed) ? listed.slice() : firstOfEachYear(listed, paths, report);

  const year = entry.year;
  const hasShorthand = typeof year === 'number';
  if (hasShorthand) {
    const shorthand: Record<string, unknown> = {};
    for (const key of SHORTHAND_KEYS) if (entry[key] !== undefined) shorthand[key] = entry[key];
    const first = listed.findIndex((edition) => edition.year === year);
    if (first !== -1) {
      report({
        path: paths.of(['year']),
        message: `repeats the year ${year} of ${paths.of(['editions', first])}, which is kept`,
        dropped: 'field',
      });
    } else {
      editions.push(shorthand as unknown as PbEdition);
    }
  } else if (entry.budget !== undefined) {
    report({
      path: paths.of(['budget']),
      message: 'needs a "year" beside it (or put it in "editions")',
      dropped: 'field',
    });
  }
  if (!inYearOrder(editions)) editions.sort((a, b) => a.year - b.year);

  if (entry.year === undefined && entry.budget === undefined && EDITIONS_LAST) {
    // Nothing to leave out: the entry (a cleaned copy, ours) is the programme. Its keys follow
    // the schema, which ends with `editions`: the order a copy would give them.
    entry.editions = editions;
    return entry as Programme;
  }
  // A fresh object without the shorthand (copying is cheaper than `delete` here).
  const programme: Record<string, unknown> = {};
  for (const key in entry) {
    if (key === 'editions' || key === 'year' || key === 'budget') continue;
    if (hasShorthand && (key === 'voters' || key === 'projects')) continue;
    programme[key] = entry[key];
  }
  programme.editions = editions;
  return programme as Programme;
}

/** The first edition of each year, in the order listed; the others are reported. */
function firstOfEachYear(
  listed: readonly PbEdition[],
  paths: EntryPaths,
  report: (p: FeedProblem) => void,
): PbEdition[] {
  const editions: PbEdition[] = [];
  const firstOfYear = new Map<number, number>(); // year -> index in `listed`
  listed.forEach((edition, j) => {
    const first = firstOfYear.get(edition.year);
    if (first !== undefined) {
      report({
        path: paths.of(['editions', j]),
        message: `repeats the year ${edition.year} of ${paths.of(['editions', first])}, which is kept`,
        dropped: 'field',
      });
      return;
    }
    firstOfYear.set(edition.year, j);
    editions.push(edition);
  });
  return editions;
}

/** Whether the years of `editions` strictly increase (so none repeats and none is out of order). */
function inYearOrder(editions: readonly PbEdition[]): boolean {
  for (let j = 1; j < editions.length; j++) {
    if (!((editions[j - 1] as PbEdition).year < (editions[j] as PbEdition).year)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Generic helpers: cleaning and dropping, guided by the schema only (so never deeper than it).

/** What cleaning met on the way: `faults` counts the values that `validate` would refuse. */
interface Found {
  faults: number;
}

/** Cleans a value at `depth` (0 at the top) by one schema; see `cleaner`. */
type Cleaner = (value: unknown, depth: number, found: Found) => unknown;

/**
 * Cleaning by `schema`: gives a fresh copy of a value holding only what the schema knows:
 * strings trimmed, unknown properties left behind, empty optional strings removed. Values the
 * schema does not describe are returned as they are, to be refused by validation.
 *
 * It also checks each value of the copy that `validate` would visit with that value's own
 * compiled check, and counts those that fail in `found.faults`: none means `validate` would
 * find nothing. Compiled once per schema (cleaning stops at 32 levels, leaving the rest to
 * `validate`, so a `$ref` cycle ends too).
 */
function cleaner(schemaIn: Schema): Cleaner {
  const schema = resolveSchema(schemaIn, feedSchema);
  let compiled = cleaners.get(schema);
  if (compiled === undefined) {
    cleaners.set(schema, (value, depth, found) => compiled?.(value, depth, found)); // for a cycle
    compiled = compileCleaner(schema);
    cleaners.set(schema, compiled);
  }
  return compiled;
}

function compileCleaner(schema: Schema): Cleaner {
  const passes = compileCheck(schema, feedSchema) ?? (() => false);
  const object = schemaObject(schema);
  const { items, additionalItems, properties } = object;
  const required = object.required ?? [];
  const tuple = Array.isArray(items) ? items.map(cleaner) : [];
  const rest = Array.isArray(items) ? additionalItems : items;
  const restCleaner = rest === undefined ? undefined : cleaner(rest);
  const keys = propertyEntries(object).map(([key]) => key);
  const cleaners = propertyEntries(object).map(([, sub]) => cleaner(sub));
  const optional = keys.map((key) => !required.includes(key));
  return (value, depth, found) => {
    let out = value;
    if (typeof value === 'string') {
      out = value.trim();
    } else if (depth > 32) {
      found.faults++; // as it is, for `validate` to judge
      return value;
    } else if (Array.isArray(value) && items !== undefined) {
      const list = new Array<unknown>(value.length);
      for (let i = 0; i < list.length; i++) {
        const sub = i < tuple.length ? tuple[i] : restCleaner;
        list[i] = sub === undefined ? value[i] : sub(value[i], depth + 1, found);
      }
      out = list;
    } else if (isPlainObject(value) && properties !== undefined) {
      const copy: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (!Object.hasOwn(value, key)) continue;
        const before = found.faults;
        const v = (cleaners[i] as Cleaner)(value[key], depth + 1, found);
        if (v === undefined || (v === '' && optional[i])) {
          found.faults = before; // left out, so not for `validate` to see
          continue;
        }
        copy[key] = v;
      }
      out = copy;
    }
    if (!passes(out)) found.faults++;
    return out;
  };
}

/**
 * The smallest part to drop to get rid of an error at `segments`: the deepest optional property
 * or list item on the way (a required property or a tuple place takes its container with it).
 * `[]` means the value itself.
 */
function dropPoint(schemaIn: Schema, segments: readonly PathSegment[]): PathSegment[] {
  let point: PathSegment[] = [];
  let schema = resolveSchema(schemaIn, feedSchema);
  for (let i = 0; i < segments.length && typeof schema === 'object'; i++) {
    const seg = segments[i] as PathSegment;
    let sub: Schema | undefined;
    if (typeof seg === 'number') {
      const { items } = schema;
      if (!Array.isArray(items)) point = segments.slice(0, i + 1);
      sub = Array.isArray(items) ? (items[seg] ?? schema.additionalItems) : items;
    } else {
      if (!(schema.required ?? []).includes(seg)) point = segments.slice(0, i + 1);
      sub = schema.properties?.[seg];
    }
    if (sub === undefined) break;
    schema = resolveSchema(sub, feedSchema);
  }
  return point;
}

function isFatal(point: readonly PathSegment[]): boolean {
  if (point.length === 0) return true;
  const pattern = point
    .map((s) => (typeof s === 'number' ? '[]' : `.${s}`))
    .join('')
    .slice(1);
  return ENTRY_FATAL.has(pattern);
}

/** Removes the drop point of every error from `target` (a cleaned copy), reporting each. */
function applyDrops(
  target: Record<string, unknown>,
  schema: Schema,
  errors: readonly SchemaError[],
  report: (error: SchemaError, point: PathSegment[]) => void,
): void {
  if (errors.length === 0) return;
  const REMOVED = Symbol('removed');
  const touched = new Set<unknown[]>();
  for (const error of errors) {
    const point = dropPoint(schema, error.segments);
    report(error, point);
    let node: unknown = target;
    for (let i = 0; i < point.length - 1 && node !== undefined; i++) {
      const seg = point[i] as PathSegment;
      node = Array.isArray(node)
        ? node[seg as number]
        : isPlainObject(node)
          ? node[seg]
          : undefined;
    }
    const last = point[point.length - 1];
    if (Array.isArray(node) && typeof last === 'number') {
      node[last] = REMOVED;
      touched.add(node);
    } else if (isPlainObject(node) && typeof last === 'string') {
      delete node[last];
    }
  }
  for (const list of touched) {
    const kept = list.filter((v) => v !== REMOVED);
    list.length = 0;
    list.push(...kept);
  }
}

function withDropNote(
  error: SchemaError,
  point: readonly PathSegment[],
  pointPath: string,
): string {
  const same = point.length === error.segments.length;
  return same ? error.message : `${error.message}, so ${pointPath} was dropped`;
}

// ---------------------------------------------------------------------------------------------

function failure(code: FeedErrorCode, message: string, problems: FeedProblem[]): ParseResult {
  return { ok: false, error: { code, message }, problems };
}

function defaultOf<T extends string>(key: string, fallback: T): T {
  const schema = rootProps[key];
  const value =
    schema === undefined ? undefined : schemaObject(resolveSchema(schema, feedSchema)).default;
  return typeof value === 'string' ? (value as T) : fallback;
}

function schemaObject(schema: Schema): SchemaObject {
  return typeof schema === 'object' ? schema : {};
}

function listItems(schema: SchemaObject): Schema {
  return Array.isArray(schema.items) ? true : (schema.items ?? true);
}

/** JSON.parse's message, with the line and column when it gives only a position. */
function jsonErrorText(err: unknown, text: string): string {
  const message = errorText(err);
  const m = /position (\d+)/.exec(message);
  if (!m || /line/i.test(message)) return message;
  const position = Number(m[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${message} (line ${line}, column ${position - lineStart + 1})`;
}

function errorText(err: unknown): string {
  try {
    return err instanceof Error ? err.message : String(err);
  } catch {
    return 'unknown error';
  }
}
