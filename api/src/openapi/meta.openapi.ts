import { z } from 'zod';
import type { ApiModule } from './operation.js';

export const HealthResponse = z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) });

/** The OpenAPI document itself: its own format is the specification at spec.openapis.org. */
export const OpenApiDocumentResponse = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
  components: z.record(z.string(), z.unknown()),
});

/** The instance's own endpoints: health check and this documentation. */
export const metaApi: ApiModule = {
  tags: [{ name: 'Meta', description: 'Health check and API documentation.' }],
  operations: [
    {
      method: 'get',
      path: '/healthz',
      absolutePath: true,
      operationId: 'getHealth',
      summary: 'Health check: the server answers and its database is reachable',
      tag: 'Meta',
      access: 'public',
      responses: [
        { status: 200, description: 'The server answers and its database is reachable.', schema: HealthResponse },
      ],
    },
    {
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This OpenAPI 3.1 document',
      tag: 'Meta',
      access: 'public',
      responses: [
        {
          status: 200,
          description: 'The document, generated from the zod schemas the routes validate with.',
          schema: OpenApiDocumentResponse,
        },
      ],
    },
    {
      method: 'get',
      path: '/api/docs',
      absolutePath: true,
      operationId: 'getApiDocsPage',
      summary: 'The API documentation as a readable page',
      tag: 'Meta',
      access: 'public',
      responses: [
        { status: 200, description: 'An HTML page rendered from this document.', contentTypes: ['text/html'] },
      ],
    },
    {
      method: 'get',
      path: '/api/docs/docs.css',
      absolutePath: true,
      operationId: 'getApiDocsStyles',
      summary: "The documentation page's style sheet",
      tag: 'Meta',
      access: 'public',
      responses: [{ status: 200, description: 'CSS.', contentTypes: ['text/css'] }],
    },
  ],
};
