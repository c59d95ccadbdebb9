/* Generated from feed.schema.json by scripts/gen-feed-types.mjs (npm run gen:types). Do not edit. */

/**
 * An absolute http(s) URL. Any other scheme (javascript:, data:...) is refused.
 */
export type HttpUrl = string;
export type Count = number;
export type Year = number;

/**
 * A pb-map feed, version 1: participatory-budget programmes (or a city's winning projects) with their editions. This file is the single source of truth: the TypeScript types are generated from it and the parser validates against it.
 */
export interface PbFeed {
  /**
   * Format version. Only 1 exists.
   */
  version: 1;
  /**
   * What the feed holds, shown as the map's title.
   */
  title?: string;
  description?: string;
  /**
   * Date of the last update, YYYY-MM-DD.
   */
  updated?: string;
  /**
   * ISO 4217 code of every budget in the feed.
   */
  currency?: string;
  /**
   * Licence of the data, e.g. "Licence Ouverte 2.0" or "ODbL".
   */
  licence?: string;
  /**
   * programmes: one entry per participatory budget; projects: one entry per winning project of one budget.
   */
  kind?: 'programmes' | 'projects';
  /**
   * Where the figures come from.
   */
  sources?: PbSource[];
  /**
   * The entries. A GeoJSON FeatureCollection of Points whose properties carry the same fields is accepted in place of the whole feed.
   */
  programmes: PbProgrammeInput[];
}
export interface PbSource {
  name: string;
  url?: HttpUrl;
}
/**
 * A programme (one collectivity's participatory budget over the years) or, in a project feed, one winning project.
 */
export interface PbProgrammeInput {
  /**
   * Stable identifier, unique in the feed, e.g. fr-35238 (country and INSEE code).
   */
  id: string;
  name: string;
  /**
   * Where it is, as people say it.
   */
  place?: string;
  /**
   * ISO 3166-1 alpha-2 code.
   */
  country?: string;
  /**
   * Region (for France, the région's name).
   */
  region?: string;
  /**
   * [longitude, latitude] in WGS84 degrees.
   *
   * @minItems 2
   * @maxItems 2
   */
  coordinates: [number, number];
  /**
   * Kind of collectivity; other covers schools, social landlords, universities...
   */
  level?: 'commune' | 'intercommunality' | 'department' | 'region' | 'other';
  /**
   * Inhabitants covered, for amounts per inhabitant.
   */
  population?: number;
  /**
   * An absolute http(s) URL. Any other scheme (javascript:, data:...) is refused.
   */
  url?: string;
  image?: HttpUrl;
  status?: string;
  category?: string;
  description?: string;
  voters?: Count;
  projects?: Count;
  /**
   * Shorthand for one edition: editions = [{ year, budget }].
   */
  year?: number;
  /**
   * With year, shorthand for one edition.
   */
  budget?: number;
  editions?: PbEdition[];
}
/**
 * One year of a programme.
 */
export interface PbEdition {
  year: Year;
  /**
   * Envelope put to the vote that year.
   */
  budget?: number;
  voters?: Count;
  /**
   * Number of winning projects.
   */
  projects?: number;
  status?: string;
}
