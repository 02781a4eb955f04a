import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SESSION_COOKIE } from '../http/session.js';
import { projectRoot } from '../lib/project-root.js';
import { activitiesApi } from '../modules/activities/activities.openapi.js';
import { answersApi } from '../modules/answers/answers.openapi.js';
import { authApi } from '../modules/auth/auth.openapi.js';
import { indicatorsApi } from '../modules/indicators/indicators.openapi.js';
import { questionnairesApi } from '../modules/questionnaires/questionnaires.openapi.js';
import { reportsApi } from '../modules/reports/reports.openapi.js';
import { exportsApi } from '../modules/exports/exports.openapi.js';
import { overviewApi } from '../modules/overview/overview.openapi.js';
import { responsesApi } from '../modules/responses/responses.openapi.js';
import { resultsApi } from '../modules/results/results.openapi.js';
import { sessionsApi } from '../modules/sessions/sessions.openapi.js';
import { plansApi } from '../modules/plans/plans.openapi.js';
import { wavesApi } from '../modules/waves/waves.openapi.js';
import { Slug } from '../modules/workspaces/workspaces.schemas.js';
import { workspacesApi } from '../modules/workspaces/workspaces.openapi.js';
import { metaApi } from './meta.openapi.js';
import type { Access, ApiModule, ApiOperation, ErrorRef } from './operation.js';

/**
 * Every module's operations, in the order the document lists their tags. A
 * new module adds its `<m>.openapi.ts` export here (see docs/api.md).
 */
export const API_MODULES: ApiModule[] = [
  authApi,
  workspacesApi,
  questionnairesApi,
  wavesApi,
  responsesApi,
  resultsApi,
  answersApi,
  indicatorsApi,
  activitiesApi,
  sessionsApi,
  plansApi,
  reportsApi,
  exportsApi,
  overviewApi,
  metaApi,
];

export type JsonSchema = { [key: string]: unknown };
type MediaType = { schema?: JsonSchema };
export type OpenApiParameter = {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
};
export type OpenApiResponse = { description: string; content?: Record<string, MediaType>; 'x-error-codes'?: string[] };
export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: [string];
  'x-access': Access;
  security?: [];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, OpenApiResponse>;
};
export type OpenApiPathItem = { servers?: Array<{ url: string }> } & Partial<
  Record<ApiOperation['method'], OpenApiOperation>
>;
export type OpenApiDocument = {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string; description: string }>;
  tags: Array<{ name: string; description: string }>;
  security: Array<Record<string, []>>;
  paths: Record<string, OpenApiPathItem>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

/** The base every relative operation path hangs from. */
export const API_BASE = '/api/v1';

/**
 * The JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of a zod schema.
 * Requests are described as clients send them (`io: 'input'`: before
 * transforms, coercion and defaults); a check zod cannot express (z.custom,
 * refinements) is left open rather than failing the document.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** The common error body of DESIGN §4, in zod like every other schema. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .describe('Stable, snake_case; clients branch on it.'),
    message: z.string().describe("Human-readable, in the caller's language (Accept-Language: de or en)."),
    details: z
      .unknown()
      .optional()
      .describe(
        'Depends on the code, e.g. [{path, message}] for invalid_request or [{question, message}] for validation_failed.',
      ),
  }),
});

const ACCESS_TEXT: Record<Access, string> = {
  public: 'Anyone, without logging in.',
  user: 'Any logged-in user (session cookie or API token).',
  analyst: 'Analysts and organisers of the workspace.',
  organiser: 'Organisers of the workspace.',
  admin: 'Instance admins.',
};

/** A readable sentence for who may call an operation. */
export const accessText = (access: Access): string => ACCESS_TEXT[access];

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Errors that follow from how the app handles every request (see ApiOperation.errors). */
function implicitErrors(op: ApiOperation): ErrorRef[] {
  const errors: ErrorRef[] = [];
  if (op.params || op.query || op.body) errors.push('400 invalid_request');
  if (op.body)
    errors.push(
      '400 unknown_field',
      '400 malformed_json',
      '400 malformed_body',
      '400 forbidden_key',
      '400 invalid_characters',
      '400 too_deep',
      '413 payload_too_large',
      '415 unsupported_media_type',
    );
  if (op.access !== 'public') errors.push('401 unauthenticated', '401 invalid_token');
  if (op.access === 'admin') errors.push('403 admin_required');
  if (op.access === 'organiser') errors.push('403 organiser_required');
  if (op.access === 'analyst' || op.access === 'organiser') errors.push('404 not_found');
  // The same-origin rule runs in the /api/v1 router, which the public answering routes bypass.
  if (WRITE_METHODS.has(op.method) && !op.absolutePath && !op.path.startsWith('/public/'))
    errors.push('403 cross_origin');
  // Every public route under /api/v1/public is capped per client (publicRateLimit in app.ts).
  if (!op.absolutePath && op.path.startsWith('/public/')) errors.push('429 rate_limited');
  return errors;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Replaces refs into a schema's own `$defs` with refs into components.schemas. */
function rehomeRefs(value: unknown, prefix: string, self: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rehomeRefs(v, prefix, self));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') {
      out[k] =
        v === '#'
          ? self
          : v.startsWith('#/$defs/')
            ? `#/components/schemas/${prefix}_${v.slice('#/$defs/'.length)}`
            : v;
    } else {
      out[k] = rehomeRefs(v, prefix, self);
    }
  }
  return out;
}

/** Builds the OpenAPI 3.1 document from the modules' operations; throws on an inconsistent description. */
export function buildOpenApiDocument(modules: ApiModule[] = API_MODULES): OpenApiDocument {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as {
    version: string;
    license?: string;
  };
  // As clients receive it; read as input so that it promises no closed set of fields.
  const schemas: Record<string, JsonSchema> = { Error: jsonSchemaOf(ErrorBodySchema, 'input') };
  const named = new Map<z.ZodType, string>();
  const paths: Record<string, OpenApiPathItem> = {};
  const tags = modules.flatMap((m) => m.tags);
  const tagNames = new Set(tags.map((t) => t.name));
  const operationIds = new Set<string>();

  // A component per request or response schema, shared when two operations use the same zod object.
  const component = (schema: z.ZodType, name: string, io: 'input' | 'output'): JsonSchema => {
    const key = named.get(schema) ?? name;
    if (!named.has(schema)) {
      if (schemas[key]) throw new Error(`OpenAPI: two schemas named ${key}`);
      const json = jsonSchemaOf(schema, io);
      const defs = json.$defs as Record<string, unknown> | undefined;
      delete json.$defs;
      const self = `#/components/schemas/${key}`;
      for (const [defName, def] of Object.entries(defs ?? {}))
        schemas[`${key}_${defName}`] = rehomeRefs(def, key, self) as JsonSchema;
      schemas[key] = rehomeRefs(json, key, self) as JsonSchema;
      named.set(schema, key);
    }
    return { $ref: `#/components/schemas/${key}` };
  };

  const objectProperties = (schema: z.ZodType, what: string) => {
    const json = jsonSchemaOf(schema);
    if (json.type !== 'object' || json.$defs) throw new Error(`OpenAPI: ${what} must be a plain z.object`);
    return {
      properties: (json.properties ?? {}) as Record<string, JsonSchema>,
      required: new Set((json.required ?? []) as string[]),
    };
  };

  for (const op of modules.flatMap((m) => m.operations)) {
    const where = `${op.method.toUpperCase()} ${op.path}`;
    if (!tagNames.has(op.tag)) throw new Error(`OpenAPI: ${where} has the undeclared tag ${op.tag}`);
    if (operationIds.has(op.operationId)) throw new Error(`OpenAPI: operationId ${op.operationId} is used twice`);
    operationIds.add(op.operationId);
    if (!op.path.startsWith('/') || op.path.includes(':'))
      throw new Error(`OpenAPI: ${where}: write paths OpenAPI style, /waves/{id}`);

    const parameters: OpenApiParameter[] = [];
    const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const declared = op.params ? objectProperties(op.params, `${where} params`).properties : {};
    for (const name of Object.keys(declared)) {
      if (!inPath.includes(name))
        throw new Error(`OpenAPI: ${where}: the params schema has ${name}, the path does not`);
    }
    for (const name of inPath) {
      const description = op.paramDescriptions?.[name] ?? (name === 'ws' ? 'The workspace slug.' : undefined);
      const schema =
        declared[name] ??
        (name === 'ws' ? jsonSchemaOf(Slug) : description !== undefined ? { type: 'string' } : undefined);
      if (!schema) throw new Error(`OpenAPI: ${where}: path parameter ${name} has neither a schema nor a description`);
      parameters.push({ name, in: 'path', required: true, ...(description !== undefined && { description }), schema });
    }
    if (op.query) {
      const { properties, required } = objectProperties(op.query, `${where} query`);
      for (const [name, schema] of Object.entries(properties)) {
        const description = typeof schema.description === 'string' ? schema.description : undefined;
        parameters.push({
          name,
          in: 'query',
          required: required.has(name),
          ...(description !== undefined && { description }),
          schema,
        });
      }
    }

    const responses: Record<string, OpenApiResponse> = {};
    for (const success of op.responses) {
      const types = success.status === 204 ? [] : (success.contentTypes ?? ['application/json']);
      const schema = success.schema
        ? component(success.schema, `${capitalise(op.operationId)}Response`, 'output')
        : undefined;
      responses[String(success.status)] = {
        description: success.description,
        ...(types.length > 0 && {
          content: Object.fromEntries(types.map((t) => [t, schema && t === 'application/json' ? { schema } : {}])),
        }),
      };
    }
    const byStatus = new Map<string, string[]>();
    for (const ref of [...implicitErrors(op), ...(op.errors ?? [])]) {
      const [status, code] = ref.split(' ') as [string, string];
      const codes = byStatus.get(status) ?? [];
      if (!codes.includes(code)) codes.push(code);
      byStatus.set(status, codes);
    }
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a.localeCompare(b))) {
      responses[status] = {
        description: codes.join(', '),
        'x-error-codes': codes,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }

    let requestBody: OpenApiOperation['requestBody'];
    if (op.body) {
      const ref = component(op.body, `${capitalise(op.operationId)}Request`, 'input');
      const json = schemas[(ref.$ref as string).split('/').pop()!]!;
      // A body whose fields are all optional may be left out: the route reads a missing body as {}.
      const required = Array.isArray(json.required) ? json.required.length > 0 : json.type !== 'object';
      requestBody = {
        required,
        ...(op.bodyDescription !== undefined && { description: op.bodyDescription }),
        content: { 'application/json': { schema: ref } },
      };
    }

    const item = (paths[op.path] ??= op.absolutePath ? { servers: [{ url: '/' }] } : {});
    if (Boolean(item.servers) !== Boolean(op.absolutePath))
      throw new Error(`OpenAPI: ${where} mixes absolute and /api/v1 paths`);
    if (item[op.method]) throw new Error(`OpenAPI: ${where} is described twice`);
    item[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      description: [op.description, `Who may call it: ${accessText(op.access)}`].filter(Boolean).join('\n\n'),
      tags: [op.tag],
      'x-access': op.access,
      ...(op.access === 'public' && { security: [] as [] }),
      ...(parameters.length > 0 && { parameters }),
      ...(requestBody && { requestBody }),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Bilanz',
      version: pkg.version,
      description:
        'Survey and impact evaluation for civic and nonprofit networks. Errors are always {"error": {"code", "message", "details"}}; writes are application/json. A readable version of this document is at /api/docs.',
      license: { name: 'MIT', identifier: pkg.license ?? 'MIT' },
    },
    servers: [{ url: API_BASE, description: 'This instance' }],
    tags,
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'HttpOnly session cookie set by POST /auth/login. Writes that carry it must come from this origin (403 cross_origin).',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token from POST /auth/tokens (blz_…), sent as Authorization: Bearer <token>.',
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document of this process, built on first use. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}

/** The full URL path of a documented path (the /api/v1 base prepended unless it has its own server). */
export function fullPath(document: OpenApiDocument, p: string): string {
  return document.paths[p]?.servers ? p : `${API_BASE}${p}`;
}
