/**
 * What `<pb-map>` draws over its map and in its card: the marker buttons, a programme's card, how
 * markers are ordered and reached with the arrow keys, and their styles. Not part of the first
 * load: the element imports it when a map is about to be shown, or a card opens.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PointItem } from '../../core/cluster.js';
import type { ClusterEngine, EngineSelection } from '../../map/cluster-engine.js';
import type { Camera } from '../../core/camera.js';
import { WORLD, frameBox, mainCluster } from '../../core/first-view.js';
import type { MapView } from '../../store/map-store.js';
import type { Feed, FeedProblem, Programme } from '../../core/feed/model.js';
import type { Filter } from '../../core/filter.js';
import { programmeFigures } from '../../core/figures.js';
import { formatAmount, formatCount, formatYears } from '../../core/format.js';
import type { Messages } from '../../core/messages.js';
import { styleProps } from '../shared/style-props.js';
import { httpUrl } from '../../core/http-url.js';
import type { IControl } from 'maplibre-gl';
import type { PbMap } from './pb-map.component.js';
import { imageMessagesFor } from './pb-map.image.messages.js';

export { viewStyles } from './pb-map.view.styles.js';
// What the element needs of the camera once a map is shown, through this lazy chunk so that none
// of it weighs on the element's first load.
export { framePadding, viewBox } from '../../core/camera.js';
export { FRAME_MAX_ZOOM } from '../../core/first-view.js';

/**
 * A cluster's accessible name cut around what its bubble shows: `[words, count, words, amount,
 * words]`, e.g. `["Groupe de ", "3", " programmes, ", "77 M €", " (budget connu pour 2)"]`. When
 * the name lacks the count or the amount, the words carry the rest and nothing is shown twice.
 */
export function labelParts(
  label: string,
  count: string,
  amount: string | undefined,
): [string, string, string, string, string] {
  const at = label.indexOf(count);
  if (at < 0) return [label, '', '', '', ''];
  const before = label.slice(0, at);
  const after = at + count.length;
  const sumAt = amount ? label.indexOf(amount, after) : -1;
  if (!amount || sumAt < 0) return [before, count, label.slice(after), '', ''];
  return [before, count, label.slice(after, sumAt), amount, label.slice(sumAt + amount.length)];
}

/** A marker where it stands on screen. */
export interface Placed {
  item: PointItem;
  key: string;
  x: number;
  y: number;
  inView: boolean;
}

/** Unit vectors of the arrow keys, in screen coordinates (y down). */
const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

/** Whether a key is one of the arrows. */
export function isArrow(key: string): boolean {
  return key in DIRECTIONS;
}

/** Reading order: by rows of 24 px from the top, then from the left. */
export function readingOrder(a: Placed, b: Placed): number {
  return Math.floor(a.y / 24) - Math.floor(b.y / 24) || a.x - b.x || a.y - b.y;
}

/**
 * The marker nearest to `from` in a direction: among those ahead of it (within 60° of the
 * direction of arrow `key`), the one with the shortest distance, sideways steps counting double.
 */
export function nearestIn(placed: Placed[], from: Placed, key: string): Placed | undefined {
  const [dx, dy] = DIRECTIONS[key] ?? [0, 0];
  let best: Placed | undefined;
  let bestScore = Infinity;
  for (const p of placed) {
    if (p === from) continue;
    const along = (p.x - from.x) * dx + (p.y - from.y) * dy;
    const across = Math.abs((p.x - from.x) * dy - (p.y - from.y) * dx);
    if (along <= 0 || across > along * Math.tan(Math.PI / 3)) continue;
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

/** The marker nearest to a point on screen. */
export function nearestTo(placed: Placed[], x: number, y: number): Placed | undefined {
  let best: Placed | undefined;
  let bestDistance = Infinity;
  for (const p of placed) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (d < bestDistance) [best, bestDistance] = [p, d];
  }
  return best;
}

/** The years of a programme's editions. */
function programmeYears(p: Programme): number[] {
  return p.editions.map((e) => e.year);
}

/** What the markers need from the element. */
export interface MarkerContext {
  feed: Feed;
  messages: Messages;
  locale: string;
  /** The marker in the tab order (roving tabindex). */
  activeKey: string | undefined;
  /** The element: `this` in the event handlers. */
  host: HTMLElement;
  onClick(event: MouseEvent): void;
  onKeyDown(event: KeyboardEvent): void;
  onFocus(event: FocusEvent): void;
}

/** How markers are named: the feed's words and numbers, in the page's language. */
export interface NameContext {
  messages: Messages;
  locale: string;
  currency: string;
  kind: Feed['kind'];
}

/**
 * A cluster's accessible name cut around what its bubble shows (see {@link labelParts}): the name
 * is the bubble's own text plus words only screen readers get, so that what is seen ("3",
 * "77 M €") is part of what is heard ("Groupe de 3 programmes…"). Also for the overseas insets.
 */
export function clusterParts(
  item: Extract<PointItem, { kind: 'cluster' }>,
  { messages: m, locale, currency, kind }: NameContext,
): [string, string, string, string, string] {
  const budget =
    item.budgetCount > 0
      ? formatAmount(item.budget, { locale, currency, compact: true })
      : undefined;
  return labelParts(
    m.clusterLabel(item.count, budget, kind, item.budgetCount),
    formatCount(item.count, locale),
    budget,
  );
}

/** A programme marker's accessible name: name, years, and its figure under the filter. */
export function programmeName(
  programme: Programme,
  budget: number | undefined,
  { messages: m, locale, currency }: NameContext,
): string {
  const amount =
    budget === undefined ? undefined : formatAmount(budget, { locale, currency, compact: true });
  return m.programmeLabel(programme.name, programmeYears(programme), amount);
}

/** Draws the markers where they stand, as buttons, into `container`. */
export function renderMarkers(container: HTMLElement, placed: Placed[], o: MarkerContext): void {
  const { feed } = o;
  const names: NameContext = {
    messages: o.messages,
    locale: o.locale,
    currency: feed.currency,
    kind: feed.kind,
  };
  render(
    html`${repeat(
      placed,
      (p) => p.key,
      ({ item, key, x, y, inView }) => {
        const tabindex = key === o.activeKey ? 0 : -1;
        if (item.kind === 'cluster') {
          const size = Math.round(Math.min(80, 34 + 7 * Math.log2(item.count)));
          const [before, count, noun, sum, rest] = clusterParts(item, names);
          return html`<button
            type="button"
            class="marker cluster"
            data-key=${key}
            tabindex=${tabindex}
            ?inert=${!inView}
            style=${styleProps({
              width: `${size}px`,
              height: `${size}px`,
              transform: `translate(${x - size / 2}px, ${y - size / 2}px)`,
            })}
            @click=${o.onClick}
            @keydown=${o.onKeyDown}
            @focus=${o.onFocus}
          >
            <span class="sr-only">${before}</span><span class="count">${count}</span
            ><span class="sr-only">${noun}</span>${
              sum ? html`<span class="sum">${sum}</span>` : nothing
            }<span class="sr-only">${rest}</span>
          </button>`;
        }
        const programme = feed.programmes[item.index]!;
        return html`<button
          type="button"
          class="marker programme"
          data-key=${key}
          tabindex=${tabindex}
          ?inert=${!inView}
          aria-label=${programmeName(programme, item.budget, names)}
          title=${programme.name}
          style=${styleProps({ transform: `translate(${x - 8}px, ${y - 8}px)` })}
          @click=${o.onClick}
          @keydown=${o.onKeyDown}
          @focus=${o.onFocus}
        ></button>`;
      },
    )}`,
    container,
    { host: o.host },
  );
}

/** What a programme's card needs besides the programme. */
export interface CardContext {
  messages: Messages;
  locale: string;
  currency: string;
  /** The editions the filter keeps, and the figure it retains (undefined: no filter on years or budget). */
  underFilter: { years: Set<number>; figure?: number; year?: number } | undefined;
}

/** The body of a programme's card: its figures, its budget year by year, its link (http(s) only). */
export function programmeCard(p: Programme, o: CardContext): TemplateResult {
  const { messages: m, locale, currency, underFilter } = o;
  const figures = programmeFigures(p);
  const amount = (value: number) => formatAmount(value, { locale, currency });
  const link = httpUrl(p.url);
  return html`<h2 tabindex="-1" id="card-title">${p.name}</h2>
    <dl>
      ${
        p.place
          ? html`<dt>${m.place}</dt>
              <dd>${p.place}</dd>`
          : nothing
      }
      ${
        p.level
          ? html`<dt>${m.level}</dt>
              <dd>${m.levelName(p.level)}</dd>`
          : nothing
      }
      ${
        figures.years.length
          ? html`<dt>${m.years}</dt>
              <dd>${formatYears(figures.years, locale)}</dd>`
          : nothing
      }
      ${
        p.population !== undefined
          ? html`<dt>${m.population}</dt>
              <dd>${formatCount(p.population, locale)}</dd>`
          : nothing
      }
      ${
        figures.perInhabitant !== undefined
          ? html`<dt>${m.perInhabitant}</dt>
              <dd>
                ${formatAmount(figures.perInhabitant, { locale, currency })}
                (${figures.latestBudgetYear})
              </dd>`
          : nothing
      }
      ${
        underFilter?.figure !== undefined
          ? html`<dt>${m.filteredBudget}</dt>
              <dd>${amount(underFilter.figure)} (${underFilter.year})</dd>`
          : nothing
      }
      ${
        p.status
          ? html`<dt>${m.status}</dt>
              <dd>${p.status}</dd>`
          : nothing
      }
      ${
        p.category
          ? html`<dt>${m.category}</dt>
              <dd>${p.category}</dd>`
          : nothing
      }
    </dl>
    ${
      p.editions.some((e) => e.budget !== undefined)
        ? html`<table>
            <caption>
              ${m.budgetPerEdition}
            </caption>
            <thead>
              <tr>
                <th scope="col">${m.year}</th>
                <th scope="col" class="amount">${m.budget}</th>
              </tr>
            </thead>
            <tbody>
              ${p.editions.map(
                (e) =>
                  html`<tr class=${underFilter && !underFilter.years.has(e.year) ? 'outside' : ''}>
                    <th scope="row">
                      ${e.year}${
                        underFilter && !underFilter.years.has(e.year)
                          ? html`<span class="sr-only"> (${m.outsideFilter})</span>`
                          : nothing
                      }
                    </th>
                    <td class="amount">${e.budget !== undefined ? amount(e.budget) : '—'}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing
    }
    ${p.description ? html`<p class="description">${p.description}</p>` : nothing}
    ${
      link
        ? html`<p><a href=${link} target="_blank" rel="noopener noreferrer">${m.website}</a></p>`
        : nothing
    }`;
}

/**
 * Where the map first looks: the box of the selection's main group (at zoom 2, the cluster that
 * holds three quarters of the programmes, if one does), so that a few far-away entries such as
 * overseas ones do not shrink the rest; else of every programme shown at that zoom.
 * `[west, south, east, north]`; undefined when a newer update replaced this one.
 */
export async function mainGroup(
  engine: ClusterEngine,
  selection: EngineSelection | undefined,
  feed: Feed,
): Promise<[number, number, number, number] | undefined> {
  const groups = await engine.update({ bbox: WORLD, zoom: 2 }, selection);
  if (!groups) return undefined;
  const main = mainCluster(groups);
  const leaves = main && (await engine.getLeaves(main.id));
  const { programmes } = feed;
  return frameBox(groups, leaves, (i) => programmes[i]!.coordinates, programmes.length);
}

/** The view of a map as the store keeps it. */
export function viewOf(map: Camera): MapView {
  const b = map.getBounds();
  const c = map.getCenter();
  return {
    center: [c.lng, c.lat],
    zoom: map.getZoom(),
    bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
  };
}

/** The legend, in words: what bubbles, dots and amounts mean under the filter in force. */
export function legend(m: Messages, feed: Feed, filter: Filter, locale: string): TemplateResult {
  const { years, budget, budgetPer } = filter;
  const perInhabitant = budgetPer === 'inhabitant';
  const amount = (v: number) =>
    formatAmount(v, { locale, currency: feed.currency, compact: !perInhabitant });
  const range = budget
    ? `${amount(budget[0])} – ${budget[1] === Infinity ? '∞' : amount(budget[1])}`
    : undefined;
  const span = years && (years[0] === years[1] ? String(years[0]) : `${years[0]}\u2013${years[1]}`);
  return html`<details class="legend" part="legend">
    <summary>${m.legendTitle}</summary>
    <p><span class="key cluster" aria-hidden="true"></span>${m.legendClusters(feed.kind)}</p>
    <p><span class="key programme" aria-hidden="true"></span>${m.legendSingle(feed.kind)}</p>
    <p>${m.legendFigure(span, range, perInhabitant)}</p>
  </details>`;
}

/**
 * The note listing the entries of the feed that were left out or repaired (the first 50). A
 * message quotes the feed's value: in a `<bdi>`, so that its bidi text cannot reorder the path.
 */
export function problemsNote(m: Messages, problems: readonly FeedProblem[]): TemplateResult {
  const left = problems.filter((p) => p.dropped === 'entry').length;
  return html`<details class="note" part="note">
    <summary>${m.problemsNote(left, problems.length - left)}</summary>
    <ul>
      ${problems
        .slice(0, 50)
        .map((p) => html`<li><code>${p.path}</code> <bdi>${p.message}</bdi></li>`)}
    </ul>
  </details>`;
}

/** `<pb-map>`'s `toImage()`, through this chunk so that the element only holds the call. */
export function toImage(host: PbMap): Promise<Blob> {
  return import('./pb-map.image.js').then((image) => image.mapImage(host));
}

/**
 * The map's "save as image" button, in its controls under zoom and fullscreen (part
 * `image-button`): saves `toImage()` as a PNG file. The drawing code loads on the first click.
 */
export function imageControl(host: PbMap, lang: string): IControl {
  const group = document.createElement('div');
  group.className = 'maplibregl-ctrl maplibregl-ctrl-group';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pb-map-image';
  button.setAttribute('part', 'image-button');
  // Named again when the page's language, still loading, arrives (French stands in meanwhile).
  const name = (): void => {
    const label = imageMessagesFor(lang, { requestUpdate: name }).save;
    button.title = label;
    button.setAttribute('aria-label', label);
  };
  name();
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  // A picture (a frame and a hill) and an arrow down: "save the picture".
  path.setAttribute(
    'd',
    'M2.5 3h15v10h-15zM5 11l3.5-3.5 2.5 2.5 2-2 2.5 2.5M10 13v5.5m-2.5-2.5 2.5 2.5 2.5-2.5',
  );
  svg.append(path);
  button.append(svg);
  let busy = false;
  const onClick = (): void => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    import('./pb-map.image.js')
      .then((image) => image.saveMapImage(host))
      .catch((error: unknown) => console.error('<pb-map>: the image could not be made.', error))
      .finally(() => {
        busy = false;
        button.removeAttribute('aria-busy');
      });
  };
  button.addEventListener('click', onClick);
  group.append(button);
  return {
    onAdd: () => group,
    onRemove: () => {
      button.removeEventListener('click', onClick);
      group.remove();
    },
  };
}
