/*!
 * pb-map, classic-script entry (dist/pb-map.iife.js): for pages and CMSs that can only add a plain
 * <script src="…">, without type="module". It loads the module build (pb-map.js) from the same
 * folder as itself; the elements then appear exactly as with the module script. MapLibre GL 6,
 * which draws the maps, exists only as ES modules, so a browser without module support could not
 * show a map anyway: this file only spares the page's author the type="module".
 *
 *   <script src="https://example.org/pb-map/pb-map.iife.js" defer></script>
 *   <pb-map src="budgets.json"></pb-map>
 *
 * Works under a Content-Security-Policy of script-src 'self' when both files are on the page's
 * origin. window.pbMap.ready settles when the module build has loaded (rejects if it cannot).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = (script && script.src) || document.baseURI;
  var url = new URL('pb-map.js', base).href;
  var ready = import(url);
  ready.catch(function (error) {
    console.error('pb-map: could not load ' + url + ' (it must sit beside pb-map.iife.js).', error);
  });
  window.pbMap = { ready: ready };
})();
