import type { ApiOperation } from './api-operation.ts';
import { z } from 'zod';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function schemaText(schema: z.ZodType | undefined): string {
  if (!schema) return '';
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `<pre>${escapeHtml(JSON.stringify(json, null, 2))}</pre>`;
}

function operationSection(operation: ApiOperation): string {
  const responses = Object.entries(operation.responses)
    .map(([status, description]) => `<tr><td>${status}</td><td>${escapeHtml(description)}</td></tr>`)
    .join('');
  return `<section class="operation" id="${escapeHtml(`${operation.method}-${operation.path}`)}">
  <h3><span class="method ${operation.method}">${operation.method.toUpperCase()}</span> <code>${escapeHtml(operation.path)}</code></h3>
  <p>${escapeHtml(operation.summary)}</p>
  <p class="access">Access: ${escapeHtml(operation.access)}</p>
  ${operation.params ? `<h4>Path parameters</h4>${schemaText(operation.params)}` : ''}
  ${operation.query ? `<h4>Query parameters</h4>${schemaText(operation.query)}` : ''}
  ${operation.body ? `<h4>Request body</h4>${schemaText(operation.body)}` : ''}
  <h4>Responses</h4><table><tbody>${responses}</tbody></table>
</section>`;
}

/**
 * The page's only style, inline so that the page stands alone; the Content-Security-Policy allows exactly
 * this text by its hash (security-headers.ts), not inline styles in general.
 */
export const API_REFERENCE_STYLE = `
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1f2328; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #d0d7de; padding-bottom: 0.2rem; margin-top: 2rem; text-transform: capitalize; }
.operation { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.2rem 1rem 0.8rem; margin: 1rem 0; }
.method { display: inline-block; min-width: 4.2rem; text-align: center; border-radius: 4px; color: #fff; font-size: 0.85rem; padding: 0.1rem 0.3rem; }
.get { background: #0969da; } .post { background: #1a7f37; } .put { background: #9a6700; } .patch { background: #8250df; } .delete { background: #cf222e; }
pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; font-size: 0.8rem; } table { border-collapse: collapse; }
td { border: 1px solid #d0d7de; padding: 0.2rem 0.6rem; } .access { color: #59636e; font-size: 0.9rem; }
`;

/**
 * A readable reference of the API as one self-contained HTML page (no script, no external asset), so it
 * works offline and under the strict Content-Security-Policy.
 */
export function renderApiReference(operations: readonly ApiOperation[]): string {
  const tags = [...new Set(operations.map((operation) => operation.tag))];
  const toc = tags.map((tag) => `<li><a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a></li>`).join('');
  const body = tags
    .map((tag) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${operations.filter((operation) => operation.tag === tag).map(operationSection).join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>casa-sig – référence de l’API / API reference</title>
<style>${API_REFERENCE_STYLE}</style></head>
<body>
<h1>casa-sig API</h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1) · OGC API - Features: <a href="/ogc">/ogc</a>, <a href="/ogc/api">/ogc/api</a>.
Errors are <code>application/problem+json</code> with a <code>requestId</code>. Authenticate with <code>Authorization: Bearer &lt;token or API key&gt;</code>.</p>
<nav><ul>${toc}</ul></nav>
${body}
</body></html>`;
}
