import { escapeHtml } from '../../shared/html.js';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string; format?: string } }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The API reference as a plain, accessible HTML page generated from the OpenAPI document (the
 * interactive Swagger UI, a developer tool that does not meet WCAG 2.1 AA, stays at /api/docs/swagger).
 */
export function renderApiReference(doc: OpenApiDocument): string {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'altro';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'it'))
    .map(([tag, ops]) => {
      const items = ops
        .map(({ method, path, op }) => {
          const params = (op.parameters ?? [])
            .map((p) => `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ', obbligatorio' : ''}${p.schema?.type ? `, ${escapeHtml(p.schema.type)}` : ''})</li>`)
            .join('');
          const body = op.requestBody?.content?.['application/json']?.schema;
          const responses = Object.entries(op.responses ?? {})
            .map(([code, r]) => `<li><code>${escapeHtml(code)}</code> ${escapeHtml(r.description ?? '')}</li>`)
            .join('');
          return `<section class="op">
  <h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  ${op.summary ? `<p>${escapeHtml(op.summary)}</p>` : ''}
  ${params ? `<h4>Parametri</h4><ul>${params}</ul>` : ''}
  ${body ? `<h4>Corpo della richiesta (JSON)</h4><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre>` : ''}
  ${responses ? `<h4>Risposte</h4><ul>${responses}</ul>` : ''}
</section>`;
        })
        .join('\n');
      return `<section><h2>${escapeHtml(tag)}</h2>\n${items}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} – documentazione</title>
<style>
  body { font-family: "Titillium Web", system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
  header { background: #0066cc; color: #fff; padding: 1rem 1.5rem; }
  header a { color: #fff; }
  main { padding: 1.5rem; max-width: 72rem; }
  .op { border-top: 1px solid #c5c7c9; padding: .5rem 0; }
  .method { display: inline-block; min-width: 4.5rem; background: #17324d; color: #fff; padding: 0 .4rem; border-radius: 3px; font-size: .9rem; }
  pre { background: #f2f2f2; padding: .75rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; }
  a:focus { outline: 3px solid #f90; outline-offset: 2px; }
</style>
</head>
<body>
<header><p><strong>${escapeHtml(doc.info.title)}</strong> · versione ${escapeHtml(doc.info.version)}</p></header>
<main>
<h1>Documentazione dell'API</h1>
<p>${escapeHtml(doc.info.description ?? '')}</p>
<p>Documento OpenAPI: <a href="/api/docs/json">/api/docs/json</a> · Console interattiva per sviluppatori: <a href="/api/docs/swagger">/api/docs/swagger</a></p>
${sections}
</main>
</body>
</html>`;
}
