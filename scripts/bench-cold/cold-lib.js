// Shared by the three cold-start pages (a classic script in <head>, before anything else runs):
// records long tasks from navigation on, and exposes window.cold.finish(), which each page calls
// once its first clusters are on screen. run.mjs reads window.cold.result.
(function () {
  var tasks = [];
  try {
    new PerformanceObserver(function (list) {
      for (var e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.coldError = 'long tasks cannot be observed here: ' + error;
  }
  /** How long after the first clusters long tasks still count (trailing work the page does). */
  var TAIL_MS = 1500;
  window.cold = {
    result: undefined,
    error: undefined,
    finish: function (extra) {
      var firstClustersMs = performance.now();
      setTimeout(function () {
        var end = firstClustersMs + TAIL_MS;
        var counted = tasks.filter(function (t) {
          return t.start < end;
        });
        var blocking = counted.reduce(function (sum, t) {
          return sum + Math.max(0, t.duration - 50);
        }, 0);
        var fcp = performance.getEntriesByName('first-contentful-paint')[0];
        window.cold.result = Object.assign(
          {
            firstClustersMs: Math.round(firstClustersMs),
            blockingMs: Math.round(blocking),
            longTasks: counted.length,
            longestTaskMs: Math.round(Math.max(0, ...counted.map((t) => t.duration))),
            fcpMs: fcp ? Math.round(fcp.startTime) : null,
          },
          extra || {},
        );
      }, TAIL_MS);
    },
    fail: function (error) {
      window.cold.error = String((error && error.stack) || error);
    },
  };
})();
