import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleProps } from '../shared/style-props.js';
import { facetCounts, type FacetCounts, type FacetValue } from '../../core/facets.js';
import {
  LEVELS,
  foldText,
  yearHistogram,
  type Filter,
  type FilterIndex,
  type Level,
} from '../../core/filter.js';
import { formatAmount, formatCount } from '../../core/format.js';
import { statedFigures } from '../../core/list.js';
import type { EntryKind } from '../../core/messages.js';
import type { StoreChange, StoreState } from '../../store/map-store.js';
import { MapLink, type StoreOwner } from '../../store/map-link.js';
import { filterMessagesFor, type FilterMessages } from './pb-filters.messages.js';
import { styles, tokens } from './pb-filters.styles.js';
import { pageLang, srOnly } from '../shared/shared.js';

/** A logarithmic budget scale: slider positions 0…top stand for 10^(from + k / STEPS). */
interface Scale {
  /** log10 of the amount at position 0 (shown as "no minimum" on the minimum handle). */
  from: number;
  /** log10 of the amount at the top position (shown as "no maximum" on the maximum handle). */
  to: number;
}

/** Slider positions per power of ten. */
const STEPS = 10;
/** 1 000 € to 100 M€ in total; 0.1 €/inhabitant to 1 000 €/inhabitant per inhabitant. */
const SCALES: Record<'total' | 'inhabitant', Scale> = {
  total: { from: 3, to: 8 },
  inhabitant: { from: -1, to: 3 },
};
/** How long typing in the search box waits for the next key before filtering. */
const SEARCH_DELAY = 150;
/** The value of the region / country option standing for a filter no single option shows. */
const OTHER = '\u0000other';

/**
 * The amount at a position of a budget slider, rounded to two significant digits (1 000, 1 300,
 * 1 600, 2 000, 2 500, 3 200, 4 000, 5 000, 6 300, 7 900, 10 000…). The minimum handle at its
 * bottom end means 0 (no minimum), the maximum handle at its top end Infinity (no maximum).
 */
function budgetAt(position: number, scale: Scale, handle: 'min' | 'max'): number {
  const top = (scale.to - scale.from) * STEPS;
  if (handle === 'min' && position <= 0) return 0;
  if (handle === 'max' && position >= top) return Infinity;
  const k = Math.min(Math.max(Math.round(position), 0), top);
  return Number((10 ** (scale.from + k / STEPS)).toPrecision(2));
}

/** The slider position that shows an amount (the nearest one; open ends at the ends). */
function budgetPosition(amount: number, scale: Scale, handle: 'min' | 'max'): number {
  const top = (scale.to - scale.from) * STEPS;
  if (handle === 'min' && !(amount > 10 ** scale.from)) return 0;
  if (handle === 'max' && amount === Infinity) return top;
  if (!(amount > 0)) return 0;
  const k = Math.round((Math.log10(amount) - scale.from) * STEPS);
  return Math.min(Math.max(k, 0), top);
}

/**
 * The filter controls of a `<pb-map>`: year range over a histogram of programmes per year,
 * budget range on a logarithmic scale (total or per inhabitant), level, region, country and text
 * search, each saying how many programmes it leaves, with a count of what the filter keeps.
 * Controls with nothing to choose are left out: levels, regions and countries the feed does not
 * state, and the budget range when no edition states a budget (unless a budget is set). The
 * count is not a live region: the map announces the filter's results itself ("17 programmes
 * affichés"), so that a screen reader hears them once. It follows the map named by `for` (placed
 * anywhere in the same document or shadow root, before or after the map) and reflects the map's
 * filter whenever it changes, from here or elsewhere.
 * Every change goes through `map.store.setFilter(filter, 'user')`, so the map fires
 * `pb-filter-change` for it.
 *
 * @summary Filter controls with facet counts for a `<pb-map>`.
 *
 * @attr {'light' | 'dark' | 'auto'} theme - The palette: `light`, `dark`, or `auto` (the reader's system setting, also without the attribute). Read by the styles only.
 *
 * @csspart base - The form.
 * @csspart count - The count of kept programmes (shown, not announced: the map announces it).
 * @csspart years - The year range group (histogram, two handles).
 * @csspart histogram - The bars of programmes per year.
 * @csspart budget - The budget group (total / per inhabitant switch, two handles); absent when the feed states no budget.
 * @csspart levels - The level checkboxes.
 * @csspart region - The region select.
 * @csspart country - The country select (only when the feed has several countries).
 * @csspart search - The text search.
 * @csspart reset - The reset button.
 *
 * @cssproperty --pb-map-font - Font of texts (default: inherited from the page).
 * @cssproperty --pb-map-accent - Handles, selected bars and buttons.
 * @cssproperty --pb-map-accent-text - Text on the accent colour.
 * @cssproperty --pb-map-surface - Background.
 * @cssproperty --pb-map-text - Text.
 * @cssproperty --pb-map-muted - Secondary text (counts, notes) and field borders.
 * @cssproperty --pb-map-focus - Focus ring.
 * @cssproperty --pb-map-radius - Corner radius.
 * @cssproperty --pb-filters-track - Slider track.
 * @cssproperty --pb-filters-bar - Histogram bars outside the year range.
 */
export class PbFilters extends LitElement {
  static override styles = [tokens, srOnly, styles];

  // Fields: what the element owns and must release on disconnect.
  private link = new MapLink(this, (_state, changes) => this.onStore(changes));
  /** The filter being edited, ahead of the store until the next frame or the end of typing. */
  private pending?: Filter;
  private frame = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private committing = false;
  private memo?: {
    index: FilterIndex;
    filter: Filter;
    facets: FacetCounts;
    histogram: { year: number; count: number }[];
  };

  /** The id of the `<pb-map>` to filter, in the same document (or shadow root). */
  @property({ reflect: true }) for?: string;

  // Lifecycle

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelScheduled();
    this.pending = undefined;
  }

  // Handlers

  private onStore(changes: ReadonlySet<StoreChange>): void {
    // The filter changed elsewhere (attributes, script, another element): it wins over an edit.
    if (changes.has('filter') && !this.committing) {
      this.cancelScheduled();
      this.pending = undefined;
    }
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.commit();
  };

  private onYear = (event: Event): void => {
    const index = this.link.state?.index;
    if (!index) return;
    const input = event.target as HTMLInputElement;
    const [from, to] = this.shownYears(index);
    let value = input.valueAsNumber;
    // A handle stops at the other one.
    if (input.name === 'year-from') value = Math.min(value, to);
    else value = Math.max(value, from);
    input.value = String(value);
    const range: [number, number] = input.name === 'year-from' ? [value, to] : [from, value];
    const years = range[0] <= index.firstYear && range[1] >= index.lastYear ? undefined : range;
    this.edit({ years }, event.type === 'change' ? 'now' : 'frame');
  };

  private onBudget = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const filter = this.shown;
    const scale = SCALES[filter.budgetPer === 'inhabitant' ? 'inhabitant' : 'total'];
    const [min, max] = filter.budget ?? [0, Infinity];
    const minPos = budgetPosition(min, scale, 'min');
    const maxPos = budgetPosition(max, scale, 'max');
    let position = input.valueAsNumber;
    if (input.name === 'budget-min') position = Math.min(position, maxPos);
    else position = Math.max(position, minPos);
    input.value = String(position);
    // The other bound is kept as it is, even when it lies between two positions.
    const range: [number, number] =
      input.name === 'budget-min'
        ? [budgetAt(position, scale, 'min'), max]
        : [min, budgetAt(position, scale, 'max')];
    const budget = range[0] === 0 && range[1] === Infinity ? undefined : range;
    this.edit({ budget }, event.type === 'change' ? 'now' : 'frame');
  };

  private onBudgetPer = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    // A range in euros means nothing in euros per inhabitant, and the other way round.
    this.edit({ budgetPer: value === 'inhabitant' ? 'inhabitant' : undefined, budget: undefined });
  };

  private onLevel = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const levels = new Set(this.shown.levels ?? []);
    if (input.checked) levels.add(input.value as Level);
    else levels.delete(input.value as Level);
    this.edit({ levels: LEVELS.filter((l) => levels.has(l)) });
  };

  private onRegion = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (value === OTHER) return;
    this.edit({ regions: value ? [value] : undefined });
  };

  private onCountry = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (value === OTHER) return;
    this.edit({ countries: value ? [value] : undefined });
  };

  private onSearch = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.edit({ q: value === '' ? undefined : value }, 'debounce');
  };

  private onSearchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.commit();
  };

  private onReset = (): void => {
    this.cancelScheduled();
    this.pending = {};
    this.commit();
  };

  // Public methods

  /** The `<pb-map>` followed, once found. */
  get map(): StoreOwner | undefined {
    return this.link.map;
  }

  // Editing

  /** The filter in force in the map's store. */
  private get filter(): Filter {
    return this.link.state?.filter ?? {};
  }

  /** What the controls show: the edit in progress, else the filter in force. */
  private get shown(): Filter {
    return this.pending ?? this.filter;
  }

  /** Changes some fields of the filter, now, at the next frame, or when typing pauses. */
  private edit(patch: Filter, when: 'now' | 'frame' | 'debounce' = 'now'): void {
    const next: Filter = { ...this.shown, ...patch };
    for (const key of Object.keys(next) as (keyof Filter)[]) {
      const value = next[key];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    }
    this.pending = next;
    if (when === 'now') {
      this.commit();
    } else if (when === 'frame') {
      this.frame ||= requestAnimationFrame(this.commit);
    } else {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.commit, SEARCH_DELAY);
    }
    this.requestUpdate();
  }

  /** Hands the edit in progress to the map's store. */
  private commit = (): void => {
    this.cancelScheduled();
    const filter = this.pending;
    const store = this.link.map?.store;
    if (!filter || !store) return;
    this.pending = undefined;
    this.committing = true;
    try {
      store.setFilter(filter, 'user');
    } finally {
      this.committing = false;
    }
  };

  private cancelScheduled(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The year range the handles show, within the feed's span. */
  private shownYears(index: FilterIndex): [number, number] {
    const [from, to] = this.shown.years ?? [index.firstYear, index.lastYear];
    const clamp = (y: number) => Math.min(Math.max(y, index.firstYear), index.lastYear);
    return [clamp(from), clamp(to)];
  }

  /** Facet counts and histogram of the filter in force, computed once per feed and filter. */
  private counts(index: FilterIndex, filter: Filter) {
    if (this.memo?.index !== index || this.memo.filter !== filter) {
      this.memo = {
        index,
        filter,
        facets: facetCounts(index, filter),
        histogram: yearHistogram(index, filter),
      };
    }
    return this.memo;
  }

  // Render

  private get locale(): string {
    return pageLang(this);
  }

  protected override render(): TemplateResult {
    const m = filterMessagesFor(this.locale, this);
    const state = this.link.state;
    const ready = state?.feed && state.index ? state : undefined;
    const kind: EntryKind = state?.feed?.kind ?? 'programmes';
    const counts = ready?.index ? this.counts(ready.index, ready.filter) : undefined;
    const facets = counts?.facets;
    return html`<form class="base" part="base" lang=${m.lang} @submit=${this.onSubmit}>
      <fieldset class="outer" ?disabled=${!ready}>
        <legend>${m.title(kind)}</legend>
        <p class="summary" part="count">
          ${facets ? m.summary(facets.kept, facets.total, kind) : ''}
        </p>
        ${ready ? nothing : html`<p class="note">${m.waiting}</p>`}
        ${this.renderYears(m, kind, ready, facets, counts?.histogram ?? [])}
        ${
          // A feed that states no budget (a city's projects, say) gets no budget range, unless a
          // budget constraint is in force: then the reader sees why nothing is kept.
          ready?.index && !statedFigures(ready.index).budget && !ready.filter.budget
            ? nothing
            : this.renderBudget(m, kind, ready, facets)
        }
        ${this.renderLevels(m, facets)} ${this.renderPlace(m, facets, 'region')}
        ${this.renderPlace(m, facets, 'country')} ${this.renderSearch(m, kind, facets)}
        <button type="button" class="reset" part="reset" @click=${this.onReset}>${m.reset}</button>
      </fieldset>
    </form>`;
  }

  private renderYears(
    m: FilterMessages,
    kind: EntryKind,
    state: StoreState | undefined,
    facets: FacetCounts | undefined,
    histogram: { year: number; count: number }[],
  ): TemplateResult {
    const index = state?.index;
    const span = index && index.firstYear <= index.lastYear;
    const first = span ? index.firstYear : 0;
    const last = span ? index.lastYear : 1;
    const [from, to] = span ? this.shownYears(index) : [0, 1];
    const highest = Math.max(1, ...histogram.map((h) => h.count));
    const fraction = (y: number) => (last > first ? (y - first) / (last - first) : 0);
    const year = (y: number) => String(y);
    return html`<fieldset class="group years" part="years" ?disabled=${!span || first === last}>
      <legend class="head">${m.years}</legend>
      <p class="values">${span ? `${year(from)} – ${year(to)}` : ''}</p>
      <div
        class="histogram"
        part="histogram"
        aria-hidden="true"
        style=${styleProps({
          // Each bar centred on its year's position along the track (9px in from each side),
          // as wide as a year's step but no wider than a handle (18px), so that the end bars
          // stay inside the element however few the years.
          marginInline:
            histogram.length > 1
              ? `calc(9px - min((100% - 18px) / ${2 * (histogram.length - 1)}, 9px))`
              : '9px',
          justifyContent: histogram.length > 1 ? 'space-between' : 'center',
        })}
      >
        ${histogram.map(
          (h) =>
            html`<div
              class="bar ${h.year >= from && h.year <= to ? 'in' : ''}"
              style=${styleProps({ height: `${(100 * h.count) / highest}%` })}
            ></div>`,
        )}
      </div>
      <table class="sr-only">
        <caption>
          ${m.perYear(kind)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${m.year}</th>
            <th scope="col">${m.count(kind)}</th>
          </tr>
        </thead>
        <tbody>
          ${histogram.map(
            (h) =>
              html`<tr>
                <th scope="row">${year(h.year)}</th>
                <td>${formatCount(h.count, m.locale)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="range">
        <div class="track">
          <div
            class="fill"
            style=${styleProps({
              left: `${100 * fraction(from)}%`,
              right: `${100 - 100 * fraction(to)}%`,
            })}
          ></div>
        </div>
        <label class="sr-only" for="year-from">${m.firstYear}</label>
        <input
          type="range"
          id="year-from"
          name="year-from"
          class=${from >= last ? 'above' : ''}
          min=${first}
          max=${last}
          step="1"
          .value=${live(String(from))}
          aria-valuetext=${year(from)}
          aria-describedby="years-leaves"
          @input=${this.onYear}
          @change=${this.onYear}
        />
        <label class="sr-only" for="year-to">${m.lastYear}</label>
        <input
          type="range"
          id="year-to"
          name="year-to"
          min=${first}
          max=${last}
          step="1"
          .value=${live(String(to))}
          aria-valuetext=${year(to)}
          aria-describedby="years-leaves"
          @input=${this.onYear}
          @change=${this.onYear}
        />
      </div>
      <p class="leaves" id="years-leaves">
        ${facets ? m.leaves(facets.kept, facets.withoutYears, kind) : ''}
      </p>
    </fieldset>`;
  }

  private renderBudget(
    m: FilterMessages,
    kind: EntryKind,
    state: StoreState | undefined,
    facets: FacetCounts | undefined,
  ): TemplateResult {
    const filter = this.shown;
    const per = filter.budgetPer === 'inhabitant' ? 'inhabitant' : 'total';
    const scale = SCALES[per];
    const top = (scale.to - scale.from) * STEPS;
    const [min, max] = filter.budget ?? [0, Infinity];
    const minPos = budgetPosition(min, scale, 'min');
    const maxPos = budgetPosition(max, scale, 'max');
    const currency = state?.feed?.currency ?? 'EUR';
    const amount = (value: number) => {
      const text = formatAmount(value, { locale: m.locale, currency, compact: true });
      return per === 'inhabitant' ? m.amountPerInhabitant(text) : text;
    };
    // The handles show the amounts in force; an amount between two positions is shown as is.
    const minText = minPos === 0 && !(min > 0) ? m.noMin : amount(min);
    const maxText = maxPos === top && max === Infinity ? m.noMax : amount(max);
    const setAside = state?.selection?.setAside ?? 0;
    return html`<fieldset class="group budget" part="budget">
      <legend class="head">${m.budget}</legend>
      <p class="values">${minText} – ${maxText}</p>
      <fieldset class="switch-group">
        <legend class="sr-only">${m.budgetPer}</legend>
        <div class="switch">
          <label
            ><input
              type="radio"
              name="budget-per"
              value="total"
              .checked=${live(per === 'total')}
              @change=${this.onBudgetPer}
            />${m.total}</label
          ><label
            ><input
              type="radio"
              name="budget-per"
              value="inhabitant"
              .checked=${live(per === 'inhabitant')}
              @change=${this.onBudgetPer}
            />${m.perInhabitant}</label
          >
        </div>
      </fieldset>
      <div class="range">
        <div class="track">
          <div
            class="fill"
            style=${styleProps({
              left: `${(100 * minPos) / top}%`,
              right: `${100 - (100 * maxPos) / top}%`,
            })}
          ></div>
        </div>
        <label class="sr-only" for="budget-min">${m.budgetMin}</label>
        <input
          type="range"
          id="budget-min"
          name="budget-min"
          class=${minPos >= top ? 'above' : ''}
          min="0"
          max=${top}
          step="1"
          .value=${live(String(minPos))}
          aria-valuetext=${minText}
          aria-describedby="budget-leaves"
          @input=${this.onBudget}
          @change=${this.onBudget}
        />
        <label class="sr-only" for="budget-max">${m.budgetMax}</label>
        <input
          type="range"
          id="budget-max"
          name="budget-max"
          min="0"
          max=${top}
          step="1"
          .value=${live(String(maxPos))}
          aria-valuetext=${maxText}
          aria-describedby="budget-leaves"
          @input=${this.onBudget}
          @change=${this.onBudget}
        />
      </div>
      <p class="leaves" id="budget-leaves">
        ${facets ? m.leaves(facets.kept, facets.withoutBudget, kind) : ''}
      </p>
      ${
        per === 'inhabitant' && setAside > 0
          ? html`<p class="aside">${m.setAside(setAside, kind)}</p>`
          : nothing
      }
    </fieldset>`;
  }

  private renderLevels(
    m: FilterMessages,
    facets: FacetCounts | undefined,
  ): TemplateResult | typeof nothing {
    if (!facets || facets.levels.length === 0) return nothing;
    const chosen = new Set(this.shown.levels ?? []);
    return html`<fieldset class="group levels" part="levels">
      <legend>${m.level}</legend>
      <div class="checks">
        ${facets.levels.map(
          ({ level, count }) =>
            html`<label
              ><input
                type="checkbox"
                name="level"
                value=${level}
                .checked=${live(chosen.has(level))}
                @change=${this.onLevel}
              />${m.option(m.map.levelName(level), count)}</label
            >`,
        )}
      </div>
    </fieldset>`;
  }

  private renderPlace(
    m: FilterMessages,
    facets: FacetCounts | undefined,
    which: 'region' | 'country',
  ): TemplateResult | typeof nothing {
    if (!facets) return nothing;
    const chosen = (which === 'region' ? this.shown.regions : this.shown.countries) ?? [];
    let values: FacetValue[] = which === 'region' ? facets.regions : facets.countries;
    // Countries only when there is a choice (or a country filter to show).
    if (values.length === 0 || (which === 'country' && values.length < 2 && !chosen.length)) {
      return nothing;
    }
    let name = (v: FacetValue) => v.name;
    if (which === 'country') {
      const names = countryNames(m.locale);
      name = (v) => names(v.name);
      const collator = new Intl.Collator(m.locale);
      values = [...values].sort((a, b) => collator.compare(name(a), name(b)));
    }
    const key = chosen.length === 1 ? foldText(chosen[0]!) : undefined;
    const selected = values.find((v) => v.key === key);
    const other = chosen.length > 0 && !selected;
    const label = which === 'region' ? m.region : m.country;
    const all = which === 'region' ? m.allRegions : m.allCountries;
    const shownOther =
      chosen.length > 1
        ? m.several(chosen.join(', '))
        : which === 'country'
          ? countryNames(m.locale)(chosen[0] ?? '')
          : (chosen[0] ?? '');
    return html`<div class="group" part=${which}>
      <label class="block" for=${which}>${label}</label>
      <select
        id=${which}
        name=${which}
        @change=${which === 'region' ? this.onRegion : this.onCountry}
      >
        <option value="" .selected=${live(chosen.length === 0)}>${all}</option>
        ${
          other
            ? html`<option value=${OTHER} .selected=${true}>
                ${m.option(shownOther, facets.kept)}
              </option>`
            : nothing
        }
        ${values.map(
          (v) =>
            html`<option value=${v.name} .selected=${live(v === selected)}>
              ${m.option(isolated(name(v)), v.count)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderSearch(
    m: FilterMessages,
    kind: EntryKind,
    facets: FacetCounts | undefined,
  ): TemplateResult {
    return html`<div class="group" part="search">
      <label class="block" for="q">${m.search}</label>
      <input
        type="search"
        id="q"
        name="q"
        autocomplete="off"
        .value=${live(this.shown.q ?? '')}
        aria-describedby="q-leaves"
        @input=${this.onSearch}
        @keydown=${this.onSearchKey}
      />
      <p class="leaves" id="q-leaves">
        ${facets && this.filter.q ? m.leaves(facets.kept, facets.withoutText, kind) : ''}
      </p>
    </div>`;
  }
}

const displayNames = new Map<string, (code: string) => string>();

/** Country names in a language ("FR" → "France"), the code itself when Intl does not know it. */
function countryNames(locale: string): (code: string) => string {
  let names = displayNames.get(locale);
  if (!names) {
    let intl: Intl.DisplayNames | undefined;
    try {
      intl = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      intl = undefined;
    }
    names = (code) => {
      try {
        return (/^[a-z]{2}$/i.test(code) && intl?.of(code.toUpperCase())) || code;
      } catch {
        return code;
      }
    };
    displayNames.set(locale, names);
  }
  return names;
}

/** Right-to-left letters and bidirectional controls. */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Feed text inside a sentence of ours (an option's "Bretagne (12)"), between FSI and PDI when it
 * holds right-to-left letters or bidi controls, so that it cannot reorder the words and figures
 * around it: an option's text cannot hold a `<bdi>`.
 */
function isolated(text: string): string {
  if (!BIDI.test(text)) return text;
  // A PDI for each isolate the text leaves open, then the one that closes ours.
  return `\u2068${text}${'\u2069'.repeat(text.match(/[\u2066-\u2068]/g)?.length ?? 0)}\u2069`;
}
