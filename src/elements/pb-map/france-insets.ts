/**
 * The overseas insets of `<pb-map view="france">`: Guadeloupe, Martinique, Guyane, La Réunion and
 * Mayotte, each in a small box along the map's lower-left edge, as French official maps draw them.
 *
 * Not extra MapLibre maps (a page gets about 16 WebGL contexts): each box is an SVG outline of the
 * territory from the same Natural Earth topology as the offline basemap, in Web Mercator, with the
 * programmes located there drawn as the map's own marker buttons over it. They are clustered by
 * the same {@link PointClusters} as the map's (same radius, at the zoom that matches the box's
 * scale), on the page: only the programmes inside the five boxes are indexed, so a filter change
 * costs one pass over the selection and a few points to cluster, and the map's clustering worker
 * is never kept waiting.
 *
 * Loaded with `import()` only when a map has `view="france"`.
 */
import { html, nothing, render, svg, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from '../shared/style-props.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { PointClusters, coordinatesOf, type PointItem } from '../../core/cluster.js';
import type { Feed, Programme } from '../../core/feed/model.js';
import { messagesFor } from '../../core/messages.js';
import {
  DROM,
  METROPOLE,
  dromOf,
  inBox,
  squareProjection,
  type DromCode,
  type LonLatBox,
  type Territory,
} from '../../core/territories.js';
import type { MapStore, StoreChange, StoreState } from '../../store/map-store.js';
import { adoptSheet, pageLang } from '../shared/shared.js';
import { insetStyles } from './france-insets.styles.js';
import { clusterParts, programmeName, type NameContext } from './pb-map.view.js';
import { loadTopology } from '../../map/basemap.js';

/** Side of an inset in CSS pixels when the map is tall enough (france-insets.styles.ts). */
const INSET_SIZE = 84;
/** Width kept free for the insets on the map's left when framing the metropole. */
const INSET_COLUMN = INSET_SIZE + 24;
/** What an inset leaves free around its territory (a fraction of its side), for the markers. */
const MARGINS = 0.1;
/** Past this much zoom beyond the overview, the insets give way to the map. */
const OVERVIEW_SLACK = 0.5;

/** What the map does for its insets: open a card, zoom the map. */
export interface InsetActions {
  /** Opens a programme's card; focus returns to the marker with `key` when it closes. */
  openProgramme(programme: Programme, key: string): void;
  /** Opens the list of programmes standing at one place. */
  openStack(programmes: Programme[], key: string): void;
  /** Moves the map to `center` at `zoom` (the reader's doing: a cluster was chosen). */
  zoomTo(center: [number, number], zoom: number): void;
}

/** One inset's points: its own cluster index over the feed's programmes inside its box. */
interface InsetPoints {
  territory: Territory;
  /** Feed index of each local point. */
  feedIndex: number[];
  clusters: PointClusters;
  items: PointItem[];
}

/** The outline of each DROM (and of its neighbours' land) as SVG path data in a 100×100 box. */
type Outlines = Record<DromCode, { land: string; neighbours: string }>;

let outlines: Promise<Outlines> | undefined;

/**
 * The map's insets for the five DROM. Owns its element (`element`, which the map puts in its
 * shadow root after the map area) and its subscription to the map's store; `destroy()` releases
 * both.
 */
export class FranceInsets {
  /** The column of insets; hidden while the map is zoomed in beyond the overview. */
  readonly element: HTMLDivElement = document.createElement('div');

  private points: InsetPoints[] = [];
  private feed?: Feed;
  /** Each feed index standing in a DROM: its inset and its index there (per feed). */
  private local = new Map<number, [InsetPoints, number]>();
  /** The overview's zoom for the map's size (follow compares with it every frame). */
  private overview?: { width: number; height: number; zoom: number | undefined };
  private shapes?: Outlines;
  private unsubscribe?: () => void;
  private destroyed = false;
  private readonly sheet?: CSSStyleSheet;
  /** Draws the insets again when the page's language arrives (see `messagesFor`). */
  private readonly redraw = { requestUpdate: () => this.render() };

  constructor(
    private readonly host: HTMLElement & { readonly store: MapStore },
    private readonly actions: InsetActions,
  ) {
    this.element.className = 'insets';
    this.element.setAttribute('role', 'group');
    const root = host.shadowRoot;
    this.sheet = insetStyles.styleSheet;
    adoptSheet(root, this.sheet);
    this.unsubscribe = host.store.subscribe(this.onStore, false);
    void loadOutlines().then(
      (shapes) => {
        if (this.destroyed) return;
        this.shapes = shapes;
        this.render();
      },
      (error: unknown) => console.warn('pb-map: the overseas outlines could not be loaded.', error),
    );
  }

  /** Frames metropolitan France (with Corsica) in the part of the map the insets leave free. */
  frame(map: MapLibreMap, duration: number): void {
    map.fitBounds(METROPOLE_BOUNDS, { padding: paddingFor(map), duration });
    this.follow(map);
  }

  /**
   * Shows the insets while the map shows the overview (metropolitan France at the zoom `frame`
   * gives it, or less), hides them once the reader zooms in or moves away.
   */
  follow(map: MapLibreMap): void {
    const c = map.getCenter();
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    if (this.overview?.width !== width || this.overview.height !== height) {
      const camera = map.cameraForBounds(METROPOLE_BOUNDS, { padding: paddingFor(map) });
      this.overview = { width, height, zoom: camera?.zoom };
    }
    const zoom = this.overview.zoom;
    const overview =
      inBox([c.lng, c.lat], METROPOLE) &&
      (zoom === undefined || map.getZoom() <= zoom + OVERVIEW_SLACK);
    if (this.element.hidden !== !overview) this.element.hidden = !overview;
  }

  /** Removes the insets and releases the store. */
  destroy(): void {
    this.destroyed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    render(nothing, this.element);
    this.element.remove();
    const root = this.host.shadowRoot;
    if (root && this.sheet) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
  }

  private onStore = (state: StoreState, changes: ReadonlySet<StoreChange>): void => {
    if (changes.size > 0 && !changes.has('feed') && !changes.has('selection')) return;
    if (state.feed !== this.feed) this.index(state.feed);
    this.select(state);
    this.render();
  };

  /** Indexes the feed's programmes that stand in each DROM, in one pass. */
  private index(feed: Feed | undefined): void {
    this.feed = feed;
    const inside = new Map(DROM.map((territory) => [territory.code, [] as number[]]));
    this.local.clear();
    feed?.programmes.forEach((p, i) => {
      const territory = dromOf(p.coordinates);
      if (territory) inside.get(territory.code)!.push(i);
    });
    this.points = DROM.map((territory) => {
      const feedIndex = inside.get(territory.code)!;
      const clusters = new PointClusters();
      clusters.setPoints(coordinatesOf(feedIndex.map((i) => feed!.programmes[i]!)));
      const inset: InsetPoints = { territory, feedIndex, clusters, items: [] };
      feedIndex.forEach((i, k) => this.local.set(i, [inset, k]));
      return inset;
    });
  }

  /** Clusters, in each inset, what the filter keeps there. */
  private select({ selection }: StoreState): void {
    const local = this.local;
    const picked = new Map(
      this.points.map((inset) => [inset, { indices: [] as number[], figures: [] as number[] }]),
    );
    if (selection && local.size > 0) {
      for (let k = 0; k < selection.indices.length; k++) {
        const at = local.get(selection.indices[k]!);
        if (!at) continue;
        const p = picked.get(at[0])!;
        p.indices.push(at[1]);
        p.figures.push(selection.figures[k]!);
      }
    }
    for (const inset of this.points) {
      const { indices, figures } = picked.get(inset)!;
      inset.clusters.select(indices, figures);
      const { zoom } = squareProjection(inset.territory.box, INSET_SIZE, MARGINS);
      inset.items = inset.clusters.getClusters(widen(inset.territory.box), zoom);
    }
  }

  private render(): void {
    if (this.destroyed) return;
    const m = messagesFor(pageLang(this.host), this.redraw);
    this.element.setAttribute('aria-label', m.overseas);
    render(
      html`${DROM.map((territory) => {
        const inset = this.points.find((p) => p.territory === territory);
        const shape = this.shapes?.[territory.code];
        const id = `inset-${territory.code}`;
        return html`<div class="inset" role="group" aria-labelledby=${id}>
          <span class="name" id=${id}>${m.territories[territory.code]}</span>
          <div class="frame">
            <svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
              ${
                shape
                  ? svg`<path class="neighbour" d=${shape.neighbours}></path>
                    <path class="land" d=${shape.land}></path>`
                  : nothing
              }
            </svg>
            ${inset ? this.renderMarkers(inset) : nothing}
          </div>
        </div>`;
      })}`,
      this.element,
    );
  }

  private renderMarkers(inset: InsetPoints): TemplateResult {
    const feed = this.feed;
    if (!feed) return html``;
    const locale = pageLang(this.host);
    const names: NameContext = {
      messages: messagesFor(locale, this.redraw),
      locale,
      currency: feed.currency,
      kind: feed.kind,
    };
    const { project } = squareProjection(inset.territory.box, INSET_SIZE, MARGINS);
    const placed = inset.items
      .map((item) => {
        const [x, y] = project(item.coordinates);
        const key =
          item.kind === 'cluster'
            ? `i${inset.territory.code}c${item.id}`
            : `ip${inset.feedIndex[item.index]}`;
        return { item, key, x, y };
      })
      .sort((a, b) => a.y - b.y || a.x - b.x); // reading order
    const at = (x: number, y: number) => ({ '--_x': `${x * 100}%`, '--_y': `${y * 100}%` });
    return html`${repeat(
      placed,
      (p) => p.key,
      ({ item, key, x, y }) => {
        if (item.kind === 'cluster') {
          const size = Math.round(Math.min(40, 24 + 4 * Math.log2(item.count)));
          // As on the map, the visible count is part of the name; the sum is heard, not shown
          // (no room for it in a bubble this small).
          const [before, count, noun, sum, rest] = clusterParts(item, names);
          return html`<button
            type="button"
            class="marker cluster"
            data-key=${key}
            style=${styleProps({ ...at(x, y), width: `${size}px`, height: `${size}px` })}
            @click=${() => void this.expand(inset, item, key)}
          >
            <span class="sr-only">${before}</span><span class="count">${count}</span
            ><span class="sr-only">${noun}${sum}${rest}</span>
          </button>`;
        }
        const programme = feed.programmes[inset.feedIndex[item.index]!]!;
        return html`<button
          type="button"
          class="marker programme"
          data-key=${key}
          aria-label=${programmeName(programme, item.budget, names)}
          title=${programme.name}
          style=${styleProps(at(x, y))}
          @click=${() => this.actions.openProgramme(programme, key)}
        ></button>`;
      },
    )}`;
  }

  /** A cluster chosen in an inset: the map zooms to where it splits, or its programmes are listed. */
  private expand(
    inset: InsetPoints,
    item: Extract<PointItem, { kind: 'cluster' }>,
    key: string,
  ): void {
    const feed = this.feed;
    if (!feed) return;
    const { clusters } = inset;
    const zoom = clusters.expansionZoom(item.id);
    if (zoom > clusters.options.maxZoom) {
      const leaves = clusters.getLeaves(item.id).map((k) => feed.programmes[inset.feedIndex[k]!]!);
      this.actions.openStack(leaves, key);
    } else {
      this.actions.zoomTo(item.coordinates, zoom);
    }
  }
}

const METROPOLE_BOUNDS: [[number, number], [number, number]] = [
  [METROPOLE[0], METROPOLE[1]],
  [METROPOLE[2], METROPOLE[3]],
];

/** Room left around the metropole when framing it: the insets' column on the left. */
function paddingFor(map: MapLibreMap) {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  return {
    top: Math.min(24, height / 10),
    bottom: Math.min(24, height / 10),
    left: Math.min(INSET_COLUMN, width / 4),
    right: Math.min(48, width / 10), // the zoom buttons
  };
}

/** A territory's box and a fifth more on each side, so that clusters at its edges are kept. */
function widen([w, s, e, n]: LonLatBox): [number, number, number, number] {
  const dx = (e - w) / 5;
  const dy = (n - s) / 5;
  return [w - dx, s - dy, e + dx, n + dy];
}

/**
 * The DROM outlines, from world-atlas's topology (Natural Earth 1:50m, which the offline
 * basemap's files are also made from, at build time): France's polygons in each box as land,
 * other countries' as neighbours. Fetched once per page (loadTopology).
 */
function loadOutlines(): Promise<Outlines> {
  outlines ??= loadTopology().then(outlinesOf);
  outlines.catch(() => (outlines = undefined)); // a later map tries again
  return outlines;
}

function outlinesOf(world: Topology): Outlines {
  const countries = feature(
    world,
    world.objects['countries'] as GeometryCollection<{ name: string }>,
  );
  const result = {} as Outlines;
  for (const { code, box } of DROM) {
    const { project } = squareProjection(box, INSET_SIZE, MARGINS);
    const near = widen(box);
    let land = '';
    let neighbours = '';
    for (const country of countries.features) {
      const geometry = country.geometry as Polygon | MultiPolygon | null;
      if (!geometry) continue;
      const polygons =
        geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates ?? []);
      for (const polygon of polygons) {
        if (!overlaps(polygon[0] ?? [], near)) continue;
        const d = polygon.map((ring) => pathOf(ring, project)).join('');
        if (country.properties.name === 'France') land += d;
        else neighbours += d;
      }
    }
    result[code] = { land, neighbours };
  }
  return result;
}

function overlaps(ring: Position[], [w, s, e, n]: [number, number, number, number]): boolean {
  let [rw, rs, re, rn] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of ring) {
    rw = Math.min(rw, lon);
    re = Math.max(re, lon);
    rs = Math.min(rs, lat);
    rn = Math.max(rn, lat);
  }
  return rw <= e && w <= re && rs <= n && s <= rn;
}

function pathOf(ring: Position[], project: (p: [number, number]) => [number, number]): string {
  return (
    ring
      .map(([lon = 0, lat = 0], i) => {
        const [x, y] = project([lon, lat]);
        return `${i ? 'L' : 'M'}${(x * 100).toFixed(2)} ${(y * 100).toFixed(2)}`;
      })
      .join('') + 'Z'
  );
}
