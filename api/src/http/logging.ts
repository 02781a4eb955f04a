import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** JSON logs on stdout. */
export const createLogger = (level: string): Logger => pino({ level, base: { service: 'bilanz' } });

/**
 * Request logs hold method, route pattern, status and time: never the body,
 * headers (cookies, tokens), the query string or the client's address. The
 * route pattern (`/api/v1/public/waves/:key`) stands in for the path so that
 * keys and tokens in paths stay out of the log too.
 */
export function requestLogger(logger: Logger): RequestHandler[] {
  return [captureRoutePattern, pinoHttp({
    logger,
    quietReqLogger: true,
    customSuccessObject: (req: IncomingMessage, _res: ServerResponse, val: Record<string, unknown>) => ({ ...val, route: routePattern(req as Request) }),
    customErrorObject: (req: IncomingMessage, _res: ServerResponse, _err: Error, val: Record<string, unknown>) => ({ ...val, route: routePattern(req as Request) }),
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      // Serialised when the request starts, before any route matched: the route is added at the end.
      req: (r: { id: unknown; method: string }) => ({ id: r.id, method: r.method }),
      res: (r: { statusCode: number }) => ({ status: r.statusCode }),
    },
  })];
}

/**
 * Express forgets the matched route once the handler returns, before the log
 * line is written; remember its pattern at the moment the response ends.
 */
const captureRoutePattern: RequestHandler = (req, res, next) => {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const route = req.route as { path?: unknown } | undefined;
    if (typeof route?.path === 'string') {
      // After an error Express has already restored the outer baseUrl; a
      // pattern that no longer spans the whole path is not used.
      const pattern = `${req.baseUrl}${route.path}`;
      const segments = (p: string) => p.split('?')[0]!.split('/').length;
      if (segments(pattern) === segments(req.originalUrl)) res.locals.routePattern = pattern;
    }
    return end(...args);
  }) as Response['end'];
  next();
};

function routePattern(req: Request): string {
  const captured = req.res?.locals.routePattern as string | undefined;
  if (captured) return captured;
  // No route pattern (static files, 404s, errors thrown inside a route): the
  // path without its query string, and with every segment that could be a key,
  // token or id replaced, keeping only plain words such as `auth` or `members`.
  const pathOnly = (req.originalUrl ?? req.url).split('?')[0] ?? '';
  return pathOnly
    .split('/')
    .map((segment) => (segment === '' || /^(?:[a-z-]{1,48}|v\d)$/.test(segment) ? segment : ':param'))
    .join('/');
}
