/**
 * pb-map: embeddable map widgets for participatory budgets. Importing this module registers the
 * elements; MapLibre and the basemap are loaded later, when a map is about to be shown.
 */
export { PbMap } from './elements/pb-map/pb-map.js';
export { PbFilters } from './elements/pb-filters/pb-filters.js';
export { PbList } from './elements/pb-list/pb-list.js';
export { PbSummary } from './elements/pb-summary/pb-summary.js';
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
