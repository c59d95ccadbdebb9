/**
 * The embed builder (demo/embed-builder.html): a form, a live `<pb-atlas>` preview, and the two
 * snippets to paste (module script + tag, or iframe + resize script), each with a Copy button.
 */
import '../src/elements/pb-atlas/pb-atlas.js';
import { atlasMessagesFor } from '../src/elements/pb-atlas/pb-atlas.messages.js';
import { loadLanguage } from '../src/core/messages.js';
import { httpUrl } from '../src/core/http-url.js';

/** What the form says. Empty strings are left out of the snippets. */
export interface EmbedOptions {
  /** Where the library's dist/ folder is served, ending with `/`. */
  base: string;
  /** The feed's absolute URL. */
  src: string;
  years: string;
  budget: string;
  budgetPer: string;
  /** Levels, comma-separated. */
  level: string;
  region: string;
  q: string;
  theme: string;
  lang: string;
  view: string;
  /** CSS width: `100%`, `800px`. */
  width: string;
  /** Height of the map, in pixels. */
  height: number;
  /** The iframe's accessible name. */
  title: string;
}

/** The attributes of `<pb-atlas>` (and parameters of embed.html) the options give, in order. */
export function attributes(o: EmbedOptions): [string, string][] {
  const pairs: [string, string][] = [
    ['src', o.src],
    ['years', o.years],
    ['budget', o.budget],
    ['budget-per', o.budgetPer],
    ['level', o.level],
    ['region', o.region],
    ['q', o.q],
    ['theme', o.theme],
    ['lang', o.lang],
    ['view', o.view],
  ];
  return pairs.filter(([, value]) => value.trim() !== '').map(([k, v]) => [k, v.trim()]);
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The module script and the `<pb-atlas>` tag. */
export function scriptSnippet(o: EmbedOptions): string {
  const attrs = attributes(o)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const style = `display: block; width: ${o.width}; max-width: 100%; --pb-map-height: ${o.height}px`;
  return (
    `<script type="module" src="${escapeAttribute(new URL('pb-map.js', o.base).href)}"></script>\n` +
    `<pb-atlas${attrs} style="${escapeAttribute(style)}"></pb-atlas>`
  );
}

/** The URL of embed.html with the options as parameters. */
export function embedUrl(o: EmbedOptions, page = new URL('embed.html', o.base).href): string {
  const url = new URL(page);
  for (const [name, value] of attributes(o)) url.searchParams.set(name, value);
  if (o.height !== 480) url.searchParams.set('map-height', String(o.height));
  // Without a title, the page takes the feed's (or says what it shows, in its language).
  if (o.title.trim() && !defaultTitles.has(o.title.trim())) {
    url.searchParams.set('title', o.title.trim());
  }
  return url.href;
}

/** The iframe and the resize script. */
export function iframeSnippet(o: EmbedOptions): string {
  // A first height close to the content's (map, button, margins), before the script fits it.
  const style = `width: ${o.width}; max-width: 100%; height: ${o.height + 100}px; border: 0`;
  return (
    `<iframe src="${escapeAttribute(embedUrl(o))}" title="${escapeAttribute(o.title.trim() || 'Carte des budgets participatifs')}"` +
    ` style="${escapeAttribute(style)}" allow="fullscreen" loading="lazy"></iframe>\n` +
    `<script src="${escapeAttribute(new URL('embed-resize.js', o.base).href)}" defer></script>`
  );
}

/** The iframe's default names, in each language the builder has shown. */
const defaultTitles = new Set(['Carte des budgets participatifs']);

/** A CSS width a person typed, when it is one: `800px`, `100%`, `40rem`. */
function cssWidth(value: string): string {
  const v = value.trim();
  return /^\d+(\.\d+)?(px|%|rem|em|vw)$/.test(v) ? v : '100%';
}

// The page

const form = document.querySelector<HTMLFormElement>('#builder');
if (form) {
  const field = <T extends HTMLElement = HTMLInputElement>(id: string) =>
    document.getElementById(id) as T;
  const sampleFeed = new URL('sample-feed.json', location.href).href;
  field('base').value = new URL('../dist/', location.href).href;
  const preview = field<HTMLDivElement>('preview');
  const scriptCode = field<HTMLTextAreaElement>('script-code');
  const iframeCode = field<HTMLTextAreaElement>('iframe-code');

  const read = (): EmbedOptions => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const custom = text('feed') === 'url' ? httpUrl(text('feed-url'), location.href) : undefined;
    // A chosen address that is not http(s): said on the field; the sample feed stands in.
    const invalid = text('feed') === 'url' && !custom;
    if (invalid) field('feed-url').setAttribute('aria-invalid', 'true');
    else field('feed-url').removeAttribute('aria-invalid');
    field('feed-url-hint').textContent = invalid
      ? 'Adresse absente ou invalide (http ou https) : le flux d’exemple la remplace.'
      : 'Le serveur du flux doit autoriser les autres sites à le lire (en-tête CORS).';
    const height = Math.round(Number(text('height')));
    return {
      base: baseUrl(text('base')),
      src: custom ?? sampleFeed,
      years: text('years'),
      budget: text('budget'),
      budgetPer: text('budget-per'),
      level: data.getAll('level').join(','),
      region: text('region'),
      q: text('q'),
      theme: text('theme'),
      lang: text('lang'),
      view: text('view'),
      width: cssWidth(text('width')),
      height: height >= 200 && height <= 2000 ? height : 480,
      title: text('title'),
    };
  };

  let shown = '';
  let timer = 0;
  const update = (): void => {
    const options = read();
    scriptCode.value = scriptSnippet(options);
    iframeCode.value = iframeSnippet(options);
    // The preview is the same <pb-atlas> the script snippet makes (rebuilt after a pause).
    const key = JSON.stringify(attributes(options)) + options.width + options.height;
    if (key === shown) return;
    shown = key;
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const atlas = document.createElement('pb-atlas');
      for (const [name, value] of attributes(options)) atlas.setAttribute(name, value);
      atlas.style.width = options.width;
      atlas.style.maxWidth = '100%';
      atlas.style.setProperty('--pb-map-height', `${options.height}px`);
      preview.replaceChildren(atlas);
    }, 400);
  };
  // The iframe's default name follows the language, unless a person wrote their own.
  field('lang').addEventListener('change', async () => {
    const lang = field<HTMLSelectElement>('lang').value;
    await loadLanguage(lang).catch(() => {});
    const title = atlasMessagesFor(lang).defaultTitle;
    defaultTitles.add(title);
    if (defaultTitles.has(field('title').value.trim())) field('title').value = title;
    update();
  });
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const textarea = field<HTMLTextAreaElement>(button.dataset['copy']!);
    const status = document.querySelector<HTMLElement>(`[data-status="${textarea.id}"]`)!;
    let clear = 0;
    button.addEventListener('click', async () => {
      status.textContent = (await copy(textarea))
        ? 'Copié'
        : 'Code sélectionné : appuyez sur Ctrl+C (⌘+C sur Mac) pour le copier.';
      clearTimeout(clear);
      clear = window.setTimeout(() => (status.textContent = ''), 5000);
    });
  }
}

/**
 * Copies the text of `textarea`: the Clipboard API, else the selection and `execCommand`. Leaves
 * the text selected when neither works, for Ctrl+C. Resolves to whether it was copied.
 */
async function copy(textarea: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(textarea.value);
    return true;
  } catch {
    textarea.focus();
    textarea.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

function baseUrl(value: string): string {
  const url = httpUrl(value, location.href) ?? new URL('../dist/', location.href).href;
  return url.endsWith('/') ? url : `${url}/`;
}
