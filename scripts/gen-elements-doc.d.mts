// Types of scripts/gen-elements-doc.mjs, for tests/unit/custom-elements-manifest.test.ts.
import type { ClassDeclaration, CustomElement, Package } from 'custom-elements-manifest/schema';

/** A custom element's entry in the manifest, with its module's path. */
export type ElementDoc = ClassDeclaration & CustomElement & { path: string };

export const DOC_PATH: string;
export function analyzeElements(): Promise<Package>;
export function elementsOf(manifest: Package): ElementDoc[];
export function elementsMarkdown(manifest: Package): string;
