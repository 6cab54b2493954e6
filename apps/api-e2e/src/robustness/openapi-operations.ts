import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The subset of JSON Schema the API's document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface DocumentedOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  /** The JSON body schema, resolved; undefined when the operation documents no JSON body. */
  body?: Schema;
  isPublic: boolean;
  /** The statuses the operation documents, e.g. a 503 when a worker must answer. */
  documentedStatuses: number[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[]; responses?: Record<string, unknown> }>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The document the running API served, written by the e2e globalSetup before any spec file is loaded. */
export function readServedDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(join(__dirname, '../generated/openapi.json'), 'utf8'));
}

/** Follows `$ref`s and merges `allOf`, so generators see plain schemas. */
export function resolver(document: OpenApiDocument): (schema: Schema | undefined) => Schema {
  const resolve = (schema: Schema | undefined, seen = new Set<string>()): Schema => {
    if (!schema) return {};
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return { type: 'object' };
      return resolve(document.components?.schemas?.[name], new Set([...seen, name]));
    }
    if (schema.allOf) return schema.allOf.map((part) => resolve(part, seen)).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
    return schema;
  };
  return (schema) => resolve(schema);
}

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  const resolve = resolver(document);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method];
      const json = operation.requestBody?.content?.['application/json']?.schema;
      return {
        method,
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, schema: resolve(parameter.schema) })),
        body: json ? resolve(json) : undefined,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        documentedStatuses: Object.keys(operation.responses ?? {}).map(Number),
      };
    }),
  );
}
