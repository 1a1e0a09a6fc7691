/**
 * A matcher of an OpenAPI path template (`/ogc/collections/{layer}/items/{id}`) as Express routes it:
 * case-insensitive, each parameter one segment, an optional trailing slash. Middleware that must know which
 * documented operation a request is for (before the routers run) derives its rules from the operations
 * this way, so a new route is covered by itself.
 */
export function pathMatcher(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`, 'i');
}
