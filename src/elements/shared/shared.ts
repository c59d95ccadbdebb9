/** What every pb-map element shares: the page's language, and the visually hidden text class. */
import { css } from 'lit';

/** The language of the page where `el` stands: its nearest `lang`, else the document's, else French. */
export function pageLang(el: Element): string {
  return (
    (el.closest('[lang]') as HTMLElement | null)?.lang || document.documentElement.lang || 'fr'
  );
}

/** `.sr-only`: text for screen readers only, kept out of sight but not out of the accessibility tree. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
