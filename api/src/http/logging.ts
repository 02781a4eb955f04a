import type { Express, Request, RequestHandler, Response } from 'express';
import { pino, type DestinationStream, type Logger, type SerializedError } from 'pino';

/**
 * Fields of database errors (pg's and PGlite's) that quote the data of the
 * failed statement, and so respondents' answers: the failing row or key
 * (`detail`), the text being parsed (`where`), and the statement's parameters
 * (PGlite's `params` and `queryOptions`). The code, constraint, table and
 * message stay, which is what finding the fault needs.
 */
const DATA_FIELDS = ['detail', 'where', 'internalQuery', 'params', 'parameters', 'queryOptions', 'bindings'];

function withoutData(err: SerializedError): SerializedError {
  for (const key of DATA_FIELDS) delete err[key];
  for (const inner of (err.aggregateErrors as SerializedError[] | undefined) ?? []) withoutData(inner);
  return err;
}

/** pino's error serializer, minus the fields that carry data (DATA_FIELDS). */
export const errorSerializer = pino.stdSerializers.wrapErrorSerializer(withoutData);

/** JSON logs on stdout (or `destination`); errors logged as `err` lose the fields that carry answers. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'bilanz' }, serializers: { err: errorSerializer } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * One log line per request with method, route pattern, status and time: never
 * the body, headers (cookies, tokens), the query string or the client's
 * address. The route pattern (`/api/v1/public/waves/:key`) stands in for the
 * path, so keys and tokens in paths stay out of the log too. Plain pino rather
 * than a child logger per request: this runs for every answer submitted.
 */
export function requestLogger(app: Express, logger: Logger): RequestHandler {
  captureRoutePatterns(app);
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        { method: req.method, route: routePattern(req), status, ms: Math.round(performance.now() - started) },
        'request',
      );
    });
    next();
  };
}

/**
 * Express forgets the matched route once the handler returns, before the
 * response has finished; remember its pattern at the moment the response
 * ends. Done once on the app's response prototype rather than by wrapping
 * each response's end(), which cost a closure per request.
 */
function captureRoutePatterns(app: Express): void {
  const response = app.response as Response;
  // The prototype's own end(), called below with each response as `this`.
  const end = Reflect.get(Object.getPrototypeOf(response) as object, 'end') as (...a: unknown[]) => Response;
  response.end = function (this: Response, ...args: unknown[]) {
    const req = this.req;
    const route = req.route as { path?: unknown } | undefined;
    if (typeof route?.path === 'string') {
      // After an error Express has already restored the outer baseUrl; a
      // pattern that no longer spans the whole path is not used.
      const pattern = `${req.baseUrl}${route.path}`;
      const segments = (p: string) => p.split('?')[0]!.split('/').length;
      if (segments(pattern) === segments(req.originalUrl)) this.locals.routePattern = pattern;
    }
    return end.apply(this, args);
  } as Response['end'];
}

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
