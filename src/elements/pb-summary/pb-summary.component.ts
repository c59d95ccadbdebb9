import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Feed } from '../../core/feed/model.js';
import type { Selection } from '../../core/filter.js';
import { formatAmount } from '../../core/format.js';
import { selectionPerInhabitant } from '../../core/list.js';
import { MapLink } from '../../store/map-link.js';
import { summaryMessagesFor } from './pb-summary.messages.js';
import { styles, tokens } from './pb-summary.styles.js';
import { pageLang, srOnly } from '../shared/shared.js';
import { languageReady } from '../../core/messages.js';

/**
 * The headline figures of what a map's filter keeps: "187 programmes · 64 M € · 3,1 M habitants ·
 * 20,65 € par habitant", in the page's language (the nearest `lang`, French by default). Says when
 * the budget sum covers only some programmes, and how many programmes per-inhabitant mode sets
 * aside for want of a population. Follows the `<pb-map>` named by `for`, wherever either stands in
 * the page. Not a live region: `<pb-map>` announces what a filter keeps.
 *
 * @summary Headline figures (count, budget, population) of a map's selection.
 *
 * @attr {'light' | 'dark' | 'auto'} theme - The palette: `light`, `dark`, or `auto` (the reader's system setting, also without the attribute). Read by the styles only.
 *
 * @csspart base - The paragraph holding the figures.
 * @csspart figure - Each figure (count, budget, population, per inhabitant).
 * @csspart note - What the figures leave out (programmes set aside).
 *
 * @cssproperty --pb-map-font - Font (default: inherited from the page).
 * @cssproperty --pb-map-text - Text colour (default #161616).
 * @cssproperty --pb-map-muted - Colour of the note (default #555555).
 * @cssproperty --pb-map-surface - Background (default #ffffff).
 * @cssproperty --pb-summary-figure-weight - Font weight of the figures (default 600).
 */
export class PbSummary extends LitElement {
  static override styles = [tokens, srOnly, styles];

  private link = new MapLink(this);
  /** What the last render drew from, to skip store changes that do not concern the summary. */
  private drawn?: { feed?: Feed; selection?: Selection; lang: string };

  /** Id of the `<pb-map>` to follow, in the same document or shadow root. */
  @property({ reflect: true }) for?: string;

  // Lifecycle

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const state = this.link.state;
    const drawn = this.drawn;
    // Only the feed and the selection matter: a view change alone redraws nothing.
    return (
      changed.size > 0 ||
      !drawn ||
      drawn.feed !== state?.feed ||
      drawn.selection !== state?.selection ||
      drawn.lang !== this.pageLang()
    );
  }

  // Render

  /** The nearest `lang`, the document's, or French. */
  private pageLang(): string {
    return pageLang(this);
  }

  protected override render(): TemplateResult {
    const lang = this.pageLang();
    const { feed, index, selection } = this.link.state ?? {};
    // Drawn in French while another language loads: not drawn in `lang` yet.
    this.drawn = { feed, selection, lang: languageReady(lang) ? lang : '' };
    if (!feed || !index || !selection) return html`<p class="base" part="base"></p>`;

    const m = summaryMessagesFor(lang, this);
    const { locale } = m.base;
    const { currency, kind } = feed;
    const t = selection.totals;
    const figures: string[] = [m.base.entries(t.programmes, kind)];
    if (t.budgetKnown > 0) {
      const sum = formatAmount(t.budget, { locale, currency, compact: true });
      figures.push(
        t.budgetKnown < t.programmes ? `${sum} (${m.budgetKnownFor(t.budgetKnown)})` : sum,
      );
    }
    if (t.population > 0) {
      figures.push(m.inhabitants(t.population, compactNumber(t.population, locale)));
    }
    const perInhabitant = selectionPerInhabitant(selection);
    if (perInhabitant === perInhabitant) {
      figures.push(m.perInhabitant(formatAmount(perInhabitant, { locale, currency })));
    }
    return html`<p class="base" part="base">
      ${figures.map(
        (figure, k) =>
          html`${k > 0 ? SEPARATOR : nothing}<span class="figure" part="figure">${figure}</span>`,
      )}${
        selection.setAside > 0
          ? html`<span class="sr-only">. </span
              ><span class="note" part="note">${m.setAside(selection.setAside, kind)}</span>`
          : nothing
      }
    </p>`;
  }
}

/** A middle dot between figures, read as a comma. */
const SEPARATOR = html`<span aria-hidden="true"> · </span><span class="sr-only">, </span>`;

const compactFormats = new Map<string, Intl.NumberFormat>();

/** "3,1 M" (fr), "3.1M" (en). */
function compactNumber(n: number, locale: string): string {
  let format = compactFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact' });
    compactFormats.set(locale, format);
  }
  return format.format(n);
}
