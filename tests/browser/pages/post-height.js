// See post-height.html.
const asked = new URLSearchParams(location.search).get('height');
const height = /^\d+$/.test(asked) ? Number(asked) : asked;
parent.postMessage({ type: 'pb-map:height', height }, '*');
