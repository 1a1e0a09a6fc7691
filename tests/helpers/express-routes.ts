import type { Express } from 'express';

interface RouterLayer {
  route?: { path: string | string[] | RegExp; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** "METHOD /path/{param}" for every route Express serves (routers mounted with app.use(router) included). */
export function listExpressRoutes(app: Express): string[] {
  const routes: string[] = [];
  const visit = (stack: RouterLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          if (typeof path !== 'string') continue; // the client's catch-all, not part of the API
          for (const method of Object.keys(layer.route.methods).filter((name) => name !== '_all')) {
            routes.push(`${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
          }
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit((app as unknown as { router: { stack: RouterLayer[] } }).router.stack);
  return [...new Set(routes)].sort();
}
