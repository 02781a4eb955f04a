import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { API_BASE, API_MODULES, ErrorBodySchema } from './document.js';
import type { ApiModule, ApiOperation, SuccessResponse } from './operation.js';

/**
 * Checks real responses against the OpenAPI description: which operation a
 * request matched, whether its status is documented, whether the media type
 * is one the operation names, and whether a JSON body fits the documented
 * zod schema exactly (no field missing, none extra). Tests install it on the
 * app (tests/helpers/test-app.ts), so every API test checks every answer.
 */

/** One answer that differs from its description. */
export type ResponseMismatch = { operation: string; status: number; problems: string[] };

/** An answer that fits its description, recorded so that a test can prove every operation was seen. */
export type ResponseSeen = { operationId: string; status: number; contentType: string };

type Matcher = { op: ApiOperation; pattern: RegExp; literalSegments: number };

/** `/workspaces/{ws}/waves/{id}` → a regular expression of the full URL path. */
function matcherOf(op: ApiOperation): Matcher {
  const full = op.absolutePath ? op.path : `${API_BASE}${op.path}`;
  const source = full
    .split('/')
    .map((segment) =>
      segment
        .split(/(\{[^}]+\})/)
        .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join(''),
    )
    .join('/');
  return {
    op,
    pattern: new RegExp(`^${source}$`),
    literalSegments: full.split('/').filter((s) => s && !s.includes('{')).length,
  };
}

export class ResponseChecker {
  readonly mismatches: ResponseMismatch[] = [];
  readonly seen: ResponseSeen[] = [];
  private readonly matchers: Matcher[];

  constructor(modules: ApiModule[] = API_MODULES) {
    // Where two paths match (`/members/invitations/{id}` and `/members/{userId}`), the one with more literal segments wins, as in the routers.
    this.matchers = modules
      .flatMap((m) => m.operations)
      .map(matcherOf)
      .sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** The documented operation of a request, if any (paths outside the API, such as the web app's pages, have none). */
  operationOf(method: string, urlPath: string): ApiOperation | undefined {
    const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    return this.matchers.find((x) => x.op.method === m && x.pattern.test(urlPath))?.op;
  }

  /**
   * Checks one answer. `body` is what was sent: a JSON text for JSON media
   * types (parsed here, so the check sees exactly what a client reads).
   */
  check(method: string, urlPath: string, status: number, contentType: string | undefined, body: unknown): void {
    const op = this.operationOf(method, urlPath);
    if (!op) return;
    const where = `${op.method.toUpperCase()} ${op.path} (${op.operationId})`;
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const fail = (...problems: string[]): void => {
      this.mismatches.push({ operation: where, status, problems });
    };

    let schema: z.ZodType | undefined;
    if (status >= 400) {
      schema = ErrorBodySchema;
      if (mediaType !== 'application/json') return fail(`an error answered as ${mediaType || 'no media type'}`);
    } else {
      const success: SuccessResponse | undefined = op.responses.find((r) => r.status === status);
      if (!success) return fail(`status ${status} is not documented`);
      const types = success.contentTypes ?? ['application/json'];
      if (status !== 204 && !types.includes(mediaType))
        return fail(`media type ${mediaType || '(none)'} is not documented (${types.join(', ')})`);
      if (mediaType === 'application/json') {
        if (!success.schema) return fail('the JSON body has no documented schema');
        schema = success.schema;
      }
    }
    if (schema) {
      let json: unknown;
      try {
        json =
          typeof body === 'string'
            ? JSON.parse(body)
            : Buffer.isBuffer(body)
              ? JSON.parse(body.toString('utf8'))
              : body;
      } catch {
        return fail('the body is not JSON');
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        return fail(...parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`));
      // zod drops fields a schema does not name: any difference is a field the description leaves out.
      if (!isDeepStrictEqual(parsed.data, json))
        return fail(`fields the schema does not describe: ${undocumentedFields(json, parsed.data).join(', ')}`);
    }
    if (status < 400) this.seen.push({ operationId: op.operationId, status, contentType: mediaType });
  }
}

/** Paths of the fields in `sent` that `kept` (the schema's parse of it) lacks. */
function undocumentedFields(sent: unknown, kept: unknown, path = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.flatMap((v, i) => undocumentedFields(v, kept[i], `${path}[${i}]`));
  if (sent && typeof sent === 'object' && kept && typeof kept === 'object') {
    return Object.entries(sent).flatMap(([k, v]) =>
      k in kept
        ? undocumentedFields(v, (kept as Record<string, unknown>)[k], path ? `${path}.${k}` : k)
        : [path ? `${path}.${k}` : k],
    );
  }
  return isDeepStrictEqual(sent, kept) ? [] : [path || '(body)'];
}
