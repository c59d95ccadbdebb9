import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PbMap } from '../pb-map/pb-map.component.js';
import { deferred, pageLang } from '../shared/shared.js';
import { atlasMessagesFor } from './pb-atlas.messages.js';
import { styles, tokens } from './pb-atlas.styles.js';

/** The other elements, fetched once per page the first time an atlas nears the viewport. */
let elements: Promise<unknown> | undefined;
function loadElements(): Promise<unknown> {
  elements ??= Promise.all([
    import('../pb-map/pb-map.js'),
    import('../pb-summary/pb-summary.js'),
    import('../pb-filters/pb-filters.js'),
    import('../pb-list/pb-list.js'),
  ]).catch((error: unknown) => {
    elements = undefined; // the next atlas to come into view tries again
    throw error;
  });
  return elements;
}

const INNER = ['pb-map', 'pb-summary', 'pb-filters', 'pb-list'];

/**
 * Everything in one tag: headline figures, filters, the clustered map with its legend, and the
 * list, wired to one selection. `<pb-atlas src="budgets.json"></pb-atlas>` is the whole page
 * section. Its layout follows its own width (container queries), not the window's: from 860 px
 * wide, figures and filters stand beside the map and the list below; narrower, the map comes
 * first and a button opens a panel with the figures, filters and list (usable down to 320 px).
 *
 * The atlas's own code is small: it draws its frame at once (with room for the map), and
 * fetches the code of the map, filters, figures and list only when it nears the viewport.
 * MapLibre follows when the map itself is about to be shown.
 *
 * The attributes `src`, `basemap`, `view`, `theme`, `url-state` and the filter presets
 * (`years`, `budget`, `budget-per`, `level`, `region`, `country`, `q`) go to the inner
 * `<pb-map>` (see its documentation); `theme` also to the other parts. Language: the atlas's
 * `lang`, else the nearest one in the page, else French. With `url-state`, the hash segment is
 * `pb-<id>` after the atlas's id (`pb-map` without one).
 *
 * The map's events bubble out of the atlas (they are `composed`): listen on `<pb-atlas>`.
 *
 * Taking the data away (docs/export.md): the list's download buttons (CSV, GeoJSON, sources) in
 * the panel, and the map's "save as image" button in its controls, in both layouts.
 *
 * @summary Map, filters, figures, list and legend of participatory budgets in one tag.
 *
 * @fires {CustomEvent<PbLoadDetail>} pb-load - From the inner map: the feed is loaded and drawn. `detail`: `{ title, programmes, problems }`.
 * @fires {CustomEvent<PbErrorDetail>} pb-error - From the inner map: the feed could not be used. `detail`: `{ code, message, src }`.
 * @fires {CustomEvent<PbSelectDetail>} pb-select - From the inner map: a person opened a programme's card. `detail`: `{ programme }`.
 * @fires {CustomEvent<PbFilterChangeDetail>} pb-filter-change - From the inner map: a person changed the filter. `detail`: `{ filter, programmes, setAside, totals }`.
 * @fires {CustomEvent<PbViewChangeDetail>} pb-view-change - From the inner map: a person moved the map. `detail`: `{ center, zoom, bounds, inView }`.
 *
 * @csspart base - The atlas's grid.
 * @csspart toggle - The button that opens the panel (narrow layout only).
 * @csspart panel - The figures, filters and list (beside and below the map when wide).
 * @csspart status - The loading message, or why the elements could not load.
 *
 * @cssproperty --pb-map-height - Height of the map (default 480px).
 * @cssproperty --pb-atlas-gap - Space between the parts (default 1rem).
 * @cssproperty --pb-atlas-side - Width of the side panel in the wide layout (default 320px).
 * @cssproperty --pb-map-font - Font of texts (default: inherited from the page); also of the inner elements.
 * @cssproperty --pb-map-radius - Corners of the panel button (default 4px).
 * @cssproperty --pb-map-surface - Background; also of the inner elements.
 * @cssproperty --pb-map-text - Text; also of the inner elements.
 * @cssproperty --pb-map-accent - The panel button; also buttons and links of the inner elements.
 * @cssproperty --pb-map-focus - Focus ring; also of the inner elements.
 */
export class PbAtlas extends LitElement {
  static override styles = [tokens, styles];

  /** URL of the feed (pb-map JSON feed or GeoJSON), resolved against the page's URL. */
  @property({ reflect: true }) src?: string;
  /** A MapLibre style URL instead of the offline basemap (see `<pb-map basemap>`). */
  @property() basemap?: string;
  /**
   * How the map frames its data (see `<pb-map view>`, e.g. `"france"`).
   *
   * @type {'auto' | 'france' | undefined}
   */
  @property() view?: string;
  /**
   * `light`, `dark` or `auto` (the reader's system setting, also without the attribute).
   *
   * @type {'light' | 'dark' | 'auto' | undefined}
   */
  @property({ reflect: true }) theme?: string;
  /** Keeps the filter, view and open programme in the page's URL hash (see `<pb-map url-state>`). */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** Preset of the year range, `"2018-2024"` (see docs/filters.md). */
  @property() years?: string;
  /** Preset of the budget range, `"100000-5000000"`. */
  @property() budget?: string;
  /** What the budget range applies to: `"total"` (default) or `"inhabitant"`. */
  @property({ attribute: 'budget-per' }) budgetPer?: string;
  /** Levels kept, comma-separated: `"commune,department"`. */
  @property() level?: string;
  /** Regions kept, comma-separated. */
  @property() region?: string;
  /** Countries kept (ISO codes), comma-separated. */
  @property() country?: string;
  /** Text search on names and places. */
  @property() q?: string;

  /** The `lang` attribute, observed so that a change re-renders (the language is read from the page). */
  @property({ attribute: 'lang' }) protected langAttribute?: string;

  /** Whether the panel is open in the narrow layout (it is always shown in the wide one). */
  @state() private panelOpen = false;
  @state() private phase: 'waiting' | 'loaded' | 'failed' = 'waiting';

  private visibility?: IntersectionObserver;
  private shown = deferred();

  /** The inner `<pb-map>` once its code is loaded (`filter`, `selection`, `store`, `select()`…). */
  get map(): PbMap | undefined {
    if (!customElements.get('pb-map')) return undefined;
    return (this.renderRoot?.querySelector('pb-map') as PbMap | null) ?? undefined;
  }

  /**
   * Settles when the inner elements are loaded and the map's feed is loaded and drawn (see
   * `<pb-map>`'s `ready`); rejects with the feed's error, or when the code cannot be loaded.
   * The elements load when the atlas nears the viewport.
   */
  get ready(): Promise<void> {
    return this.shown.promise.then(() => this.updateComplete).then(() => this.map!.ready);
  }

  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.phase !== 'waiting') return;
    if (INNER.every((tag) => customElements.get(tag))) {
      this.onLoaded();
    } else if (typeof IntersectionObserver === 'function') {
      this.visibility = new IntersectionObserver(this.onVisibility, { rootMargin: '200px' });
      this.visibility.observe(this);
    } else {
      this.load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.visibility?.disconnect();
    this.visibility = undefined;
  }

  // Handlers

  private onVisibility = (entries: IntersectionObserverEntry[]): void => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.load();
  };

  private load(): void {
    loadElements().then(
      () => this.onLoaded(),
      (error: unknown) => {
        console.error('<pb-atlas>: the code of the map could not be loaded.', error);
        this.phase = 'failed';
        this.shown.reject(error);
      },
    );
  }

  private onLoaded(): void {
    this.phase = 'loaded';
    this.shown.resolve();
  }

  private onToggle = (): void => {
    this.panelOpen = !this.panelOpen;
  };

  // Render

  protected override render(): TemplateResult {
    const lang = pageLang(this);
    const m = atlasMessagesFor(lang, this); // redrawn once a language that must load arrives
    const id = this.id || 'map';
    const theme = this.theme ?? nothing;
    return html`<div class="base" part="base" lang=${lang}>
      <div class="map">
        <pb-map
          id=${id}
          src=${this.src ?? nothing}
          basemap=${this.basemap ?? nothing}
          view=${this.view ?? nothing}
          theme=${theme}
          ?url-state=${this.urlState}
          years=${this.years ?? nothing}
          budget=${this.budget ?? nothing}
          budget-per=${this.budgetPer ?? nothing}
          level=${this.level ?? nothing}
          region=${this.region ?? nothing}
          country=${this.country ?? nothing}
          q=${this.q ?? nothing}
        ></pb-map>
        ${
          this.phase === 'loaded'
            ? nothing
            : html`<p
                class="status"
                part="status"
                role=${this.phase === 'failed' ? 'alert' : nothing}
              >
                ${this.phase === 'failed' ? m.loadFailed : m.loading}
              </p>`
        }
      </div>
      <button
        type="button"
        class="toggle"
        part="toggle"
        aria-expanded=${this.panelOpen ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.onToggle}
      >
        <span class="chevron" aria-hidden="true"></span>${m.panel}
      </button>
      <div id="panel" class=${this.panelOpen ? 'panel' : 'panel collapsed'} part="panel">
        <div class="side">
          <pb-summary for=${id} theme=${theme}></pb-summary>
          <pb-filters for=${id} theme=${theme}></pb-filters>
        </div>
        <pb-list class="list" for=${id} theme=${theme}></pb-list>
      </div>
    </div>`;
  }
}
