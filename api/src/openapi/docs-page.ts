import { accessText, fullPath, type JsonSchema, type OpenApiDocument, type OpenApiOperation } from './document.js';

/**
 * The readable API documentation at /api/docs: rendered on the server from
 * the OpenAPI document, with no script and no inline style, so it needs
 * nothing beyond its own style sheet (DOCS_CSP). Every text is escaped.
 */

export const DOCS_CSS_PATH = '/api/docs/docs.css';

/** Stricter than the web app's CSP: this page has no script at all. */
export const DOCS_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const anchor = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

/** A ref into components.schemas, resolved for display (one level: components hold no further refs today). */
function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return schema;
  return doc.components.schemas[ref.slice('#/components/schemas/'.length)];
}

function renderOperation(doc: OpenApiDocument, path: string, method: string, op: OpenApiOperation): string {
  const parts: string[] = [];
  parts.push(`<section class="op" id="${escapeHtml(op.operationId)}">`);
  parts.push(
    `<h3><span class="method method-${method}">${method.toUpperCase()}</span> <code class="path">${escapeHtml(fullPath(doc, path))}</code></h3>`,
  );
  parts.push(`<p class="summary">${escapeHtml(op.summary)}</p>`);
  const extra = op.description.split('\n\n').filter((p) => !p.startsWith('Who may call it:'));
  for (const p of extra) parts.push(`<p>${escapeHtml(p)}</p>`);
  parts.push(`<p class="access"><strong>Who may call it:</strong> ${escapeHtml(accessText(op['x-access']))}</p>`);

  if (op.parameters?.length) {
    parts.push(
      '<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>',
    );
    for (const p of op.parameters) {
      const desc = p.description ? `<div>${escapeHtml(p.description)}</div>` : '';
      parts.push(
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${desc}<code class="schema">${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }

  if (op.requestBody) {
    const media = op.requestBody.content['application/json'];
    parts.push(
      `<h4>Request body <span class="muted">(application/json${op.requestBody.required ? '' : ', optional'})</span></h4>`,
    );
    if (op.requestBody.description) parts.push(`<p>${escapeHtml(op.requestBody.description)}</p>`);
    parts.push(json(resolve(doc, media?.schema)));
  }

  parts.push('<h4>Responses</h4><dl class="responses">');
  for (const [status, response] of Object.entries(op.responses)) {
    const types = Object.keys(response.content ?? {});
    const isError = Number(status) >= 400;
    const body = isError
      ? (response['x-error-codes'] ?? []).map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')
      : `${escapeHtml(response.description)}${types.length > 0 ? ` <span class="muted">(${escapeHtml(types.join(', '))})</span>` : ''}`;
    parts.push(`<dt class="${isError ? 'error' : 'ok'}">${escapeHtml(status)}</dt><dd>${body}</dd>`);
    const schema = resolve(doc, response.content?.['application/json']?.schema);
    if (!isError && schema) parts.push(`<dd>${json(schema)}</dd>`);
  }
  parts.push('</dl></section>');
  return parts.join('\n');
}

/** The whole page. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) byTag.get(op.tags[0])?.push(renderOperation(doc, path, method, op));
    }
  }
  const toc = doc.tags
    .map(
      (t) =>
        `<li><a href="#${anchor(t.name)}">${escapeHtml(t.name)}</a> <span class="muted">(${byTag.get(t.name)?.length ?? 0})</span></li>`,
    )
    .join('');
  const sections = doc.tags
    .map(
      (t) =>
        `<section class="tag" id="${anchor(t.name)}"><h2>${escapeHtml(t.name)}</h2><p>${escapeHtml(t.description)}</p>${(byTag.get(t.name) ?? []).join('\n')}</section>`,
    )
    .join('\n');
  const errorSchema = json(doc.components.schemas.Error);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} API ${escapeHtml(doc.info.version)}</title>
<link rel="stylesheet" href="${DOCS_CSS_PATH}">
</head>
<body>
<header>
<h1>${escapeHtml(doc.info.title)} API <span class="muted">${escapeHtml(doc.info.version)}</span></h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}). Base path: <code>${escapeHtml(doc.servers[0]?.url ?? '')}</code>.</p>
<p>Authentication: the session cookie from <code>POST /api/v1/auth/login</code>, or <code>Authorization: Bearer &lt;token&gt;</code> with a token from <code>POST /api/v1/auth/tokens</code>. Every error has this shape:</p>
${errorSchema}
<nav aria-label="Sections"><ul>${toc}</ul></nav>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}

/** The page's style sheet, served as a file (the CSP allows no inline style). */
export const DOCS_CSS = `
:root { color-scheme: light; --fg: #1d2330; --muted: #5b6472; --line: #d9dde3; --bg-code: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
h1 { margin-top: 0; }
h2 { border-bottom: 2px solid var(--line); padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
a { color: #0b57d0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875rem; }
pre { background: var(--bg-code); padding: .75rem; overflow-x: auto; border-radius: 4px; margin: .25rem 0; }
.muted { color: var(--muted); font-weight: normal; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
.op { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.summary { margin: 0 0 .5rem; }
.method { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 4px; padding: .1rem .4rem; color: #fff; font-size: .8rem; font-family: ui-monospace, monospace; }
.method-get { background: #1f6f43; }
.method-post { background: #0b57d0; }
.method-put { background: #8a5a00; }
.method-patch { background: #6b3fa0; }
.method-delete { background: #b3261e; }
.path { font-size: 1rem; word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-top: 1px solid var(--line); padding: .3rem .5rem; }
.schema { word-break: break-all; }
.responses { display: grid; grid-template-columns: 4rem 1fr; gap: .25rem .5rem; margin: 0; }
.responses dt { font-weight: bold; }
.responses dd { margin: 0; grid-column: 2; }
.responses dt.error { color: #b3261e; }
.responses dt.ok { color: #1f6f43; }
@media print { .op { break-inside: avoid; } }
`;
