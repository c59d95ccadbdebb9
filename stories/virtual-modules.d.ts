// The Custom Elements Manifest as a module, made by .storybook/vite.config.ts.
declare module 'virtual:pb-map/custom-elements-manifest' {
  import type { Package } from 'custom-elements-manifest/schema';
  const manifest: Package;
  export default manifest;
}
