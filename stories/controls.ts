/**
 * Controls from the types the Custom Elements Manifest gives each attribute (from the JSDoc and
 * the code): `'light' | 'dark' | 'auto'` becomes a select of those values, `boolean` a switch,
 * `number` a number field, `string` a text field. Properties that mirror an attribute, or are
 * objects or promises (`filter`, `store`, `ready` …), events, parts and custom properties are
 * listed in the docs without a control: the stories drive the elements through their
 * attributes, as a page does.
 */
import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';
import type { WebComponentsRenderer } from '@storybook/web-components-vite';

export const controlsFromTypes: ArgTypesEnhancer<WebComponentsRenderer> = (context) => {
  const argTypes: Record<string, StrictInputType> = { ...context.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category === undefined) continue; // Storybook's own (the actions of events)
    if (category !== 'attributes') {
      argTypes[name] = { ...argType, control: false };
      continue;
    }
    const control = controlFor(argType.table?.type?.summary ?? '');
    argTypes[name] = control ? { ...argType, ...control } : { ...argType, control: false };
  }
  return argTypes;
};

/** The control for a TypeScript type as the manifest writes it. */
export function controlFor(type: string): Partial<StrictInputType> | undefined {
  const parts = type
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== '');
  if (parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part))) {
    return { control: { type: 'select' }, options: parts.map((part) => part.slice(1, -1)) };
  }
  if (parts.length !== 1) return undefined;
  switch (parts[0]) {
    case 'boolean':
      return { control: { type: 'boolean' } };
    case 'number':
      return { control: { type: 'number' } };
    case 'string':
      return { control: { type: 'text' } };
    default:
      return undefined;
  }
}
