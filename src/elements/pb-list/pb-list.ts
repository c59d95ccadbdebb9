import { PbList } from './pb-list.component.js';

export { PbList };

if (!customElements.get('pb-list')) customElements.define('pb-list', PbList);

declare global {
  interface HTMLElementTagNameMap {
    'pb-list': PbList;
  }
}
