import type { Express } from 'express';

/** One route an app serves: method in upper case, path in OpenAPI style from the site root. */
export type ServedRoute = { method: string; path: string };

// What router 2.x (Express 5's router) answers from Router#listRoutes(): one
// entry per registered path; `router` is set for `.use(path, router)` mounts.
type ListedRoute = { path: string | RegExp; methods?: string[]; router?: RouterWithList };
type RouterWithList = { listRoutes(): ListedRoute[] };

/** `/waves/:id` → `/waves/{id}`; a trailing slash from a router's `/` route is dropped. */
function openApiStyle(path: string): string {
  const p = path.replace(/:([A-Za-z_$][\w$]*)/g, '{$1}').replace(/\/+/g, '/');
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

/**
 * Every route the Express app serves, from its router stack: used by the
 * OpenAPI completeness test and reusable by any test that must visit every
 * route (e.g. an authorization matrix).
 *
 * router 2.x keeps each layer's registered path (`rawPath`) and offers
 * `listRoutes()`, which reports routes with their methods and mounted routers
 * with their mount paths; recursing into those and joining the paths gives the
 * full pattern, so nothing has to be recorded by hand in app.ts. Plain
 * middleware (guards, apiNotFound) is not a route and is not listed. The HEAD
 * that Express answers for every GET is left out; a route registered with
 * `.all()` shows as method `*`. Paths given as regular expressions cannot be
 * written in OpenAPI style and come back as `RegExp:<source>`, so a
 * comparison with the document fails loudly instead of skipping them.
 */
export function listServedRoutes(app: Express): ServedRoute[] {
  const out: ServedRoute[] = [];
  const walk = (router: RouterWithList, prefix: string) => {
    for (const entry of router.listRoutes()) {
      const path = typeof entry.path === 'string' ? `${prefix}${entry.path}` : `${prefix}RegExp:${entry.path.source}`;
      if (entry.router) walk(entry.router, path);
      for (const method of entry.methods ?? []) {
        if (method === 'HEAD' && entry.methods?.includes('GET')) continue;
        out.push({ method, path: openApiStyle(path) });
      }
    }
  };
  walk((app as unknown as { router: RouterWithList }).router, '');
  return out;
}
