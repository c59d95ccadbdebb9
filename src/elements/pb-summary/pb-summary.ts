import { PbSummary } from './pb-summary.component.js';

export { PbSummary };

if (!customElements.get('pb-summary')) customElements.define('pb-summary', PbSummary);

declare global {
  interface HTMLElementTagNameMap {
    'pb-summary': PbSummary;
  }
}
