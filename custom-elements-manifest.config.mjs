// The Custom Elements Manifest (custom-elements.json) of the elements, made by
// @custom-elements-manifest/analyzer from their classes and JSDoc (`@summary`, `@fires`, `@attr`,
// `@csspart`, `@cssproperty`, `@slot`). `npm run build` writes it to dist/custom-elements.json
// (package.json's `customElements`); Storybook (.storybook/) and docs/elements.md
// (scripts/gen-elements-doc.mjs) read it, so the API is documented once, where it is declared.
// tests/unit/custom-elements-manifest.test.ts checks it against what the classes observe.

/**
 * Keeps the public API only: the analyzer also lists private and protected members and Lit's
 * `static styles`, which are not for the page (Storybook would show them as properties). The
 * initializer of a read-only object (`store = new MapStore(() => this.want())`) is no default a
 * page can use either: only its type is kept.
 */
function publicApiOnly() {
  return {
    name: 'pb-map:public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) =>
              member.privacy !== 'private' &&
              member.privacy !== 'protected' &&
              !member.name.startsWith('#') &&
              !(member.static && member.name === 'styles'),
          );
          for (const member of declaration.members) {
            if (member.readonly && /\bthis\b|=>/.test(member.default ?? '')) delete member.default;
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.messages.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself ("customElements"): the analyzer must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly()],
};
