/**
 * How `<pb-filters>`, `<pb-list>` and `<pb-summary>` follow the `<pb-map>` they name with `for`:
 * a lit reactive controller that finds the map by id in the element's own root (the document, or
 * the shadow root it sits in), waits for it when it is not there yet (added later, or not yet
 * upgraded), subscribes to its store, and lets go of everything when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeOrigin, MapStore, StoreChange, StoreState } from './map-store.js';

/** What the controller needs of a map element (`<pb-map>` has it). */
export interface StoreOwner extends HTMLElement {
  readonly store: MapStore;
}

/** The host: a lit element with a `for` attribute naming the map. */
export type MapLinkHost = ReactiveControllerHost & HTMLElement & { for?: string };

/**
 * Links an element to the map it names.
 *
 * @example
 * private link = new MapLink(this, (state, changes) => { ... });
 * // this.link.map, this.link.state
 */
export class MapLink implements ReactiveController {
  /** The followed map, while linked. */
  map?: StoreOwner;
  /** The map's store state, while linked; the host re-renders when it changes. */
  state?: StoreState;

  private unsubscribe?: () => void;
  private observer?: MutationObserver;
  private linkedId?: string;
  /** The id already warned about (see warnMissing). */
  private warned?: string;

  constructor(
    private readonly host: MapLinkHost,
    private readonly onChange?: (
      state: StoreState,
      changes: ReadonlySet<StoreChange>,
      origin: ChangeOrigin,
    ) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.relink();
  }

  hostDisconnected(): void {
    this.unlink();
  }

  hostUpdate(): void {
    // `for` changed since the last link: follow the new map.
    if (this.host.isConnected && this.host.for !== this.linkedId) this.relink();
  }

  private relink(): void {
    this.unlink();
    const id = this.host.for;
    this.linkedId = id;
    if (!id) return;
    if (!this.tryLink(id)) {
      // Not in the page yet, or not upgraded: look again when the page changes or pb-map is defined.
      const root = this.host.getRootNode() as Document | ShadowRoot;
      this.observer = new MutationObserver(() => this.tryLink(id) && this.stopWatching());
      this.observer.observe(root, { childList: true, subtree: true, attributeFilter: ['id'] });
      void customElements.whenDefined('pb-map').then(() => {
        if (this.linkedId !== id || this.map || !this.host.isConnected) return;
        if (this.tryLink(id)) this.stopWatching();
        else setTimeout(() => this.warnMissing(id)); // once the page's current changes are in
      });
    }
  }

  /** Says once (per id) that no map has this id, when the page is parsed and still has none. */
  private warnMissing(id: string): void {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.warnMissing(id), { once: true });
      return;
    }
    if (this.linkedId !== id || this.map || !this.host.isConnected || this.warned === id) return;
    this.warned = id;
    console.warn(
      `<${this.host.localName} for="${id}">: no <pb-map id="${id}"> in its document or shadow root; it will follow one added later.`,
    );
  }

  private tryLink(id: string): boolean {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const el = root.getElementById?.(id) as StoreOwner | null;
    if (!el || !('store' in el) || !el.store) return false;
    this.map = el;
    this.unsubscribe = el.store.subscribe((state, changes, origin) => {
      this.state = state;
      this.onChange?.(state, changes, origin);
      this.host.requestUpdate();
    });
    return true;
  }

  private stopWatching(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private unlink(): void {
    this.stopWatching();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.map = undefined;
    this.state = undefined;
  }
}
