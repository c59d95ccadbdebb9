/**
 * The feed as the rest of pb-map sees it once parsed: the generated input types
 * (from feed.schema.json) with the shorthands resolved. Nothing here is written by hand
 * that the schema already says.
 */
import type { PbEdition, PbFeed, PbProgrammeInput, PbSource } from './types.generated.js';

export type { PbEdition, PbFeed, PbProgrammeInput, PbSource };

/** Kind of collectivity running a programme (the schema's `level`). */
export type Level = NonNullable<PbProgrammeInput['level']>;

/** A programme after parsing: `year`/`budget` shorthand folded into `editions`, sorted by year. */
export type Programme = Omit<PbProgrammeInput, 'year' | 'budget' | 'editions'> & {
  /** Editions sorted by year, one per year at most; may be empty. */
  editions: PbEdition[];
};

/** A parsed, valid feed: every field checked, every invalid entry left out. */
export type Feed = Omit<PbFeed, 'programmes' | 'currency' | 'kind' | 'sources'> & {
  currency: string;
  kind: 'programmes' | 'projects';
  sources: PbSource[];
  programmes: Programme[];
};

/** One thing wrong in a feed that parsing worked around. */
export interface FeedProblem {
  /** JSON path of the offending value, e.g. `$.programmes[3].coordinates[1]`. */
  path: string;
  /** What is wrong, in plain English, e.g. "must be at most 90 (got 123.4)". */
  message: string;
  /** `entry`: the whole entry was left out; `field`: only this optional field was dropped; `feed`: a top-level field was dropped. */
  dropped: 'entry' | 'field' | 'feed';
  /** The entry's id when it has one. */
  id?: string;
}

/** Why a feed could not be used at all. */
export type FeedErrorCode =
  | 'network'
  | 'http'
  | 'timeout'
  | 'too-large'
  | 'not-json'
  | 'not-a-feed'
  | 'unsupported-version'
  | 'no-programmes';

/** The outcome of parsing: a usable feed with the problems worked around, or one clear error. */
export type ParseResult =
  | { ok: true; feed: Feed; problems: FeedProblem[] }
  | { ok: false; error: { code: FeedErrorCode; message: string }; problems: FeedProblem[] };
