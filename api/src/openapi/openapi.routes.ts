import { Router, type RequestHandler } from 'express';
import { DOCS_CSP, DOCS_CSS, renderDocsPage } from './docs-page.js';
import { openApiDocument } from './document.js';

let json: string | undefined;
let page: string | undefined;

/** GET /api/v1/openapi.json: public; the document is built once per process. */
export const serveOpenApiDocument: RequestHandler = (_req, res) => {
  json ??= JSON.stringify(openApiDocument());
  res.type('application/json').send(json);
};

/** /api/docs: the readable page and its style sheet (mounted at /api/docs). */
export function apiDocsRouter(): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    page ??= renderDocsPage(openApiDocument());
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    res.type('html').send(page);
  });
  r.get('/docs.css', (_req, res) => {
    res.type('css').send(DOCS_CSS);
  });
  return r;
}
