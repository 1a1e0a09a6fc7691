/**
 * Resolves a root-relative URL from the catalog or the build (`/tiles/...`, `/assets/...`) against the
 * app's origin. MapLibre fetches tiles from its workers, where a relative URL has no base; a `{z}/{x}/{y}`
 * template is kept as written.
 */
export function toAbsoluteUrl(url: string, origin: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `${origin.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}
