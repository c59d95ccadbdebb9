/**
 * pb-map: embeddable map widgets for participatory budgets. Importing this module registers the
 * elements; MapLibre and the basemap are loaded later, when a map is about to be shown.
 */
export { PbMap } from './elements/pb-map/pb-map.js';
export type {
  PbErrorDetail,
  PbErrorEvent,
  PbLoadDetail,
  PbLoadEvent,
  PbSelectDetail,
  PbSelectEvent,
} from './elements/pb-map/pb-map.events.js';
export type { Feed, FeedProblem, Programme, ParseResult } from './core/feed/model.js';
