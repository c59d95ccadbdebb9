// Colours as WCAG measures them, for the browser tests that check contrast on rendered nodes
// (contrast.test.ts, host-css.test.ts): computed CSS colours parsed, composited, compared.

export type Rgba = [number, number, number, number];

/** Parses what getComputedStyle gives (`rgb(…)`, `rgba(…)`, either syntax) or `#rrggbb`. */
export function parseColour(css: string): Rgba {
  const value = css.trim();
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (hex) return [...hex.slice(1, 4).map((h) => parseInt(h, 16)), 1] as Rgba;
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)$/.exec(
    value,
  );
  if (!m) throw new Error(`not an rgb() colour: "${css}"`);
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `top` drawn over `bottom` (source-over). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

/** WCAG 2.1 relative luminance of an opaque colour. */
export function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export const WHITE: Rgba = [255, 255, 255, 1];

/**
 * The WCAG contrast ratio of `fg` drawn over `bg`: `bg` is first made opaque over white (the
 * page), then `fg` composited over it, so an alpha in either is taken into account.
 */
export function contrastRatio(fg: string | Rgba, bg: string | Rgba): number {
  const back = over(typeof bg === 'string' ? parseColour(bg) : bg, WHITE);
  const front = over(typeof fg === 'string' ? parseColour(fg) : fg, back);
  const [a, b] = [luminance(front), luminance(back)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

export const isTransparent = (css: string) => parseColour(css)[3] === 0;

/** The colour behind `el`: its background and its ancestors', across shadow roots, over white. */
export function backgroundOf(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node;) {
    layers.push(parseColour(getComputedStyle(node).backgroundColor));
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), WHITE);
}

/** WCAG contrast of `el`'s text against what is behind it. */
export function contrastOf(el: Element): number {
  return contrastRatio(getComputedStyle(el).color, backgroundOf(el));
}
