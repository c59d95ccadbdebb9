/**
 * The events `<pb-map>` fires. All bubble and cross shadow roots (`composed`), so a host page can
 * listen on the element or on any ancestor.
 */
import type { FeedErrorCode, FeedProblem, Programme } from '../../core/feed/model.js';

/** Detail of `pb-load`: the feed was loaded and its programmes drawn. */
export interface PbLoadDetail {
  /** The feed's title, when it has one. */
  title?: string;
  /** How many entries are drawn. */
  programmes: number;
  /** What was wrong in the feed and worked around (entries left out, fields dropped). */
  problems: FeedProblem[];
}

/** Detail of `pb-error`: the feed could not be used. */
export interface PbErrorDetail {
  code: FeedErrorCode;
  message: string;
  /** The feed URL, resolved against the page. */
  src: string;
}

/** Detail of `pb-select`: a person opened a programme's card. */
export interface PbSelectDetail {
  programme: Programme;
}

export type PbLoadEvent = CustomEvent<PbLoadDetail>;
export type PbErrorEvent = CustomEvent<PbErrorDetail>;
export type PbSelectEvent = CustomEvent<PbSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pb-load': PbLoadEvent;
    'pb-error': PbErrorEvent;
    'pb-select': PbSelectEvent;
  }
}

/** Creates one of pb-map's events: bubbling, composed, not cancelable. */
export function pbEvent<K extends 'pb-load' | 'pb-error' | 'pb-select'>(
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}
