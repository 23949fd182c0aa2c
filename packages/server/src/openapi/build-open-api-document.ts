import { z } from 'zod';
import type { RouteRegistry } from '../http/route-registry.js';

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function schemaOf(type: z.ZodType | undefined): Record<string, unknown> | undefined {
  return type ? (z.toJSONSchema(type, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>) : undefined;
}

/**
 * Builds the OpenAPI 3 document from the routes' zod schemas, so the document and the routes
 * cannot drift apart.
 * @example
 * const doc = buildOpenApiDocument(registry);
 */
export function buildOpenApiDocument(registry: RouteRegistry): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of registry.routes) {
    const path = `/api${toOpenApiPath(route.path)}`;
    const parameters: unknown[] = [];
    for (const [where, type] of [['path', route.params], ['query', route.query]] as const) {
      const schema = schemaOf(type);
      const properties = (schema?.['properties'] ?? {}) as Record<string, unknown>;
      const required = new Set((schema?.['required'] as string[] | undefined) ?? []);
      for (const [name, property] of Object.entries(properties)) parameters.push({ name, in: where, required: where === 'path' || required.has(name), schema: property });
    }
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: { description: 'Success', ...(route.response ? { content: { 'application/json': { schema: schemaOf(route.response) } } } : {}) },
      400: { description: 'Invalid input' },
      ...(route.auth === false ? {} : { 401: { description: 'Not signed in' } }),
      404: { description: 'Not found, or outside your unions' },
    };
    for (const status of route.errors ?? []) responses[String(status)] = { description: status === 409 ? 'Version conflict' : status === 422 ? 'Refused by the workflow' : 'Error' };
    paths[path] = {
      ...paths[path],
      [route.method]: {
        tags: [route.tag],
        summary: route.summary,
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body) } } } } : {}),
        responses,
        ...(route.auth === false ? { security: [] } : {}),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Shuoshi API (说事)', version: '0.1.0', description: 'The REST API of the Shuoshi case-workflow server.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
