import type { z } from 'zod';

/**
 * How a module describes its HTTP operations for the OpenAPI document. Each
 * module keeps a `<m>.openapi.ts` next to its routes exporting an `ApiModule`;
 * api/src/openapi/document.ts collects them. Request parts are the very zod
 * schemas the routes parse with, so the document cannot drift from validation.
 */

/** Who may call an operation (see DESIGN §1 and requireWorkspace). */
export type Access = 'public' | 'user' | 'analyst' | 'organiser' | 'admin';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;

/** `'<status> <code>'`, e.g. `'409 conflict'` or `'422 validation_failed'`. */
export type ErrorRef = `${ErrorStatus} ${string}`;

export type SuccessResponse = {
  status: 200 | 201 | 204;
  description: string;
  /** A zod schema of the body, where one exists (converted with io: 'output'). */
  schema?: z.ZodType;
  /** Media types of the body; default application/json (none for 204). */
  contentTypes?: string[];
};

export type ApiOperation = {
  method: HttpMethod;
  /**
   * OpenAPI style, relative to /api/v1: `/workspaces/{ws}/waves/{id}`. With
   * `absolutePath` it is from the site root instead (`/healthz`).
   */
  path: string;
  absolutePath?: true;
  /** Unique in the document; camelCase verb first (`createWave`). */
  operationId: string;
  /** One English line. */
  summary: string;
  description?: string;
  /** One of the module's tags. */
  tag: string;
  access: Access;
  /**
   * The schema the route parses `req.params` with. `{ws}` needs none (the
   * workspace slug is added by the collector); any other path parameter
   * without a schema must be described in `paramDescriptions`.
   */
  params?: z.ZodType;
  paramDescriptions?: Record<string, string>;
  /** The schema the route parses `req.query` with. */
  query?: z.ZodType;
  /** The schema the route parses the body with (parseBody). */
  body?: z.ZodType;
  bodyDescription?: string;
  /** At least one success answer. */
  responses: [SuccessResponse, ...SuccessResponse[]];
  /**
   * Errors the route itself can answer. Those that follow from the mechanism
   * are added by the collector and need not be listed: 400 invalid_request
   * (params, query or body), 400 unknown_field / malformed_json /
   * malformed_body / forbidden_key / invalid_characters / too_deep, 413,
   * 415 (a body), 401 (not public), 403
   * organiser_required / admin_required, 404 not_found for the workspace,
   * 403 cross_origin (writes under /api/v1 outside /public), 429 rate_limited
   * (routes under /public).
   */
  errors?: ErrorRef[];
};

export type ApiTag = { name: string; description: string };

/** A module's contribution to the document. */
export type ApiModule = { tags: ApiTag[]; operations: ApiOperation[] };
