import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Feed } from '../../core/feed/model.js';
import type { Selection } from '../../core/filter.js';
import { formatAmount, formatYears } from '../../core/format.js';
import {
  ListOrder,
  listColumns,
  listRows,
  type ListColumn,
  type ListRow,
  type ListSort,
} from '../../core/list.js';
import { MapLink } from '../../store/map-link.js';
import { listMessagesFor, type ListMessages } from './pb-list.messages.js';
import { styles, tokens } from './pb-list.styles.js';
import { pageLang, srOnly } from '../shared/shared.js';
import { languageReady } from '../../core/messages.js';
import type { ExportFormat } from './pb-list.export.js';

/** What `<pb-list>` needs of the map it follows besides its store (`<pb-map>` has it). */
interface Selectable {
  select(id: string): boolean;
}

/** Columns holding amounts: aligned to the end. */
const NUMERIC = new Set<ListColumn>(['budget', 'perInhabitant']);

/**
 * The programmes a map's filter keeps, as a sortable table: name, place, the years that match the
 * filter, the budget under the filter and the amount per inhabitant (these two columns only when
 * some programme of the feed states the figure). Follows the `<pb-map>` named by `for`, wherever
 * either stands in the page. Choosing a name opens the programme's card in the map
 * (`map.select(id)`). Shows one page of rows at a time, with a button for more, so that a
 * selection of 100,000 programmes stays fast. In the page's language (the nearest `lang`, French
 * by default).
 *
 * Sorting: any column, ascending or descending; unknown values always last; names and places in
 * the language's collation order ("Écully" between "Dijon" and "Fougères"); ties in feed order.
 *
 * @summary A sortable, paged table of the programmes a map shows.
 *
 * @attr {'light' | 'dark' | 'auto'} theme - The palette: `light`, `dark`, or `auto` (the reader's system setting, also without the attribute). Read by the styles only.
 *
 * @csspart base - The element's frame.
 * @csspart scope - The label of the "only what the map shows" checkbox.
 * @csspart scroll - The box the table scrolls in when the panel is narrow.
 * @csspart table - The table.
 * @csspart caption - The table's caption (how many programmes).
 * @csspart sort-button - The button in each column heading that sorts on it.
 * @csspart row - Each row of a programme.
 * @csspart choose - The button with a programme's name that opens its card in the map.
 * @csspart footer - How many rows are shown, and the button for more.
 * @csspart more - The button that shows more rows.
 * @csspart download - The download buttons with their label ("Télécharger la liste (17 programmes)").
 * @csspart download-button - Each download button: the rows shown as CSV or GeoJSON, the feed's sources as CSV.
 *
 * @cssproperty --pb-map-font - Font (default: inherited from the page).
 * @cssproperty --pb-map-text - Text colour (default #161616).
 * @cssproperty --pb-map-muted - Secondary text and unknown values (default #555555).
 * @cssproperty --pb-map-surface - Background, also of the sticky headings (default #ffffff).
 * @cssproperty --pb-map-accent - Names, sort arrows, the "more" and download buttons (default #000091).
 * @cssproperty --pb-map-accent-text - Text on the "more" button (default #ffffff).
 * @cssproperty --pb-map-focus - Focus ring (default #0a76f6).
 * @cssproperty --pb-map-radius - Corner radius of the "more" button (default 6px).
 * @cssproperty --pb-list-border - Lines between rows (default #dddddd).
 * @cssproperty --pb-list-max-height - Height past which the table scrolls in its box (default none).
 */
export class PbList extends LitElement {
  static override styles = [tokens, srOnly, styles];

  private link = new MapLink(this);
  private lists = new ListOrder();
  /** What the last render drew from, to skip store changes that do not concern the list. */
  private drawn?: {
    feed?: Feed;
    selection?: Selection;
    inView?: Uint32Array;
    lang: string;
  };
  /** The rows listed (selection, and the view when following it): a new set starts on page 1. */
  private rowSet?: [Selection | undefined, Uint32Array | undefined];
  /** After "show more": the first new row, whose button gets focus. */
  private focusFrom?: number;

  /** Column and direction of the sort. */
  @state() private sort: ListSort = { column: 'name', direction: 'ascending' };
  /** Pages of rows shown. */
  @state() private pages = 1;

  /** Id of the `<pb-map>` to follow, in the same document or shadow root. */
  @property({ reflect: true }) for?: string;

  /**
   * `"selection"` (default): every programme the filter keeps. `"view"`: only those inside the
   * map's view, following it as it moves (the whole selection until the map has a view). The
   * reader can switch with a checkbox.
   */
  @property({ reflect: true }) scope: 'selection' | 'view' = 'selection';

  /** Rows per page: how many are shown at first, and how many more each time. @default 100 */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  // Lifecycle

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const state = this.link.state;
    const drawn = this.drawn;
    // A view change redraws only a list that follows the view.
    return (
      changed.size > 0 ||
      !drawn ||
      drawn.feed !== state?.feed ||
      drawn.selection !== state?.selection ||
      (this.followsView && drawn.inView !== state?.inView) ||
      drawn.lang !== this.pageLang()
    );
  }

  protected override willUpdate(): void {
    const state = this.link.state;
    const rowSet: [Selection | undefined, Uint32Array | undefined] = [
      state?.selection,
      this.followsView ? state?.inView : undefined,
    ];
    if (!this.rowSet || this.rowSet[0] !== rowSet[0] || this.rowSet[1] !== rowSet[1]) {
      this.rowSet = rowSet;
      this.pages = 1;
      this.focusFrom = undefined;
    }
  }

  protected override updated(): void {
    if (this.focusFrom === undefined) return;
    const rows = this.renderRoot.querySelectorAll<HTMLButtonElement>('tbody .choose');
    rows[this.focusFrom]?.focus();
    this.focusFrom = undefined;
  }

  // Public methods

  /**
   * Moves focus to the table, named by its caption ("56 programmes, triés par nom, de A à Z"), so
   * that a screen reader says what the list holds and the next Tab goes to the table's first
   * button. The table has `tabindex="-1"`: focusable by script (a "skip the map" link, for
   * instance), but not a tab stop. Until the list has a feed to show, there is no table, and focus
   * goes where `HTMLElement.focus()` puts it (nowhere, unless the element is given a `tabindex`).
   *
   * @param options - As for `HTMLElement.focus()`, e.g. `{ preventScroll: true }`.
   */
  override focus(options?: FocusOptions): void {
    const table = this.renderRoot.querySelector<HTMLTableElement>('table');
    if (table) table.focus(options);
    else super.focus(options);
  }

  /** The sort in force: by name when the column chosen is not among those shown. */
  private sortFor(columns: readonly ListColumn[]): ListSort {
    return columns.includes(this.sort.column)
      ? this.sort
      : { column: 'name', direction: 'ascending' };
  }

  // Handlers

  private onSort = (event: Event): void => {
    const column = (event.currentTarget as HTMLElement).dataset['column'] as ListColumn;
    this.sort =
      this.sort.column === column
        ? {
            column,
            direction: this.sort.direction === 'ascending' ? 'descending' : 'ascending',
          }
        : { column, direction: 'ascending' };
  };

  private onChoose = (event: Event): void => {
    const id = (event.currentTarget as HTMLElement).dataset['id'];
    const map = this.link.map as (HTMLElement & Partial<Selectable>) | undefined;
    if (id !== undefined && typeof map?.select === 'function') map.select(id);
  };

  private onScope = (event: Event): void => {
    this.scope = (event.currentTarget as HTMLInputElement).checked ? 'view' : 'selection';
  };

  /**
   * A download button: the rows the list shows (all pages, in its order; only those in the view
   * when it follows the view), or the feed's sources. The export code loads on the first click.
   */
  private onDownload = (event: Event): void => {
    const format = (event.currentTarget as HTMLElement).dataset['format'] as ExportFormat;
    const state = this.link.state;
    const { feed, index, selection, filter } = state ?? {};
    if (!state || !feed || !index || !selection || !filter) return;
    const viewed = this.followsView ? state.inView : undefined;
    const lang = this.pageLang();
    const locale = listMessagesFor(lang).base.locale;
    const order = this.lists.order(
      index,
      selection,
      filter,
      viewed,
      this.sortFor(listColumns(index)),
      locale,
    );
    const view = viewed && state.view;
    const src = this.link.map?.getAttribute('src') ?? undefined;
    const root = this.renderRoot as ShadowRoot;
    import('./pb-list.export.js')
      .then((x) =>
        x.downloadList({ format, feed, index, selection, filter, order, view, src, lang, root }),
      )
      .catch((error: unknown) => console.error('<pb-list>: the download failed.', error));
  };

  private onMore = (): void => {
    this.focusFrom = this.pages * this.rowsPerPage;
    this.pages++;
  };

  // Render

  private get followsView(): boolean {
    return this.scope === 'view';
  }

  private get rowsPerPage(): number {
    const n = Math.floor(this.pageSize);
    return n > 0 ? n : 100;
  }

  /** The nearest `lang`, the document's, or French. */
  private pageLang(): string {
    return pageLang(this);
  }

  protected override render(): TemplateResult {
    const lang = this.pageLang();
    const state = this.link.state;
    const { feed, index, selection, filter } = state ?? {};
    // `inView` is worked out when read: only a list that follows the view reads it.
    const viewed = this.followsView ? state?.inView : undefined;
    // Drawn in French while another language loads: not drawn in `lang` yet.
    this.drawn = { feed, selection, inView: viewed, lang: languageReady(lang) ? lang : '' };
    if (!state || !feed || !index || !selection || !filter) {
      return html`<div class="base" part="base"></div>`;
    }
    const m = listMessagesFor(lang, this);
    const locale = m.base.locale;
    // Until the map has a view, a list that follows it shows the whole selection.
    const inView = viewed !== undefined;
    const columns = listColumns(index);
    const sort = this.sortFor(columns);
    const order = this.lists.order(index, selection, filter, viewed, sort, locale);
    const total = order.length;
    const shown = Math.min(total, this.pages * this.rowsPerPage);
    const rows = listRows(index, selection, filter, order, 0, shown);
    const amount = (value: number) => formatAmount(value, { locale, currency: feed.currency });

    return html`<div class="base" part="base">
      <div class="controls">
        <div class="download" part="download" role="group" aria-labelledby="download">
          <span id="download">${m.download(total, feed.kind, inView)}</span>
          ${(['csv', 'geojson', 'sources'] as const).map(
            (format) =>
              html`<button
                type="button"
                part="download-button"
                data-format=${format}
                @click=${this.onDownload}
              >
                ${
                  format === 'csv'
                    ? m.downloadCsv
                    : format === 'geojson'
                      ? m.downloadGeoJson
                      : m.downloadSources
                }
              </button>`,
          )}
        </div>
        <label part="scope">
          <input type="checkbox" .checked=${this.followsView} @change=${this.onScope} />
          ${m.scopeView}
        </label>
      </div>
      <div class="scroll" part="scroll">
        <table part="table" tabindex="-1">
          <caption part="caption">
            <span class="count">${m.caption(total, feed.kind, inView)}</span
            ><span class="sr-only">${m.sortedBy(sort.column, sort.direction)}</span>
          </caption>
          <thead>
            <tr>
              ${columns.map((column) => this.renderHeading(column, sort, m))}
            </tr>
          </thead>
          <tbody>
            ${
              rows.length === 0
                ? html`<tr>
                    <td class="none" colspan=${columns.length}>${m.none(feed.kind, inView)}</td>
                  </tr>`
                : repeat(
                    rows,
                    (row) => row.index,
                    (row) => this.renderRow(row, columns, m, locale, amount),
                  )
            }
          </tbody>
        </table>
      </div>
      ${
        shown < total
          ? html`<div class="footer" part="footer">
              <span>${m.shown(shown, total)}</span>
              <button type="button" class="more" part="more" @click=${this.onMore}>
                ${m.more(Math.min(this.rowsPerPage, total - shown))}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderHeading(column: ListColumn, sort: ListSort, m: ListMessages): TemplateResult {
    const sorted = sort.column === column ? sort.direction : undefined;
    return html`<th
      scope="col"
      class=${NUMERIC.has(column) ? 'number' : ''}
      aria-sort=${sorted ?? nothing}
    >
      <button
        type="button"
        class="sort"
        part="sort-button"
        data-column=${column}
        @click=${this.onSort}
      >
        ${m.columns[column]}<span class="arrow" aria-hidden="true"
          >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}</span
        >
      </button>
    </th>`;
  }

  private renderRow(
    row: ListRow,
    columns: readonly ListColumn[],
    m: ListMessages,
    locale: string,
    amount: (value: number) => string,
  ): TemplateResult {
    const unknown = html`<span class="unknown" aria-hidden="true">—</span
      ><span class="sr-only">${m.notStated}</span>`;
    return html`<tr part="row">
      <th scope="row">
        <button
          type="button"
          class="choose"
          part="choose"
          data-id=${row.id}
          @click=${this.onChoose}
        >
          ${row.name}
        </button>
      </th>
      <td>${row.place ?? unknown}</td>
      <td>${row.years.length > 0 ? formatYears(row.years, locale) : unknown}</td>
      ${columns
        .filter((column) => NUMERIC.has(column))
        .map((column) => {
          const value = row[column as 'budget' | 'perInhabitant'];
          return html`<td class="number">${value === value ? amount(value) : unknown}</td>`;
        })}
    </tr>`;
  }
}
