import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const isProblem = (contentType?: string) => (contentType ?? '').startsWith('application/problem+json');
type Operation = { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> };

/**
 * Checks a response against the OpenAPI document: the route and status must be documented, and the body must
 * match the schema the document gives for that status and content type. Returns what is wrong, or undefined.
 * Used by the gateway's unit tests (every response they see) and the web → gateway provider verification.
 */
export function createResponseChecker(document: OpenApiDocument = buildOpenApiDocument()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  const routes = Object.entries(document.paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
    operations: operations as Record<string, Operation>,
  }));

  return function checkResponse(response: { method: string; path: string; status: number; contentType?: string; body: unknown }): string | undefined {
    const route = routes.find((candidate) => candidate.pattern.test(response.path));
    const where = `${response.method} ${response.path} → ${response.status}`;
    // An unknown path or method is answered by the error middleware (404 route_not_found, 405 method_not_allowed).
    const unrouted = (response.status === 404 || response.status === 405) && isProblem(response.contentType);
    if (!route) return unrouted ? undefined : `${where}: the path is not in the OpenAPI document`;
    const operation = route.operations[response.method.toLowerCase()];
    if (!operation) return unrouted ? undefined : `${where}: the method is not in the OpenAPI document`;
    const documented = operation.responses[String(response.status)];
    if (!documented) return `${where}: the status is not in the OpenAPI document (documented: ${Object.keys(operation.responses).join(', ')})`;
    if (!documented.content) return response.body === undefined || response.body === null || response.body === '' ? undefined : `${where}: the document says no body, one was sent`;
    const mediaType = (response.contentType ?? '').split(';')[0]!.trim();
    const content = documented.content[mediaType];
    if (!content) return `${where}: content type ${mediaType || '(none)'} is not documented (documented: ${Object.keys(documented.content).join(', ')})`;
    const ref = content.schema.$ref as string | undefined;
    const validate = ref ? ajv.getSchema(`openapi.json${ref}`) : ajv.compile(content.schema);
    if (!validate) return `${where}: the document's schema ${ref} cannot be resolved`;
    if (validate(response.body)) return undefined;
    return `${where}: the body does not match the document: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
  };
}
