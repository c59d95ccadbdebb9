/**
 * The iframe page (src/embed/embed.html, built as dist/embed.html): one full-page `<pb-atlas>`
 * set up from the page's URL, for sites that can only paste an iframe.
 *
 *     embed.html?src=https://example.org/budgets.json&years=2018-2024&lang=en&theme=dark
 *
 * Parameters: `src` (the feed, http(s) or relative to this page; required), the filter presets
 * `years`, `budget`, `budget-per`, `level`, `region`, `country`, `q`, and `lang` (default
 * `fr`), `theme` (`light`, `dark`, `auto`), `view` (`france`), `title` (the page's title, read
 * by screen readers in the iframe; default the feed's title, then "Carte des budgets
 * participatifs"), `map-height` (pixels, 200 to 2000; default 480).
 *
 * Inside an iframe, the page tells its parent its height whenever it changes, with
 * `parent.postMessage({ type: 'pb-map:height', height }, '*')` (`height`: CSS pixels, an
 * integer). embed-resize.js, on the host page, sets the iframe's height from it.
 */
import '../elements/pb-atlas/pb-atlas.js';
import { atlasMessagesFor } from '../elements/pb-atlas/pb-atlas.messages.js';
import { loadLanguage } from '../core/messages.js';
import { FILTER_ATTRIBUTES } from '../core/filter.js';
import { httpUrl } from '../core/http-url.js';

/** The message the page posts to its parent: `{ type: 'pb-map:height', height }`. */
export const HEIGHT_MESSAGE = 'pb-map:height';

const THEMES = ['light', 'dark', 'auto'];

const params = new URLSearchParams(location.search);
const asked = params.get('lang') ?? 'fr';
// Languages other than French are their own small files: have the page's before writing it.
await loadLanguage(asked).catch(() => {}); // French when it cannot load
const m = atlasMessagesFor(asked);
const root = document.documentElement;
// The language the page is written in: `?lang=de` gives French, marked as French.
root.lang = m.base.locale;

const theme = THEMES.includes(params.get('theme') ?? '') ? params.get('theme')! : undefined;
if (theme) root.dataset['theme'] = theme;

const main = document.querySelector('main')!;
const heading = main.querySelector('h1')!;
const title = params.get('title')?.trim();
setTitle(title || m.defaultTitle);

const src = httpUrl(params.get('src'), location.href);
if (src) {
  const atlas = document.createElement('pb-atlas');
  atlas.setAttribute('src', src);
  for (const name of FILTER_ATTRIBUTES) {
    const value = params.get(name);
    if (value) atlas.setAttribute(name, value);
  }
  if (theme) atlas.setAttribute('theme', theme);
  const view = params.get('view');
  if (view && /^[a-z-]+$/.test(view)) atlas.setAttribute('view', view);
  const mapHeight = Number(params.get('map-height'));
  if (mapHeight >= 200 && mapHeight <= 2000) {
    atlas.style.setProperty('--pb-map-height', `${Math.round(mapHeight)}px`);
  }
  if (!title) {
    atlas.addEventListener('pb-load', (event) => {
      if (event.detail.title) setTitle(event.detail.title);
    });
  }
  main.append(atlas);
} else {
  const problem = document.createElement('p');
  problem.className = 'problem';
  problem.setAttribute('role', 'alert');
  problem.textContent = m.noSrc;
  main.append(problem);
}

if (window.parent !== window && typeof ResizeObserver === 'function') {
  let reported = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  }).observe(root);
}

function setTitle(text: string): void {
  document.title = text;
  heading.textContent = text;
}
