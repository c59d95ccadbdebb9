import { PbMap } from './pb-map.component.js';

export { PbMap };

if (!customElements.get('pb-map')) customElements.define('pb-map', PbMap);

declare global {
  interface HTMLElementTagNameMap {
    'pb-map': PbMap;
  }
}
