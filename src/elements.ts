/**
 * pb-map, eager build (`pb-map/elements`, `dist/elements.js`): importing this module defines every
 * element at once and exports their classes, for bundlers and frameworks that need them before
 * the tags reach the page. Pages can use the lighter `pb-map.js`, which loads each element when
 * its tag appears. MapLibre and the basemap are loaded later, when a map is about to be shown.
 */
export { PbMap } from './elements/pb-map/pb-map.js';
export { PbFilters } from './elements/pb-filters/pb-filters.js';
export { PbList } from './elements/pb-list/pb-list.js';
export { PbSummary } from './elements/pb-summary/pb-summary.js';
export { PbAtlas } from './elements/pb-atlas/pb-atlas.js';
export type {
  PbErrorDetail,
  PbErrorEvent,
  PbFilterChangeDetail,
  PbFilterChangeEvent,
  PbViewChangeDetail,
  PbViewChangeEvent,
  PbLoadDetail,
  PbLoadEvent,
  PbSelectDetail,
  PbSelectEvent,
} from './elements/pb-map/pb-map.events.js';
export type { Feed, FeedProblem, Programme, ParseResult } from './core/feed/model.js';
export type { Filter, Selection } from './core/filter.js';
export type { MapStore, MapView, StoreState } from './store/map-store.js';
