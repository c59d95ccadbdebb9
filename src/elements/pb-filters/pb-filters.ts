import { PbFilters } from './pb-filters.component.js';

export { PbFilters };

if (!customElements.get('pb-filters')) customElements.define('pb-filters', PbFilters);

declare global {
  interface HTMLElementTagNameMap {
    'pb-filters': PbFilters;
  }
}
