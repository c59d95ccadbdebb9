/**
 * `<pb-list>`'s downloads: the rows the list shows (the selection, or the part of it in the
 * map's view when the list follows the view), in the list's order, as CSV, GeoJSON, or the feed's
 * sources as CSV. Imported on the first click, so that none of it weighs on the list.
 */
import {
  exportFileName,
  exportRows,
  isoDate,
  sourcesCsv,
  toCsv,
  toGeoJson,
  type ExportMeta,
} from '../../core/export.js';
import type { Feed } from '../../core/feed/model.js';
import type { Filter, FilterIndex, Selection } from '../../core/filter.js';
import { httpUrl } from '../../core/http-url.js';
import type { MapView } from '../../store/map-store.js';
import { saveFile } from '../shared/download.js';
import { exportMessagesFor } from './pb-list.export.messages.js';

/** What a list exports. */
export type ExportFormat = 'csv' | 'geojson' | 'sources';

/** What the list hands over: the store's state, the rows in its order, and where to click. */
export interface ListExport {
  format: ExportFormat;
  feed: Feed;
  index: FilterIndex;
  selection: Selection;
  filter: Filter;
  /** Positions in `selection.indices`, in the list's order (all of its pages). */
  order: ArrayLike<number>;
  /** The map's view when the list follows it (and the map has one). */
  view?: MapView;
  /** The map's `src`, resolved against the page (kept when http(s)). */
  src?: string;
  lang: string;
  /** Where the download link is clicked: the list's shadow root. */
  root: ShadowRoot | HTMLElement;
  /** Today, for the file name and the `exported` date. */
  now?: Date;
}

/** Builds the file and hands it to the reader. Returns the file's name. */
export function downloadList(o: ListExport): string {
  const m = exportMessagesFor(o.lang);
  const now = o.now ?? new Date();
  const { feed } = o;
  const feedUrl = httpUrl(o.src, document.baseURI);
  const meta: ExportMeta = {
    sources: feed.sources,
    currency: feed.currency,
    kind: feed.kind,
    filter: o.filter,
    scope: o.view ? 'view' : 'selection',
    exported: isoDate(now),
  };
  if (feed.title !== undefined) meta.title = feed.title;
  if (feed.updated !== undefined) meta.updated = feed.updated;
  if (feed.licence !== undefined) meta.licence = feed.licence;
  if (feedUrl) meta.feedUrl = feedUrl;
  if (o.view) meta.bounds = o.view.bounds;

  let text: string;
  let type: string;
  let name: string;
  if (o.format === 'sources') {
    text = sourcesCsv(meta, { separator: m.separator, headings: m.sourceHeadings });
    type = 'text/csv;charset=utf-8';
    name = exportFileName(m.fileStem, now, 'csv', m.sourcesSuffix);
  } else {
    const rows = exportRows(o.index, o.selection, o.filter, o.order);
    if (o.format === 'csv') {
      text = toCsv(rows, meta, {
        separator: m.separator,
        decimal: m.decimal,
        headings: m.headings(feed.currency),
        levelName: m.base.levelName,
        citation: m.citation(feed.title, feed.updated, feedUrl),
        noLicence: m.noLicence,
      });
      type = 'text/csv;charset=utf-8';
      name = exportFileName(m.fileStem, now, 'csv');
    } else {
      text = toGeoJson(rows, meta);
      type = 'application/geo+json';
      name = exportFileName(m.fileStem, now, 'geojson');
    }
  }
  saveFile(new Blob([text], { type }), name, o.root);
  return name;
}
