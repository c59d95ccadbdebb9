/**
 * The DOM-free core of pb-map, for Node, workers and build tools: parse and load feeds,
 * cluster programmes, format figures.
 */
export { parseFeed } from './feed/parse.js';
export { loadFeed } from './feed/load.js';
export { ProgrammeClusters } from './cluster.js';
export type { ClusterItem } from './cluster.js';
export { programmeFigures } from './figures.js';
export type * from './feed/model.js';
export {
  applyFilter,
  filterToAttributes,
  indexProgrammes,
  parseFilterAttributes,
  yearHistogram,
} from './filter.js';
export type { Filter, FilterIndex, Selection } from './filter.js';
