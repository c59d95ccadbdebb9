import { PbAtlas } from './pb-atlas.component.js';

export { PbAtlas };

if (!customElements.get('pb-atlas')) customElements.define('pb-atlas', PbAtlas);

declare global {
  interface HTMLElementTagNameMap {
    'pb-atlas': PbAtlas;
  }
}
