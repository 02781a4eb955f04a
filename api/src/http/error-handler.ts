import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, NotFoundError, text } from './errors.js';
import { localiseTexts, requestLocale } from './locale.js';

type BodyParserError = Error & { type?: string; status?: number; errno?: unknown };

const encoded = (req: Request) => (req.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';

/** Maps body-parser's own failures onto the error model. */
function fromBodyParser(err: BodyParserError, req: Request): AppError | undefined {
  // A body that does not decompress as its Content-Encoding says: body-parser
  // passes zlib's own error on as a 400 without a type of its own.
  if (err.type === undefined && err.status === 400 && typeof err.errno === 'number' && encoded(req)) {
    return new AppError(
      400,
      'malformed_body',
      text(
        'The request body cannot be decompressed as its Content-Encoding says.',
        'Der Inhalt der Anfrage lässt sich nicht so entpacken, wie sein Content-Encoding angibt.',
      ),
    );
  }
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError(
        400,
        'malformed_json',
        text('The request body is not valid JSON.', 'Der Inhalt der Anfrage ist kein gültiges JSON.'),
      );
    case 'entity.too.large':
      return new AppError(
        413,
        'payload_too_large',
        text('The request body is too large (1 MB at most).', 'Der Inhalt der Anfrage ist zu groß (höchstens 1 MB).'),
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(
        415,
        'unsupported_media_type',
        text('Send JSON encoded as UTF-8.', 'Bitte JSON in UTF-8 senden.'),
      );
    case 'request.aborted':
      return new AppError(400, 'request_aborted', text('The request was aborted.', 'Die Anfrage wurde abgebrochen.'));
    default:
      return undefined;
  }
}

/** Unknown API paths answer in the error model instead of falling through to the web app. */
export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError(text('No such API endpoint.', 'Diesen API-Endpunkt gibt es nicht.')));
};

/** The one error middleware (house rule 3): typed errors become their status, anything else a bare 500 (logged). */
export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (err, req, res, _next) => {
    const known = err instanceof AppError ? err : fromBodyParser(err as BodyParserError, req);
    if (res.headersSent) {
      logger.error({ err, method: req.method }, 'error after the response had started');
      res.destroy();
      return;
    }
    if (!known) {
      logger.error({ err, method: req.method }, 'unhandled error');
      const locale = requestLocale(req);
      res.status(500).json({
        error: {
          code: 'internal_error',
          message: locale === 'de' ? 'Ein interner Fehler ist aufgetreten.' : 'An internal error occurred.',
        },
      });
      return;
    }
    if (known.status === 429 && 'retryAfterSeconds' in known) {
      res.setHeader('Retry-After', String(known.retryAfterSeconds));
    }
    const locale = requestLocale(req);
    const body: { code: string; message: string; details?: unknown } = {
      code: known.code,
      message: known.text[locale],
    };
    if (known.details !== undefined) body.details = localiseTexts(known.details, locale);
    res.status(known.status).json({ error: body });
  };
