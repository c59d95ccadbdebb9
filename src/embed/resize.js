/*!
 * pb-map, iframe resizer for the host page (dist/embed-resize.js): fits the height of each
 * iframe showing pb-map's embed.html to its content, so the page has no second scroll bar.
 *
 *   <iframe src="https://example.org/pb-map/embed.html?src=…" title="Carte des budgets participatifs"
 *     style="width: 100%; height: 720px; border: 0" allow="fullscreen" loading="lazy"></iframe>
 *   <script src="https://example.org/pb-map/embed-resize.js" defer></script>
 *
 * embed.html posts `{ type: 'pb-map:height', height }` (CSS pixels) to its parent whenever its
 * height changes. This script sets `style.height` of the iframe whose window sent the message,
 * and only when the message comes from the origin of that iframe's `src`; it ignores every
 * other message. One copy per page is enough (a second one does nothing). A classic script: no
 * module, no dependency, no request of its own. Iframes inside shadow roots are not seen.
 */
(function () {
  'use strict';
  if (window.pbMapEmbedResize) return;
  window.pbMapEmbedResize = true;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'pb-map:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame.src) === event.origin) frame.style.height = Math.ceil(height) + 'px';
      return;
    }
  });

  function originOf(src) {
    try {
      return new URL(src, document.baseURI).origin;
    } catch (_error) {
      // (a binding: this script stays ES5, for any host page)
      return '';
    }
  }
})();
