// The Custom Elements Manifest (custom-elements.json, made from the elements' JSDoc by
// custom-elements-manifest.config.mjs) against the code it documents: the attributes each class
// observes, its reactive properties and methods, the events, parts and custom properties its
// sources use. Fails when the docs drift from the code. Also checks that docs/elements.md is
// the one scripts/gen-elements-doc.mjs makes from the manifest.
//
// The classes are imported in Node: Lit's Node build brings a minimal DOM shim, enough for the
// decorators to declare the properties and for `observedAttributes` to list their attributes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CSSResultGroup, LitElement } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Package } from 'custom-elements-manifest/schema';
import {
  type ElementDoc,
  DOC_PATH,
  analyzeElements,
  elementsMarkdown,
  elementsOf,
} from '../../scripts/gen-elements-doc.mjs';
import { PbAtlas } from '../../src/elements/pb-atlas/pb-atlas.component.js';
import { PbFilters } from '../../src/elements/pb-filters/pb-filters.component.js';
import { PbList } from '../../src/elements/pb-list/pb-list.component.js';
import { PbMap } from '../../src/elements/pb-map/pb-map.component.js';
import { PbSummary } from '../../src/elements/pb-summary/pb-summary.component.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const elementsDir = join(root, 'src', 'elements');

const CLASSES: Record<string, typeof LitElement> = {
  'pb-map': PbMap,
  'pb-filters': PbFilters,
  'pb-list': PbList,
  'pb-summary': PbSummary,
  'pb-atlas': PbAtlas,
};

let manifest: Package;
let elements: Map<string, ElementDoc>;
let config: { outdir: string; packagejson: boolean };
beforeAll(async () => {
  // A URL, not a specifier: the config is plain JS without types.
  const configUrl = new URL('../../custom-elements-manifest.config.mjs', import.meta.url).href;
  config = ((await import(configUrl)) as { default: typeof config }).default;
  manifest = await analyzeElements();
  elements = new Map(elementsOf(manifest).map((e) => [e.tagName!, e]));
}, 30_000);

/** The sources of an element's folder (its class, view, styles, messages), concatenated. */
function folderSource(tag: string): string {
  const dir = join(elementsDir, tag);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

function cssText(styles: CSSResultGroup | undefined): string {
  if (!styles) return '';
  if (Array.isArray(styles)) return styles.map((s) => cssText(s as CSSResultGroup)).join('\n');
  return 'cssText' in styles ? styles.cssText : '';
}

function matches(source: string, pattern: RegExp): Set<string> {
  return new Set([...source.matchAll(pattern)].map((m) => m[1]!));
}

/** `--_accent` → `--pb-map-accent`: the palette aliases every element gets (shared.ts). */
const PALETTE = new Map(
  [
    ...readFileSync(join(elementsDir, 'shared', 'shared.ts'), 'utf8').matchAll(
      /(--_[\w-]+):\s*var\((--pb-[\w-]+)/g,
    ),
  ].map((m) => [m[1]!, m[2]!]),
);

describe('custom-elements.json', () => {
  it('declares every element the package registers, with a summary', () => {
    const registered = readdirSync(elementsDir)
      .filter((name) => name.startsWith('pb-'))
      .filter((name) =>
        readFileSync(join(elementsDir, name, `${name}.ts`), 'utf8').includes(
          `customElements.define('${name}'`,
        ),
      );
    expect([...elements.keys()].sort()).toEqual(registered.sort());
    expect(Object.keys(CLASSES).sort()).toEqual(registered.sort());
    for (const [tag, element] of elements) {
      expect(element.name, tag).toBe(CLASSES[tag]!.name);
      expect(element.summary, `${tag}: @summary`).toBeTruthy();
      expect(element.description, `${tag}: class description`).toBeTruthy();
    }
  });

  it('lists exactly the attributes each class observes, plus those only its styles read', () => {
    for (const [tag, Class] of Object.entries(CLASSES)) {
      const documented = (elements.get(tag)!.attributes ?? []).map((a) => a.name);
      const observed = Class.observedAttributes;
      const css = cssText(Class.styles);
      // An attribute that no property observes is documented only if the styles select on it
      // (`:host([theme='dark'])`).
      const styleOnly = documented.filter((name) => !observed.includes(name));
      for (const name of styleOnly) {
        expect(
          css,
          `${tag}: documented attribute "${name}" is neither observed nor styled`,
        ).toContain(`[${name}=`);
      }
      expect(
        observed.filter((name) => !documented.includes(name)),
        `${tag}: observed attributes missing from the JSDoc`,
      ).toEqual([]);
      for (const attribute of elements.get(tag)!.attributes ?? []) {
        expect(attribute.type?.text, `${tag} [${attribute.name}]: type`).toBeTruthy();
        expect(attribute.description, `${tag} [${attribute.name}]: description`).toBeTruthy();
      }
    }
  });

  it("ties each reactive property's attribute to its field, with the code's default", () => {
    for (const [tag, Class] of Object.entries(CLASSES)) {
      const element = elements.get(tag)!;
      const defaults = new Class() as unknown as Record<string, unknown>;
      for (const [name, options] of Class.elementProperties) {
        if (options.state || options.attribute === false || typeof name !== 'string') continue;
        const attributeName =
          typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
        const attribute = element.attributes?.find((a) => a.name === attributeName);
        expect(attribute?.fieldName, `${tag} [${attributeName}] → ${name}`).toBe(name);
        const value = defaults[name];
        if (value !== undefined) {
          expect(attribute?.default, `${tag} [${attributeName}]: default`).toBe(
            JSON.stringify(value).replaceAll('"', "'"),
          );
        }
      }
    }
  });

  it('documents only methods the classes have', () => {
    for (const [tag, Class] of Object.entries(CLASSES)) {
      const methods = (elements.get(tag)!.members ?? []).filter((m) => m.kind === 'method');
      for (const method of methods) {
        expect(typeof (Class.prototype as never)[method.name], `${tag}.${method.name}()`).toBe(
          'function',
        );
        expect(method.description, `${tag}.${method.name}(): description`).toBeTruthy();
      }
    }
    const select = elements.get('pb-map')!.members?.find((m) => m.name === 'select');
    expect(select).toMatchObject({
      kind: 'method',
      parameters: [{ name: 'id', type: { text: 'string' } }],
      return: { type: { text: 'boolean' } },
    });
  });

  it('lists the events each element fires, with their detail type', () => {
    const mapEvents = (elements.get('pb-map')!.events ?? []).map((e) => e.name);
    for (const tag of Object.keys(CLASSES)) {
      const source = folderSource(tag);
      const fired = matches(source, /(?:pbEvent|new CustomEvent)\(\s*'([\w-]+)'/g);
      const documented = (elements.get(tag)!.events ?? []).map((e) => e.name);
      expect(
        [...fired].filter((name) => !documented.includes(name)),
        `${tag}: events fired but not documented (@fires)`,
      ).toEqual([]);
      for (const event of elements.get(tag)!.events ?? []) {
        expect(event.type?.text, `${tag} ${event.name}: type`).toMatch(/^CustomEvent<\w+>$/);
      }
    }
    // The map's events are declared once, in GlobalEventHandlersEventMap.
    const declared = matches(
      readFileSync(join(elementsDir, 'pb-map', 'pb-map.events.ts'), 'utf8'),
      /^\s+'(pb-[\w-]+)': \w+Event;$/gm,
    );
    expect(mapEvents.sort()).toEqual([...declared].sort());
    // They bubble out of the atlas.
    const atlasEvents = (elements.get('pb-atlas')!.events ?? []).map((e) => e.name);
    expect(mapEvents.filter((name) => !atlasEvents.includes(name))).toEqual([]);
  });

  it('lists the CSS parts each element renders, and no other', () => {
    for (const tag of Object.keys(CLASSES)) {
      const source = folderSource(tag);
      const literal = matches(source, /\bpart="([\w-]+)"/g);
      const documented = (elements.get(tag)!.cssParts ?? []).map((p) => p.name);
      expect(
        [...literal].filter((name) => !documented.includes(name)),
        `${tag}: parts rendered but not documented (@csspart)`,
      ).toEqual([]);
      for (const name of documented) {
        // A part named by a variable (`part=${which}`) appears as a string in the source.
        const found = literal.has(name) || new RegExp(`'${name}'`).test(source);
        expect(found, `${tag}: documented part "${name}" is not in the code`).toBe(true);
      }
    }
  });

  it('lists the CSS custom properties each element reads, and no other', () => {
    for (const tag of Object.keys(CLASSES)) {
      const source = folderSource(tag);
      const read = matches(source, /var\((--pb-[\w-]+)/g);
      for (const alias of matches(source, /var\((--_[\w-]+)/g)) {
        const property = PALETTE.get(alias);
        if (property) read.add(property);
      }
      const documented = (elements.get(tag)!.cssProperties ?? []).map((p) => p.name);
      expect(
        [...read].filter((name) => !documented.includes(name)).sort(),
        `${tag}: custom properties read but not documented (@cssproperty)`,
      ).toEqual([]);
      expect(
        documented.filter((name) => !read.has(name)),
        `${tag}: documented custom properties the styles do not read`,
      ).toEqual([]);
    }
  });

  it('is where package.json says, and leaves package.json alone', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      customElements: string;
      exports: Record<string, unknown>;
    };
    expect(pkg.customElements).toBe(`${config.outdir}/custom-elements.json`);
    expect(pkg.exports['./custom-elements.json']).toBe(`./${pkg.customElements}`);
    expect(config.packagejson).toBe(false);
  });
});

describe('docs/elements.md', () => {
  it('is the one scripts/gen-elements-doc.mjs makes (run it after changing JSDoc)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(elementsMarkdown(manifest));
  });
});
