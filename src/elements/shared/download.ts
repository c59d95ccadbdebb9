/**
 * Hands a file to the reader: an object URL of the blob, a click on a hidden `<a download>` in
 * the element's shadow root, the link removed at once and the URL revoked once the browser has
 * taken the file. Nothing is sent anywhere. Loaded with the export code, on the first click.
 */
export function saveFile(blob: Blob, name: string, root: ShadowRoot | HTMLElement): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Not at once: a browser may still be reading the URL when click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
