/**
 * The events `<pb-map>` fires. All bubble and cross shadow roots (`composed`), so a host page can
 * listen on the element or on any ancestor.
 */
import type { FeedErrorCode, FeedProblem, Programme } from '../../core/feed/model.js';
import type { Filter, Selection } from '../../core/filter.js';

/** Detail of `pb-load`: the feed was loaded and its programmes drawn. */
export interface PbLoadDetail {
  /** The feed's title, when it has one. */
  title?: string;
  /** How many entries are drawn. */
  programmes: number;
  /** What was wrong in the feed and worked around (entries left out, fields dropped). */
  problems: FeedProblem[];
}

/** Detail of `pb-error`: the feed could not be used. */
export interface PbErrorDetail {
  code: FeedErrorCode;
  message: string;
  /** The feed URL, resolved against the page. */
  src: string;
  /** Why each entry was left out, when none could be used (`no-programmes`); else empty. */
  problems: FeedProblem[];
}

/** Detail of `pb-select`: a person opened a programme's card. */
export interface PbSelectDetail {
  programme: Programme;
}

/** Detail of `pb-filter-change`: a person changed the filter (through `<pb-filters>` or the URL). */
export interface PbFilterChangeDetail {
  /** The filter now in force (see docs/filters.md). */
  filter: Filter;
  /** How many programmes it keeps. */
  programmes: number;
  /** Programmes set aside because per-inhabitant mode needs a population they do not state. */
  setAside: number;
  /** The selection's totals: budget sum, how many budgets are known, population. */
  totals: Selection['totals'];
}

/** Detail of `pb-view-change`: a person moved or zoomed the map (directly or through a cluster or a list). */
export interface PbViewChangeDetail {
  /** [longitude, latitude] of the centre. */
  center: [number, number];
  zoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** How many kept programmes are in view. */
  inView: number;
}

export type PbFilterChangeEvent = CustomEvent<PbFilterChangeDetail>;
export type PbViewChangeEvent = CustomEvent<PbViewChangeDetail>;
export type PbLoadEvent = CustomEvent<PbLoadDetail>;
export type PbErrorEvent = CustomEvent<PbErrorDetail>;
export type PbSelectEvent = CustomEvent<PbSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pb-load': PbLoadEvent;
    'pb-error': PbErrorEvent;
    'pb-select': PbSelectEvent;
    'pb-filter-change': PbFilterChangeEvent;
    'pb-view-change': PbViewChangeEvent;
  }
}

/** Creates one of pb-map's events: bubbling, composed, not cancelable. */
export function pbEvent<
  K extends 'pb-load' | 'pb-error' | 'pb-select' | 'pb-filter-change' | 'pb-view-change',
>(type: K, detail: GlobalEventHandlersEventMap[K]['detail']): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}
