import { LitElement, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PointItem } from '../../core/cluster.js';
import type { Feed, FeedErrorCode, FeedProblem, Programme } from '../../core/feed/model.js';
import {
  FILTER_ATTRIBUTES,
  filterToAttributes,
  type FilterAttribute,
  matchingYears,
  parseFilterAttributes,
  type Filter,
  type FilterAttributes,
} from '../../core/filter.js';
import type { ClusterEngine, EngineSelection } from '../../map/cluster-engine.js';
import type { Camera, StaticCamera } from '../../core/camera.js';
import {
  MapStore,
  type ChangeOrigin,
  type StoreChange,
  type StoreState,
} from '../../store/map-store.js';
import { loadFeedOffThread } from '../../store/feed-loader.js';
import type { FirstView, FirstViewRequest } from '../../core/first-view.js';
import { loadLanguage, messagesFor, type Messages } from '../../core/messages.js';
import { pbEvent } from './pb-map.events.js';
import { readUrlState, urlStateKey, writeUrlState, type UrlState } from './url-state.js';
import { a11yStyles } from './pb-map.a11y.styles.js';
import { styles, tokens } from './pb-map.styles.js';
import { adoptSheet, deferred, pageLang, srOnly, type Deferred } from '../shared/shared.js';

type MapChunk = typeof import('../../map/maplibre.js');
type Overlay = typeof import('./pb-map.view.js');
type Placed = import('./pb-map.view.js').Placed;
type FranceInsets = import('./france-insets.js').FranceInsets;
type Status = 'idle' | 'loading' | 'loaded' | 'empty' | 'error';
type Opened =
  { kind: 'programme'; programme: Programme } | { kind: 'stack'; programmes: Programme[] };

/** What the store holds for a feed that is valid but lists nothing. */
const EMPTY_FEED: Feed = {
  version: 1,
  currency: 'EUR',
  kind: 'programmes',
  sources: [],
  programmes: [],
};

/** The property behind each filter attribute. */
const FILTER_PROPS = {
  years: 'years',
  budget: 'budget',
  'budget-per': 'budgetPer',
  level: 'level',
  region: 'region',
  country: 'country',
  q: 'q',
} as const satisfies Record<FilterAttribute, keyof PbMap>;

/** Above this zoom every programme stands alone (the clusters' `maxZoom`). */
const MAX_CLUSTER_ZOOM = 16;
/** How far (px) a pointer may travel between press and release for a click to count. */
const CLICK_TOLERANCE = 5;

/**
 * A clustered map of participatory-budget programmes (or of one city's winning projects), drawn
 * from a static JSON feed. MapLibre and the offline basemap load only when the element nears the
 * viewport. Clusters and programmes are real buttons over the map, so they can be focused, named
 * and clicked like anything else on the page.
 *
 * Keyboard (docs/accessibility.md): Tab reaches the skip link, then the map (arrows pan, + and -
 * zoom), then one marker (a roving tabindex); arrows move to the nearest marker that way, Home
 * and End to the first and last; Enter zooms into a cluster or opens a programme's card; Escape
 * closes it and gives focus back. Results of filters and zooms are announced politely.
 *
 * @summary A clustered, accessible map of participatory budgets from a static feed.
 *
 * @fires {CustomEvent<PbLoadDetail>} pb-load - The feed is loaded and its first clusters are drawn. `detail`: `{ title, programmes, problems }`.
 * @fires {CustomEvent<PbErrorDetail>} pb-error - The feed could not be used. `detail`: `{ code, message, src, problems }`.
 * @fires {CustomEvent<PbSelectDetail>} pb-select - A person opened a programme's card. `detail`: `{ programme }`.
 * @fires {CustomEvent<PbFilterChangeDetail>} pb-filter-change - A person changed the filter (pb-filters, the URL). `detail`: `{ filter, programmes, setAside, totals }`.
 * @fires {CustomEvent<PbViewChangeDetail>} pb-view-change - A person moved the map (directly, a cluster, the list). `detail`: `{ center, zoom, bounds, inView }`.
 *
 * @attr {'light' | 'dark' | 'auto'} theme - The palette: `light`, `dark`, or `auto` (the reader's system setting, also without the attribute). Read by the styles only.
 *
 * @csspart base - The element's frame.
 * @csspart map - The map area.
 * @csspart card - The card of an opened programme.
 * @csspart status - The loading, empty and error messages.
 * @csspart legend - The legend, in words.
 * @csspart skip - The skip link ("Passer la carte"), shown when it has the focus.
 * @csspart note - The note listing entries of the feed that were left out.
 * @csspart close - The button that closes the card.
 * @csspart image-button - The button in the map's controls that saves the map as a PNG image (`toImage()`).
 *
 * @cssproperty --pb-map-height - Height of the map (default 480px).
 * @cssproperty --pb-map-font - Font of texts (default: inherited from the page).
 * @cssproperty --pb-map-cluster - Fill of cluster bubbles.
 * @cssproperty --pb-map-cluster-text - Text on cluster bubbles.
 * @cssproperty --pb-map-programme - Fill of single programmes.
 * @cssproperty --pb-map-accent - Buttons and links.
 * @cssproperty --pb-map-accent-text - Text on the accent colour (the retry button).
 * @cssproperty --pb-map-surface - Background of cards and messages.
 * @cssproperty --pb-map-text - Text of cards and messages.
 * @cssproperty --pb-map-muted - Labels in the card, years outside the filter.
 * @cssproperty --pb-map-focus - Focus ring.
 * @cssproperty --pb-map-radius - Corners of the card, legend and messages (default 6px).
 */
export class PbMap extends LitElement {
  static override styles = [tokens, srOnly, styles, a11yStyles];

  /**
   * The selection this map shares with the `<pb-filters>`, `<pb-list>` and `<pb-summary>` that
   * name it with `for`: feed, filter, what the filter keeps, and the view. Read it and subscribe
   * to it; change it through `filter` (or `store.setFilter`).
   *
   * @type {MapStore}
   */
  readonly store = new MapStore(() => this.want());

  // Fields: what the element owns and must release on disconnect.
  private unsubscribeStore?: () => void;
  /** From the URL, waiting for the map (view) or the feed (open programme). */
  private urlView?: UrlState['view'];
  private urlOpen?: string;
  private listeningToHash = false;
  private writingAttributes = false;
  private lib?: MapChunk;
  private engine?: ClusterEngine;
  /** The feed the engine has the points of, and whether it still needs the current selection. */
  private enginePoints?: Feed;
  private selectionSent = false;
  private framed = false;
  /** What is drawn: the engine's last answer, by marker key. */
  private drawnItems: PointItem[] = [];
  private items = new Map<string, PointItem>();
  /** The markers in view, in reading order, where they stand on screen (for arrow keys). */
  private placed: Placed[] = [];
  /** The marker in the tab order (roving tabindex); the first in view when undefined or gone. */
  private activeKey?: string;
  /** Set by a cluster zoom: say what the reader landed on once the map is still. */
  private announceZoom = false;
  private drawing?: Deferred;
  private mapInstance?: MapLibreMap;
  /** The view the first clusters are drawn in before MapLibre exists (see core/camera.ts). */
  private staticCamera?: StaticCamera;
  private coordinatesOf?: (programmes: readonly Programme[]) => Float64Array;
  /** The first view the feed worker clustered, with what it was made for (see loadSrc). */
  private firstView?: FirstViewRequest & { view: FirstView; feed: Feed };
  private mapLoaded = false;
  private markersEl?: HTMLDivElement;
  private feedAbort?: AbortController;
  private mapAbort?: AbortController;
  /** Settles once the offline basemap is drawn in (or could not be); `ready` waits for it. */
  private basemapDone?: Promise<void>;
  /**
   * Settles once the first clusters are on screen, or once there is no data to wait for: the
   * offline basemap goes in after that, so that the data shows first.
   */
  private dataShown = deferred();
  private visibility?: IntersectionObserver;
  private frame = 0;
  private pressedAt?: { x: number; y: number };
  private requestedSrc?: string;
  private loaded?: Deferred;
  /**
   * Whether the feed is wanted: once the map nears the viewport, or something follows its store
   * (a list, figures, filters). Until then a map far down the page loads nothing but its own code.
   */
  private wanted = false;
  private announced = false;
  private returnFocusKey?: string;
  /** The overseas insets of `view="france"`, loaded with it. */
  private insets?: FranceInsets;

  @query('.map') private mapContainer!: HTMLDivElement;
  @query('.card h2') private cardHeading?: HTMLElement;

  @state() private status: Status = 'idle';
  @state() private error?: { code: FeedErrorCode; message: string };
  @state() private problems: FeedProblem[] = [];
  @state() private opened?: Opened;
  @state() private mapProblem?: string;
  /** The basemap failed before the map loaded: the data is drawn over a plain background. */
  @state() private plainBackground = false;
  @state() private mapFailed?: string;
  /** The WebGL context was lost (the map comes back when the browser restores it). */
  @state() private contextLost = false;
  /** Markers, card and their styles (pb-map.view.ts), once loaded: the card waits for them. */
  @state() private overlay?: Overlay;
  private viewLoading?: Promise<void>;
  /** What the polite live region says: results of filters and zooms. */
  @state() private announcement = '';

  /**
   * URL of the feed (pb-map JSON feed or GeoJSON), resolved against the page's URL. Fetched when
   * the map nears the viewport, or as soon as something follows its data (a `<pb-list>`,
   * `<pb-summary>` or `<pb-filters>` naming it, a script's `store.subscribe`).
   */
  @property({ reflect: true }) src?: string;

  /**
   * A MapLibre style URL to draw under the data instead of the offline basemap (which is world
   * land and borders from Natural Earth, shipped with the library). The style's own attribution
   * is shown. Read when the map is created.
   */
  @property() basemap?: string;

  /** The loaded feed (the store's), while there is one to draw; undefined when empty. */
  private get feed(): Feed | undefined {
    return this.status === 'loaded' ? this.store.state.feed : undefined;
  }

  /** Preset of the year range: `"2018-2024"`, or one year `"2020"`. Reflects the filter in force. */
  @property({ reflect: true }) years?: string;
  /** Preset of the budget range: `"100000-5000000"`, `"100000-"`, `"-5000000"`. Reflects the filter. */
  @property({ reflect: true }) budget?: string;
  /** What the budget range applies to: `"total"` (default) or `"inhabitant"`. Reflects the filter. */
  @property({ reflect: true, attribute: 'budget-per' }) budgetPer?: string;
  /** Levels kept, comma-separated: `"commune,department"`. Reflects the filter. */
  @property({ reflect: true }) level?: string;
  /** Regions kept, comma-separated: `"Bretagne,Pays de la Loire"`. Reflects the filter. */
  @property({ reflect: true }) region?: string;
  /** Countries kept (ISO codes), comma-separated: `"FR,PT"`. Reflects the filter. */
  @property({ reflect: true }) country?: string;
  /** Text search on names and places. Reflects the filter. */
  @property({ reflect: true }) q?: string;

  /**
   * Keeps the filter, the view and the open programme in the page's URL hash, so that a link
   * reopens the same view. The map owns one `&`-separated segment of the hash, `pb` (or `pb-<id>`
   * when it has an id), and leaves the rest of the hash alone. Off by default.
   */
  @property({ type: Boolean, reflect: true, attribute: 'url-state' }) urlState = false;

  /**
   * What the map frames. `"auto"` (the default): the main group of the feed's programmes.
   * `"france"`: metropolitan France with Corsica, whatever the data, with insets for Guadeloupe,
   * Martinique, Guyane, La Réunion and Mayotte along the lower-left edge, clustered and clickable
   * like the map, shown while the map shows that overview (see docs/accessibility.md). Changing
   * it on a shown map re-frames it without reloading anything.
   */
  @property({ reflect: true }) view?: 'auto' | 'france';

  /**
   * The filter in force (see docs/filters.md). Setting it changes the view at once and updates
   * the filter attributes; it fires no event (events are for what a person does).
   */
  get filter(): Filter {
    return this.store.state.filter;
  }
  set filter(filter: Filter | null | undefined) {
    // A framework binding that starts out empty must not wipe the presets: nothing is no change.
    if (filter == null) return;
    this.store.setFilter({ ...filter }, 'script');
  }

  /**
   * What the filter keeps, with its totals; `undefined` until a feed is loaded.
   *
   * @type {Selection | undefined}
   */
  get selection() {
    return this.store.state.selection;
  }

  /** The MapLibre map, once the element has been shown; `undefined` before and after removal. */
  get map(): MapLibreMap | undefined {
    return this.mapInstance;
  }

  /**
   * What markers are placed with: the map, or before it exists the first view's own camera
   * (not for `view="france"`, whose insets frame the map itself).
   */
  private get camera(): Camera | undefined {
    return this.mapInstance ?? (this.view === 'france' ? undefined : this.staticCamera);
  }

  /**
   * Settles when the current feed is loaded and its first clusters are drawn (or the map could
   * not be shown, which the element says). Rejects with the feed's error. A new promise starts
   * each time `src` changes. A map far from the viewport that nothing follows loads nothing, so
   * its `ready` waits until it is scrolled near.
   */
  get ready(): Promise<void> {
    this.loaded ??= deferred();
    return this.loaded.promise;
  }

  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeStore ??= this.store.subscribe(this.onStore, false);
    if (this.hasUpdated && this.urlState) this.requestUpdate(); // listen to the hash again
    if (typeof IntersectionObserver === 'function') {
      this.visibility = new IntersectionObserver(this.onVisibility, { rootMargin: '200px' });
      this.visibility.observe(this);
    } else {
      this.want();
      void this.createMap();
    }
    if (this.hasUpdated && this.requestedSrc !== this.src) this.requestUpdate();
    if (this.hasUpdated && this.view === 'france') void this.applyView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeStore?.();
    this.unsubscribeStore = undefined;
    this.listenToHash(false);
    this.insets?.destroy();
    this.insets = undefined;
    this.visibility?.disconnect();
    this.visibility = undefined;
    if (this.status === 'loading') {
      this.feedAbort?.abort();
      this.requestedSrc = undefined; // reload when put back in the page
    }
    this.destroyMap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && (this.view === 'france' || changed.get('view') === 'france')) {
      void this.applyView();
    }
    // The URL's state, when it has one for this map, wins over the filter attributes.
    let fromUrl = false;
    if (changed.has('urlState') || (this.urlState && this.isConnected && !this.listeningToHash)) {
      this.listenToHash(this.urlState && this.isConnected);
      if (this.urlState) fromUrl = this.readUrl('script');
    }
    if (
      !fromUrl &&
      !this.writingAttributes &&
      Object.values(FILTER_PROPS).some((name) => changed.has(name))
    ) {
      const { filter, problems } = parseFilterAttributes(this.filterAttributes());
      for (const problem of problems) console.warn(`<pb-map>: ${problem}`);
      this.store.setFilter(filter, 'script');
    }
    // A new src, or a load that was cut short when the element left the page.
    if (this.isConnected && this.wanted && this.requestedSrc !== this.src) void this.loadSrc();
  }

  protected override updated(changed: PropertyValues): void {
    // No data to wait for (no feed, an empty one, an error): the map need not wait either. A
    // `src` not loaded yet (the map is not wanted yet) is data to come.
    const idle = this.status === 'idle' && !this.src;
    if (idle || this.status === 'empty' || this.status === 'error') {
      this.dataShown.resolve();
    }
    const shown = changed.has('opened') || (changed.has('overlay') && this.overlay);
    if (shown && this.opened) this.cardHeading?.focus();
  }

  // Handlers

  private onHashChange = (): void => {
    this.readUrl('user');
  };

  private onStore = (
    state: StoreState,
    changes: ReadonlySet<StoreChange>,
    origin: ChangeOrigin,
  ): void => {
    if (changes.has('selection')) {
      this.selectionSent = false;
      this.requestClusters();
    }
    if (!changes.has('filter')) return;
    this.writeAttributes(state.filter);
    this.writeUrl();
    if (origin === 'user' && state.selection && state.feed) {
      this.announce(this.messages.shown(state.selection.totals.programmes, state.feed.kind));
    }
    if (origin === 'user' && state.selection) {
      this.dispatchEvent(
        pbEvent('pb-filter-change', {
          filter: state.filter,
          programmes: state.selection.totals.programmes,
          setAside: state.selection.setAside,
          totals: state.selection.totals,
        }),
      );
    }
  };

  /** The feed is wanted now (see `wanted`): load it. */
  private want(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.requestUpdate();
  }

  private onVisibility = (entries: IntersectionObserverEntry[]): void => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.want();
    void this.createMap();
  };

  private onMove = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(this.onFrame);
  };

  /** Once a frame while the map moves: markers follow the map, and the view's clusters are asked for. */
  private onFrame = (): void => {
    this.frame = 0;
    if (this.mapInstance) this.insets?.follow(this.mapInstance);
    this.placeMarkers();
    this.requestClusters();
  };

  private onMoveEnd = (event: { originalEvent?: unknown; pbUser?: boolean }): void => {
    const map = this.mapInstance;
    if (!map || !this.framed) return;
    this.requestClusters();
    const view = this.overlay!.viewOf(map);
    const user = event.originalEvent !== undefined || event.pbUser === true;
    this.store.setView(view, user ? 'user' : 'script');
    this.writeUrl();
    if (user) {
      this.dispatchEvent(
        pbEvent('pb-view-change', { ...view, inView: this.store.state.inView?.length ?? 0 }),
      );
    }
  };

  private onMapLoad = (): void => {
    this.mapLoaded = true;
    this.requestUpdate(); // what the status says depends on it
    this.requestClusters();
    void this.settle();
  };

  private onMapError = (event: { error?: { message?: string } }): void => {
    this.mapProblem ??= event.error?.message ?? 'map error';
    // Before the first load the error is the basemap's style (unreachable, not JSON…): MapLibre
    // would never load, so draw the data over a plain background instead, and say so.
    if (!this.mapLoaded && !this.plainBackground) {
      this.plainBackground = true;
      if (this.lib) this.mapInstance?.setStyle(this.lib.PLAIN_STYLE);
    }
  };

  private onPointerDown = (event: PointerEvent): void => {
    this.pressedAt = { x: event.clientX, y: event.clientY };
  };

  private onMarkerClick = (event: MouseEvent): void => {
    const start = this.pressedAt;
    this.pressedAt = undefined;
    if (
      start &&
      event.detail > 0 &&
      Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_TOLERANCE
    ) {
      return; // the end of a drag, not a click
    }
    const key = (event.currentTarget as HTMLElement).dataset['key'];
    const item = key ? this.items.get(key) : undefined;
    if (!item || !key) return;
    event.stopPropagation();
    if (item.kind === 'point') {
      const programme = this.feed?.programmes[item.index];
      if (programme) this.open({ kind: 'programme', programme }, key);
      return;
    }
    void this.expandCluster(item, key);
  };

  /**
   * Arrow keys move to the nearest marker in that direction on screen, Home and End to the first
   * and last in reading order; other keys (Enter, Space, + and -) do what they do.
   */
  private onMarkerKeyDown = (event: KeyboardEvent): void => {
    const key = (event.currentTarget as HTMLElement).dataset['key'];
    const from = this.placed.find((p) => p.key === key);
    if (!from) return;
    let to: Placed | undefined;
    if (event.key === 'Home') to = this.placed[0];
    else if (event.key === 'End') to = this.placed[this.placed.length - 1];
    else if (this.overlay?.isArrow(event.key))
      to = this.overlay?.nearestIn(this.placed, from, event.key);
    else return;
    event.preventDefault();
    event.stopPropagation(); // not to the map, which pans on arrow keys
    if (to) this.focusMarker(to.key);
  };

  private onMarkerFocus = (event: FocusEvent): void => {
    const key = (event.currentTarget as HTMLElement).dataset['key'];
    if (key && key !== this.activeKey) {
      this.activeKey = key;
      this.placeMarkers();
    }
  };

  /** The skip link: past the map, to the list that follows it when there is one. */
  private onSkip = (): void => {
    const root = this.getRootNode() as Document | ShadowRoot;
    const list = this.id
      ? root.querySelector<HTMLElement>(`pb-list[for="${CSS.escape(this.id)}"]`)
      : null;
    if (list) list.focus();
    else this.shadowRoot?.querySelector<HTMLElement>('.after')?.focus();
  };

  private onContextLost = (): void => {
    this.contextLost = true;
  };

  private onContextRestored = (): void => {
    this.contextLost = false;
    this.mapInstance?.triggerRepaint();
  };

  private onCardKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.closeCard();
    }
  };

  private onRetry = (): void => {
    this.requestedSrc = undefined;
    void this.loadSrc();
  };

  // Public methods

  /**
   * Opens the card of the programme with this id, as a click on it would, and brings it into
   * view when it is not. Returns false when the feed has no such programme.
   *
   * @param id - The programme's `id` in the feed.
   */
  select(id: string): boolean {
    const programme = this.feed?.programmes.find((p) => p.id === id);
    if (!programme) return false;
    const map = this.mapInstance;
    if (map && this.mapLoaded && !map.getBounds().contains(programme.coordinates)) {
      map.easeTo(
        { center: programme.coordinates, duration: prefersReducedMotion() ? 0 : 450 },
        { pbUser: true },
      );
    }
    this.open({ kind: 'programme', programme });
    return true;
  }

  /**
   * Settles once the clusters of the current feed, filter and view are on screen: at once when
   * nothing is being redrawn. For tests and benchmarks: `map.filter = f; await map.drawn`.
   */
  get drawn(): Promise<void> {
    return this.drawing?.promise ?? this.updateComplete.then(() => undefined);
  }

  /**
   * The map as the reader sees it, as a PNG at the screen's pixel ratio: the basemap, the bubbles
   * and discs, and a band under it with the legend and the credits (the feed's title, licence and
   * sources, the basemap's attribution). Waits for the clusters in progress. The drawing code
   * loads on the first call (docs/export.md).
   */
  toImage(): Promise<Blob> {
    return this.loadView().then(() => this.overlay!.toImage(this));
  }

  /** Closes the open card, if any, and gives focus back to where it was. */
  closeCard(): void {
    if (!this.opened) return;
    this.opened = undefined;
    this.writeUrl();
    const key = this.returnFocusKey;
    this.returnFocusKey = undefined;
    void this.updateComplete.then(() => {
      const target = key
        ? this.shadowRoot?.querySelector<HTMLElement>(`.marker[data-key="${CSS.escape(key)}"]`)
        : undefined;
      (target ?? this.mapInstance?.getCanvas())?.focus();
    });
  }

  /** The filter attributes as they stand. */
  private filterAttributes(): FilterAttributes {
    const attributes: FilterAttributes = {};
    for (const name of FILTER_ATTRIBUTES) {
      const value = this[FILTER_PROPS[name]];
      if (value) attributes[name] = value;
    }
    return attributes;
  }

  private writeAttributes(filter: Filter): void {
    const a = filterToAttributes(filter);
    this.writingAttributes = true;
    for (const name of FILTER_ATTRIBUTES) this[FILTER_PROPS[name]] = a[name];
    void this.updateComplete.then(() => (this.writingAttributes = false));
  }

  // URL state

  private listenToHash(on: boolean): void {
    if (on === this.listeningToHash) return;
    this.listeningToHash = on;
    if (on) window.addEventListener('hashchange', this.onHashChange);
    else window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Applies the state in the URL's hash, if it holds one for this map. */
  private readUrl(origin: ChangeOrigin): boolean {
    const state = readUrlState(location.hash, urlStateKey(this.id));
    if (!state) return false;
    const { filter, problems } = parseFilterAttributes(state.filter);
    for (const problem of problems) console.warn(`<pb-map> url-state: ${problem}`);
    if (JSON.stringify(filter) !== JSON.stringify(this.store.state.filter)) {
      this.store.setFilter(filter, origin);
    }
    const map = this.mapInstance;
    if (state.view && map && this.framed) map.jumpTo(state.view);
    else this.urlView = state.view;
    if (state.open && this.feed && this.framed) this.select(state.open);
    else this.urlOpen = state.open;
    return true;
  }

  /** Writes the filter, view and open programme into the URL's hash (without a history entry). */
  private writeUrl(): void {
    if (!this.urlState || !this.isConnected) return;
    const map = this.mapInstance;
    const view =
      map && this.framed
        ? { center: this.overlay!.viewOf(map).center, zoom: map.getZoom() }
        : this.urlView;
    const open = this.opened?.kind === 'programme' ? this.opened.programme.id : this.urlOpen;
    const state: UrlState = { filter: filterToAttributes(this.store.state.filter) };
    if (view) state.view = view;
    if (open) state.open = open;
    const hash = writeUrlState(location.hash, urlStateKey(this.id), state);
    if (hash === location.hash.replace(/^#/, '')) return;
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    history.replaceState(history.state, '', url);
  }

  // Feed

  private async loadSrc(): Promise<void> {
    this.feedAbort?.abort();
    const src = this.src;
    this.requestedSrc = src;
    this.problems = [];
    this.error = undefined;
    this.opened = undefined;
    this.announced = false;
    this.store.setFeed(undefined);
    this.framed = false;
    if (this.loaded?.settled) this.loaded = undefined;
    this.showItems([]);
    if (!src) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    const controller = new AbortController();
    this.feedAbort = controller;
    let url: URL;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      this.fail('not-a-feed', `"${src}" is not a valid URL.`, src);
      return;
    }
    try {
      // Downloaded, parsed, indexed and its first view clustered in a worker (unless the view
      // comes from the URL or the overseas insets): the page only draws it.
      await this.updateComplete; // the map's box, to frame the first view in
      if (controller.signal.aborted) return;
      const box = this.mapContainer;
      const { filter } = this.store.state;
      const ownView = this.view === 'france' || this.urlView !== undefined;
      const ask = ownView
        ? undefined
        : { filter, width: box.clientWidth, height: box.clientHeight };
      const loaded = await loadFeedOffThread(url.href, controller.signal, ask);
      const { result, index, first } = loaded;
      if (controller.signal.aborted) return;
      this.problems = result.problems;
      if (result.ok) {
        this.status = 'loaded';
        this.firstView = first && ask && { ...ask, view: first, feed: result.feed };
        this.store.setFeed(result.feed, index);
      } else if (result.error.code === 'no-programmes' && result.problems.length === 0) {
        this.status = 'empty';
        // The elements that follow the map say "0 programme" rather than wait for data.
        this.store.setFeed(EMPTY_FEED);
      } else {
        this.fail(result.error.code, result.error.message, url.href);
        return;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      this.fail('network', error instanceof Error ? error.message : String(error), url.href);
      return;
    }
    void this.settle();
  }

  private fail(code: FeedErrorCode, message: string, src: string): void {
    const { problems } = this;
    this.status = 'error';
    this.error = { code, message };
    // No entry usable: why, for the page (the event), its developer (the console) and the reader.
    if (problems.length) console.warn(`<pb-map> ${src}: ${message}`, problems);
    this.dispatchEvent(pbEvent('pb-error', { code, message, src, problems }));
    const loaded = (this.loaded ??= deferred());
    loaded.reject(Object.assign(new Error(message), { code }));
  }

  /** Resolves `ready` and fires `pb-load` once the feed and the map are both there. */
  private async settle(): Promise<void> {
    const mapDone = this.mapLoaded || this.mapFailed !== undefined;
    if (this.announced || !mapDone || (this.status !== 'loaded' && this.status !== 'empty')) return;
    if (this.status === 'loaded' && this.mapLoaded && !this.framed) return; // frame first
    this.announced = true;
    await this.drawn;
    await this.basemapDone;
    // Ready means ready in the reader's language (French stands in while another one loads).
    await loadLanguage(this.locale).catch(() => {});
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.dispatchEvent(
      pbEvent('pb-load', {
        title: this.feed?.title,
        programmes: this.feed?.programmes.length ?? 0,
        problems: this.problems,
      }),
    );
    (this.loaded ??= deferred()).resolve();
  }

  // Map

  /** Releases what the map's setup started (the theme watch, the basemap swap). */
  private releaseMap?: () => void;

  /** Loads markers, card and their styles (not in the first load), once. */
  private loadView(): Promise<void> {
    this.viewLoading ??= import('./pb-map.view.js').then(
      (view) => {
        adoptSheet(this.shadowRoot, view.viewStyles.styleSheet);
        this.overlay = view;
        this.placeMarkers();
      },
      () => {
        this.viewLoading = undefined; // a later card or map tries again
      },
    );
    return this.viewLoading;
  }

  /**
   * Shows the map in two steps. First the clustering engine, the markers and a camera of its own
   * (src/core/camera.ts): the first clusters are drawn over a plain background as soon as
   * the feed is in. Then MapLibre, whose WebGL set-up is one long task, once those clusters are
   * on screen (or after 2.5 s without them), at the same centre and zoom; the basemap comes in
   * under the markers.
   */
  private async createMap(): Promise<void> {
    if (this.mapInstance || this.mapAbort) return;
    const controller = new AbortController();
    const { signal } = controller;
    this.mapAbort = controller;
    try {
      // MapLibre's code downloads and compiles meanwhile; the map is created later.
      const libLoading = import('../../map/maplibre.js');
      libLoading.catch(() => {}); // awaited below
      // Markers and card come with the map (and their styles, so nothing shows unstyled).
      const [engines, cameras] = await Promise.all([
        import('../../map/cluster-engine.js'),
        import('../../core/camera.js'),
        this.loadView(),
      ]);
      if (signal.aborted) return;
      await this.updateComplete;
      const engine = (this.engine = new engines.ClusterEngine());
      this.coordinatesOf = engines.coordinatesOf;
      const markers = document.createElement('div');
      markers.className = 'markers';
      markers.addEventListener('pointerdown', this.onPointerDown);
      this.mapContainer.append(markers);
      this.markersEl = markers;
      const { FRANCE_CENTER, FRANCE_ZOOM } = cameras;
      this.staticCamera = new cameras.StaticCamera(this.mapContainer, FRANCE_CENTER, FRANCE_ZOOM);
      this.requestClusters(); // the feed may be in already

      const lib = await libLoading;
      // The data first: MapLibre's set-up waits for the first clusters to be painted, or for the
      // feed to fail, or gives up waiting after 2.5 s (a slow feed). The overseas insets of
      // view="france" frame the map itself: no waiting there.
      if (this.view !== 'france') {
        await Promise.race([this.dataShown.promise, new Promise((r) => setTimeout(r, 2500))]);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      }
      if (signal.aborted) return;
      this.lib = lib;
      adoptSheet(this.shadowRoot, lib.maplibreStyleSheet(), true);
      const camera = this.staticCamera;
      const setup = await lib.setUpMap({
        host: this,
        container: this.mapContainer,
        center: [camera.getCenter().lng, camera.getCenter().lat],
        zoom: camera.getZoom(),
        markers,
        engine,
        basemap: this.basemap,
        locale: this.messages.mapUi,
        signal,
        dataShown: this.dataShown.promise,
        onBasemapProblem: (message) => {
          this.mapProblem ??= message;
          this.plainBackground = true;
        },
      });
      const map = setup.map;
      this.mapInstance = map;
      this.staticCamera = undefined;
      this.releaseMap = setup.release;
      this.basemapDone = setup.basemapDone;
      map.on('move', this.onMove);
      map.on('moveend', this.onMoveEnd);
      map.on('resize', this.onMove);
      map.on('error', this.onMapError);
      map.on('webglcontextlost', this.onContextLost);
      map.on('webglcontextrestored', this.onContextRestored);
      map.once('load', this.onMapLoad);
      map.addControl(this.overlay!.imageControl(this, this.locale), 'top-right');
      // The markers now follow the map (which may have adjusted the view to its limits).
      this.placeMarkers();
      this.requestClusters();
      if (this.framed) this.store.setView(this.overlay!.viewOf(map), 'script');
    } catch (error) {
      if (signal.aborted) return;
      // Most often: no WebGL on this device. The element says so instead of an empty box.
      this.mapFailed = error instanceof Error ? error.message : String(error);
      this.mapAbort = undefined;
      this.destroyMap();
      void this.settle();
    }
  }

  /**
   * Loads the overseas insets when `view` is `"france"` (or drops them), then frames the map for
   * the view: at once when it was framed already, else when the first feed is framed.
   */
  private async applyView(): Promise<void> {
    if (this.view === 'france') {
      const insetsModule = await import('./france-insets.js');
      const FranceInsets = insetsModule.FranceInsets;
      if (this.view !== 'france' || !this.isConnected) return;
      this.insets ??= new FranceInsets(this, {
        openProgramme: (programme, key) => this.open({ kind: 'programme', programme }, key),
        openStack: (programmes, key) => this.open({ kind: 'stack', programmes }, key),
        zoomTo: (center, zoom) => this.zoomTo(center, zoom),
      });
    } else {
      this.insets?.destroy();
      this.insets = undefined;
    }
    this.requestUpdate();
    const map = this.mapInstance;
    if (!map || !this.framed) return this.requestClusters();
    if (this.insets) this.insets.frame(map, prefersReducedMotion() ? 0 : 450);
    else {
      this.framed = false; // frame the data again, as a new feed is
      this.requestClusters();
    }
  }

  private destroyMap(): void {
    this.mapAbort?.abort();
    this.mapAbort = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.markersEl?.removeEventListener('pointerdown', this.onPointerDown);
    this.markersEl?.remove();
    this.markersEl = undefined;
    this.staticCamera = undefined;
    this.engine?.destroy();
    this.engine = undefined;
    this.enginePoints = undefined;
    this.framed = false;
    this.drawing?.resolve();
    this.drawing = undefined;
    this.drawnItems = [];
    this.mapInstance?.off('move', this.onMove);
    this.mapInstance?.off('moveend', this.onMoveEnd);
    this.mapInstance?.off('resize', this.onMove);
    this.mapInstance?.off('error', this.onMapError);
    this.mapInstance?.off('webglcontextlost', this.onContextLost);
    this.mapInstance?.off('webglcontextrestored', this.onContextRestored);
    this.contextLost = false;
    this.placed = [];
    this.plainBackground = false;
    this.mapProblem = undefined;
    this.mapInstance?.off('load', this.onMapLoad);
    this.basemapDone = undefined;
    this.releaseMap?.();
    this.releaseMap = undefined;
    // Frees the WebGL context and the worker's tiles. Without stack frames: on the last map's
    // removal, MapLibre's shared dispatcher aborts with an Error it keeps until the next map,
    // and V8's stack frames in it would keep this map, element and feed alive until then.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      this.mapInstance?.remove();
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.mapInstance = undefined;
    this.mapLoaded = false;
    this.items.clear();
  }

  /**
   * Asks the engine for the clusters of the current selection in the current view (newest
   * first: see ClusterEngine), and draws them when they come. Frames the selection first after a
   * new feed.
   */
  private requestClusters(): void {
    const { engine, camera, coordinatesOf } = this;
    const { feed, selection } = this.store.state;
    // Not waiting for MapLibre: markers are placed as soon as there is a camera.
    if (!engine || !camera || !coordinatesOf || !feed || !selection) return;
    if (this.enginePoints !== feed) {
      engine.setPoints(coordinatesOf(feed.programmes));
      this.enginePoints = feed;
      this.selectionSent = false;
    }
    if (!this.framed && this.view === 'france' && !this.insets) return; // framed once loaded
    const sent = this.selectionSent
      ? undefined
      : { indices: selection.indices, figures: selection.figures };
    this.selectionSent = true;
    this.drawing ??= deferred();
    if (!this.framed && !this.takeFirstView(camera)) {
      void this.frameSelection(engine, sent);
      return;
    }
    engine.update(this.overlay!.viewBox(camera), sent).then(
      (items) => {
        if (items === undefined || engine !== this.engine || feed !== this.store.state.feed) return;
        this.showItems(items);
        if (engine.idle) {
          this.drawing?.resolve();
          this.drawing = undefined;
        }
      },
      (error: unknown) => console.error('pb-map: clustering failed', error),
    );
  }

  /**
   * Frames the main group of the selection (at zoom 2, the cluster holding three quarters of the
   * programmes, if one does), so that a few far-away entries such as overseas ones do not shrink
   * the rest; then draws the clusters of that view.
   */
  private async frameSelection(
    engine: ClusterEngine,
    selection: EngineSelection | undefined,
  ): Promise<void> {
    const feed = this.store.state.feed;
    if (!this.camera || !feed) return;
    try {
      const box = await this.overlay!.mainGroup(engine, selection, feed);
      const map = this.camera;
      if (!box || !map || engine !== this.engine || feed !== this.store.state.feed) return;
      if (this.framed) return;
      const [w, s, e, n] = box;
      const padding = this.overlay!.framePadding(map.getContainer());
      this.framed = true;
      if (this.urlView) {
        map.jumpTo(this.urlView);
        this.urlView = undefined;
      } else if (this.insets && this.mapInstance) {
        this.insets.frame(this.mapInstance, 0);
      } else {
        map.fitBounds(
          [
            [w, s],
            [e, n],
          ],
          { padding, maxZoom: this.overlay!.FRAME_MAX_ZOOM, duration: 0 },
        );
      }
      this.afterFraming(map);
      this.requestClusters();
    } catch (error) {
      console.error('pb-map: clustering failed', error);
    }
  }

  /**
   * Shows the first view the feed worker worked out (see loadSrc), when it still holds: the same
   * feed, filter and map size, and nothing framed since. Returns whether it did; the engine then
   * computes the same view again, for what follows (clicks, moves).
   */
  private takeFirstView(camera: Camera): boolean {
    const first = this.firstView;
    this.firstView = undefined;
    const { feed, filter } = this.store.state;
    const { clientWidth, clientHeight } = camera.getContainer();
    if (
      !first ||
      first.feed !== feed ||
      first.filter !== filter ||
      first.width !== clientWidth ||
      first.height !== clientHeight ||
      this.urlView ||
      this.view === 'france'
    ) {
      return false;
    }
    camera.jumpTo({ center: first.view.center, zoom: first.view.zoom });
    this.framed = true;
    this.showItems(first.view.items);
    this.afterFraming(camera);
    return true;
  }

  /** A new feed is framed: a programme named in the URL opens, the store learns the view. */
  private afterFraming(camera: Camera): void {
    if (this.urlOpen) {
      this.select(this.urlOpen);
      this.urlOpen = undefined;
    }
    this.store.setView(this.overlay!.viewOf(camera), 'script');
    void this.settle();
  }

  /** Zooms to where a cluster splits, or lists its programmes when zooming cannot split it. */
  private async expandCluster(
    item: Extract<PointItem, { kind: 'cluster' }>,
    key: string,
  ): Promise<void> {
    const engine = this.engine;
    const feed = this.feed;
    if (!engine || !feed) return;
    try {
      const zoom = await engine.expansionZoom(item.id);
      if (zoom > MAX_CLUSTER_ZOOM) {
        const leaves = await engine.getLeaves(item.id);
        this.open({ kind: 'stack', programmes: leaves.map((i) => feed.programmes[i]!) }, key);
      } else {
        this.zoomTo(item.coordinates, zoom);
      }
    } catch {
      // The cluster belonged to a selection that has just been replaced: nothing to expand.
    }
  }

  /** A person's zoom into a cluster: eased (a jump under reduced motion), then announced. */
  private zoomTo(center: [number, number], zoom: number): void {
    this.announceZoom = true;
    if (!this.mapInstance && this.staticCamera) {
      // Before MapLibre is there: the first view jumps, and the map will start from there.
      this.staticCamera.jumpTo({ center, zoom });
      this.requestClusters();
      return;
    }
    this.mapInstance?.easeTo(
      { center, zoom, duration: prefersReducedMotion() ? 0 : 450 },
      { pbUser: true },
    );
  }

  /** Draws these items (the engine's answer) as buttons over the map. */
  private showItems(items: PointItem[]): void {
    // A focused marker that is redrawn away (a cluster that splits, a zoom): focus goes to the
    // marker now nearest to where it stood, so keyboard users are never dropped to the page.
    const focused = this.shadowRoot?.activeElement as HTMLElement | null;
    const lost = focused?.classList.contains('marker') ? focused.dataset['key'] : undefined;
    const was = this.placed.find((p) => p.key === lost);
    this.drawnItems = items;
    this.items.clear();
    for (const item of items) this.items.set(itemKey(item), item);
    this.placeMarkers();
    if (this.feed) this.dataShown.resolve();
    if (was && !this.items.has(was.key)) {
      const nearest = this.overlay?.nearestTo(this.placed, was.x, was.y);
      if (nearest) this.focusMarker(nearest.key);
    }
    const map = this.camera;
    if (this.announceZoom && map && !map.isMoving() && this.engine?.idle && this.feed) {
      this.announceZoom = false;
      const clusters = this.placed.filter((p) => p.item.kind === 'cluster').length;
      this.announce(
        this.messages.zoomResult(clusters, this.placed.length - clusters, this.feed.kind),
      );
    }
  }

  /** Makes a marker the one in the tab order, and focuses it. */
  private focusMarker(key: string): void {
    this.activeKey = key;
    this.placeMarkers();
    this.markersEl?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  /** Says `text` in the polite live region, again even when it is the same as last time. */
  private announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** Places the drawn items' buttons where their coordinates are now; cheap, once a frame. */
  private placeMarkers(): void {
    const map = this.camera;
    const container = this.markersEl;
    const feed = this.feed;
    if (!container) return;
    const overlay = this.overlay;
    if (!map || !feed || !overlay) {
      render(nothing, container, { host: this });
      return;
    }
    const m = this.messages;
    const locale = m.locale;
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    // Where each item lands now; those outside the view are inert (not focusable, not read).
    const placed = this.drawnItems.map((item) => {
      const point = map.project(item.coordinates);
      const inView = point.x >= 0 && point.y >= 0 && point.x <= width && point.y <= height;
      return { item, key: itemKey(item), x: point.x, y: point.y, inView };
    });
    this.placed = placed.filter((p) => p.inView).sort(overlay.readingOrder);
    // One marker in the tab order (roving tabindex): the active one, or the first in view.
    if (!this.placed.some((p) => p.key === this.activeKey)) {
      this.activeKey = this.placed[0]?.key;
    }
    overlay.renderMarkers(container, placed, {
      feed,
      messages: m,
      locale,
      activeKey: this.activeKey,
      host: this,
      onClick: this.onMarkerClick,
      onKeyDown: this.onMarkerKeyDown,
      onFocus: this.onMarkerFocus,
    });
  }

  /**
   * When the filter constrains years or budgets: the editions of `p` it keeps, and the figure it
   * gives `p` (see docs/filters.md) with that edition's year. Undefined otherwise.
   */
  private underFilter(
    p: Programme,
  ): { years: Set<number>; figure?: number; year?: number } | undefined {
    const { feed, index, filter } = this.store.state;
    if (!feed || !index || (!filter.years && !filter.budget)) return undefined;
    const i = feed.programmes.indexOf(p);
    if (i < 0) return undefined;
    const years = new Set(matchingYears(index, i, filter));
    const edition = [...p.editions]
      .reverse()
      .find((e) => years.has(e.year) && e.budget !== undefined);
    return edition ? { years, figure: edition.budget, year: edition.year } : { years };
  }

  private open(opened: Opened, returnKey?: string): void {
    void this.loadView();
    this.opened = opened;
    this.returnFocusKey = returnKey;
    this.writeUrl();
    if (opened.kind === 'programme') {
      this.dispatchEvent(pbEvent('pb-select', { programme: opened.programme }));
    }
  }

  // Render

  /** The language asked for (own `lang`, else the page's); numbers use `messages.locale`. */
  private get locale(): string {
    return pageLang(this);
  }

  private get messages(): Messages {
    return messagesFor(this.locale, this);
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    return html`<button type="button" class="skip" part="skip" @click=${this.onSkip}>
        ${m.skipMap}
      </button>
      <div class="base" part="base">
        <div class="map" part="map"></div>
        ${this.insets?.element ?? nothing} ${this.renderLegend(m)} ${this.renderStatus(m)}
        ${this.renderNote(m)} ${this.overlay ? this.renderCard(m) : nothing}
        <div class="sr-only" role="status">${this.announcement}</div>
      </div>
      <span class="after sr-only" tabindex="-1">${m.mapEnd}</span>`;
  }

  private renderStatus(m: Messages): TemplateResult | typeof nothing {
    if (this.status === 'loading') {
      return html`<div class="status" part="status" role="status">
        <div><p>${m.loading}</p></div>
      </div>`;
    }
    if (this.status === 'error' && this.error) {
      return html`<div class="status error" part="status" role="alert">
        <div>
          <p><strong>${m.errorTitle}</strong> ${m.errorReason(this.error.code)}</p>
          <p class="detail">${this.error.message}</p>
          ${this.problems.length ? this.overlay?.problemsNote(m, this.problems) : nothing}
          <p><button type="button" class="action" @click=${this.onRetry}>${m.retry}</button></p>
        </div>
      </div>`;
    }
    if (this.status === 'empty') {
      return html`<div class="status" part="status" role="status">
        <div><p>${m.empty}</p></div>
      </div>`;
    }
    if (this.contextLost) {
      return html`<div class="status" part="status" role="status">
        <div><p>${m.contextLost}</p></div>
      </div>`;
    }
    if (this.mapFailed) {
      return html`<div class="status" part="status" role="status">
        <div><p>${m.noMap}</p></div>
      </div>`;
    }
    if (this.mapProblem && !this.mapLoaded) {
      return html`<div class="status" part="status" role="status">
        <div><p>${m.mapUnavailable}</p></div>
      </div>`;
    }
    if (this.plainBackground) {
      // A note, not a veil: the data is there to use.
      return html`<p class="basemap-note" part="status" role="status">${m.mapUnavailable}</p>`;
    }
    return nothing;
  }

  private renderLegend(m: Messages): TemplateResult | typeof nothing {
    const feed = this.feed;
    if (this.status !== 'loaded' || !feed || !this.overlay) return nothing;
    return this.overlay.legend(m, feed, this.store.state.filter, m.locale);
  }

  private renderNote(m: Messages): TemplateResult | typeof nothing {
    if (this.status !== 'loaded' || this.problems.length === 0 || !this.overlay) return nothing;
    return this.overlay.problemsNote(m, this.problems);
  }

  private renderCard(m: Messages): TemplateResult | typeof nothing {
    const opened = this.opened;
    if (!opened) return nothing;
    const body =
      opened.kind === 'stack'
        ? html`<h2 tabindex="-1" id="card-title">
              ${m.stackTitle(opened.programmes.length, this.feed?.kind ?? 'programmes')}
            </h2>
            <ul class="stack">
              ${opened.programmes.map(
                (p) =>
                  html`<li>
                    <button
                      type="button"
                      @click=${() => this.open({ kind: 'programme', programme: p }, this.returnFocusKey)}
                    >
                      ${p.name}
                    </button>
                  </li>`,
              )}
            </ul>`
        : this.overlay!.programmeCard(opened.programme, {
            messages: m,
            locale: m.locale,
            currency: this.feed?.currency ?? 'EUR',
            underFilter: this.underFilter(opened.programme),
          });
    return html`<section
      class="card"
      part="card"
      role="dialog"
      aria-labelledby="card-title"
      @keydown=${this.onCardKeyDown}
    >
      <button
        type="button"
        class="close"
        part="close"
        aria-label=${m.close}
        @click=${() => this.closeCard()}
      >
        ×
      </button>
      ${body}
    </section>`;
  }
}

function itemKey(item: PointItem): string {
  return item.kind === 'cluster' ? `c${item.id}` : `p${item.index}`;
}

function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}
