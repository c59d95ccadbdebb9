// Loaded by tests/browser/pages/csp*.html as a classic 'self' script (inline scripts are
// forbidden there), before the library. It records what tests/browser/csp.test.ts checks:
// every Content-Security-Policy violation, every worker the page starts (its URL, and whether it
// failed to start), and pb-map's warnings (the clustering worker's fallback says so there).
'use strict';

window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});

window.startedWorkers = [];
const NativeWorker = window.Worker;
window.Worker = class RecordedWorker extends NativeWorker {
  constructor(url, options) {
    const record = { url: new URL(String(url), location.href).href, failed: false };
    window.startedWorkers.push(record);
    super(url, options);
    this.addEventListener('error', () => (record.failed = true));
  }
};

window.pbWarnings = [];
const nativeWarn = console.warn;
console.warn = (...args) => {
  window.pbWarnings.push(args.map(String).join(' '));
  nativeWarn.apply(console, args);
};
