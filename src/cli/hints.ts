/**
 * What to do about a feed problem, for `pb-feed validate`: one sentence per kind of problem,
 * chosen from the field (the last name in its JSON path) and the parser's message. The
 * messages come from src/core/feed/parse.ts and validate.ts; a message this file does not
 * know gets a general hint, never none.
 */
import type { FeedErrorCode, FeedProblem } from '../core/feed/model.js';

/** The field a path ends with: `$.programmes[3].coordinates[1]` → `coordinates`. */
function fieldOf(path: string): string {
  const names = path.match(/\.([A-Za-z_$][\w$]*)/g) ?? [];
  const last = names[names.length - 1];
  return last ? last.slice(1) : '';
}

/** Hints that depend on the message, whatever the field. */
const BY_MESSAGE: [RegExp, (field: string) => string][] = [
  [/^repeats the id/, () => 'give each entry its own id; the first one is kept'],
  [/^repeats the year/, () => 'keep one edition per year; merge the figures of that year'],
  [
    /needs a "year" beside it/,
    () => 'add the "year" this budget belongs to, or move it into "editions"',
  ],
  [
    /^is missing/,
    (f) => `add "${f}" to this entry${f === 'coordinates' ? ' as [longitude, latitude]' : ''}`,
  ],
  [
    /must be an http\(s\) URL|must be a valid absolute URL/,
    () => 'write a full address starting with https://',
  ],
  [
    /three-letter currency code/,
    () => 'write an ISO 4217 code such as EUR, or leave "currency" out for EUR',
  ],
  [/two-letter country code/, () => 'write an ISO 3166 code in capitals such as FR, BE or PT'],
  [/real date written YYYY-MM-DD/, () => 'write the date as 2026-11-01'],
  [/characters long/, () => 'shorten the text'],
  [/^must be a string/, (f) => `write "${f}" as text, in double quotes`],
  [/Point/, () => 'give the feature a Point geometry (the centre of the area for a polygon)'],
];

/** Hints by field, when the message is about the value's type or range. */
const BY_FIELD: Record<string, string> = {
  coordinates:
    'write [longitude, latitude] in degrees (longitude -180 to 180, latitude -90 to 90); values out of range are often swapped or in metres: convert them with pb-feed convert --crs',
  year: 'write the year of the vote as a number from 1980 to 2100, without quotes',
  budget:
    "write the amount as a plain number of euros (or of the feed's currency), 0 or more, without quotes, spaces or symbol: 1500000",
  voters: 'write a whole number, 0 or more, without quotes',
  projects: 'write a whole number, 0 or more, without quotes',
  population: 'write a whole number, 0 or more, without quotes',
  level: 'use one of commune, intercommunality, department, region, other, or leave it out',
  kind: 'use "programmes" or "projects"',
  editions: 'make "editions" a list of objects, each with a "year"',
  id: 'give each entry a text id, e.g. "fr-35238"',
  name: 'give each entry a name as text',
  sources: 'make "sources" a list of { "name": ..., "url": ... } objects',
};

/** What to do about one problem `parseFeed` reported. */
export function hintFor(problem: FeedProblem): string {
  const field = fieldOf(problem.path);
  for (const [pattern, hint] of BY_MESSAGE) {
    if (pattern.test(problem.message)) return hint(field);
  }
  return BY_FIELD[field] ?? `fix or remove "${field || problem.path}" (see docs/feed.md)`;
}

/** What to do when the whole feed cannot be used. */
export function hintForError(code: FeedErrorCode | 'unreadable'): string {
  switch (code) {
    case 'unreadable':
      return 'check the file name and that you may read it';
    case 'not-json':
      return 'open the file in an editor that checks JSON; a comma after the last item of a list is the usual culprit';
    case 'not-a-feed':
      return 'the file must be an object with "version": 1 and a "programmes" list, or a GeoJSON FeatureCollection; a spreadsheet needs pb-feed convert first';
    case 'unsupported-version':
      return 'write "version": 1 (a number, without quotes) at the top of the feed';
    case 'no-programmes':
      return 'fix the entries listed above, or add at least one';
    case 'http':
      return 'check the address in a browser; the server must answer with the file, not an error page';
    case 'network':
      return 'check the address and your connection';
    case 'timeout':
      return 'the server is slow: try again, or host the file closer (and compressed)';
    case 'too-large':
      return 'split the feed or drop long descriptions: feeds over 50 MB are refused';
  }
}
