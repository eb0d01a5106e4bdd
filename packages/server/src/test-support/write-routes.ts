/** A write route of the app (`POST /api/exams/:examId/sittings`) and the JSON body schema its docs give, if any. */
export interface WriteRoute {
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly bodySchema?: JsonSchema;
}

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every API route the app serves (`GET /api/exams`), read from Fastify's route tree (`app.printRoutes({ commonPrefix:
 * false })`); HEAD is GET's twin and the API docs are public, so neither is listed. */
export function apiRoutes(tree: string): { readonly method: string; readonly path: string }[] {
  const stack: string[] = [];
  const routes: { method: string; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const at = line.indexOf('── ');
    const match = /^(\S+) \(([^)]*)\)/.exec(line.slice(at + 3));
    if (at < 0 || !match) continue;
    const depth = (at - 1) / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${match[1]}`;
    stack.push(path);
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const method of (match[2] ?? '').split(', ').filter((m) => m !== 'HEAD')) routes.push({ method, path });
  }
  return routes;
}

/**
 * Every API route that changes state (see apiRoutes), so that a route added tomorrow is in every table built from
 * this list; body schemas come from the OpenAPI document.
 */
export function writeRoutes(tree: string, openApi: { paths: Record<string, Record<string, unknown>> }): WriteRoute[] {
  return apiRoutes(tree)
    .filter(({ method }) => WRITE_METHODS.has(method))
    .map(({ method, path }) => {
      const bodySchema = jsonBodySchema(openApi, path, method);
      return { method: method as WriteRoute['method'], path, ...(bodySchema && { bodySchema }) };
    });
}

function jsonBodySchema(
  openApi: { paths: Record<string, Record<string, unknown>> },
  path: string,
  method: string,
): JsonSchema | undefined {
  const operation = openApi.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] as
    { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } | undefined;
  return operation?.requestBody?.content?.['application/json']?.schema;
}

/** Bodies (JSON text) wrong for the schema in every way a client can get one wrong, each with what is wrong with it. */
export function badBodies(schema: JsonSchema | undefined): { readonly name: string; readonly json: string }[] {
  const properties = Object.entries(schema?.properties ?? {});
  const each = (value: (property: JsonSchema) => unknown) =>
    Object.fromEntries(properties.map(([name, property]) => [name, value(property)]));
  return [
    { name: 'an empty object (fields missing)', json: '{}' },
    { name: 'an array', json: '[1, 2, 3]' },
    { name: 'null', json: 'null' },
    { name: 'a bare string', json: '"x"' },
    { name: 'every field of the wrong type', json: JSON.stringify(each(wrongType)) },
    {
      name: 'every text field 1,000,000 characters long',
      json: JSON.stringify(each((p) => (isType(p, 'string') ? HUGE : 1))),
    },
    { name: 'an unknown field', json: JSON.stringify({ ...each(() => null), unexpected: true }) },
    { name: 'a prototype-polluting key', json: '{"__proto__": {"admin": true}, "constructor": {"prototype": 1}}' },
    { name: 'JSON nested 10,000 deep', json: `${'['.repeat(10_000)}0${']'.repeat(10_000)}` },
  ];
}

const HUGE = 'x'.repeat(1_000_000);

function isType(schema: JsonSchema, type: string): boolean {
  return Array.isArray(schema.type) ? schema.type.includes(type) : schema.type === type;
}

function wrongType(schema: JsonSchema): unknown {
  if (isType(schema, 'string')) return 12345;
  if (isType(schema, 'number') || isType(schema, 'integer')) return 'NaN';
  if (isType(schema, 'boolean')) return 'yes';
  if (isType(schema, 'array')) return { length: 1 };
  return [];
}

/** Values for a path parameter that name nothing, or are not ids at all. */
export const BAD_IDS = [
  'nope',
  'x'.repeat(2000),
  "1' OR '1'='1",
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%E2%80%AE%F0%9F%92%A9',
];
