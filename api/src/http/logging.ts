import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
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
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (r: { raw: Request; id: unknown; method: string }) => ({ id: r.id, method: r.method, route: routePattern(r.raw) }),
      res: (r: { statusCode: number }) => ({ status: r.statusCode }),
    },
  });
}

function routePattern(req: Request): string {
  const route = req.route as { path?: string } | undefined;
  if (route?.path) return `${req.baseUrl}${route.path}`;
  // No route pattern (static files, 404s, errors thrown inside a route): the
  // path without its query string, and with every segment that could be a key,
  // token or id replaced, keeping only plain words such as `auth` or `members`.
  const pathOnly = (req.originalUrl ?? req.url).split('?')[0] ?? '';
  return pathOnly
    .split('/')
    .map((segment) => (segment === '' || /^(?:[a-z-]{1,48}|v\d)$/.test(segment) ? segment : ':param'))
    .join('/');
}
