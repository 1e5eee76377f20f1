import type { Express } from 'express';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createContext, type AppContext } from '../src/context';
import { openDatabase } from '../src/db/database';
import { createApp } from '../src/http/app';
import { buildOpenApiDocument } from '../src/http/openapi-document';
import { FURTHER_LISTS_OFF } from './helpers/test-app';

/**
 * The router and the OpenAPI document describe the same API: every path, method and path parameter the service
 * serves is documented, and the document promises nothing the service does not serve.
 */

// Served but deliberately not operations of the API: the documentation UI itself.
const UNDOCUMENTED = new Set(['/docs']);
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** `METHOD /path/{param}` for every route of every router mounted on the app (express 5's router stack). */
function servedOperations(app: Express): string[] {
  const operations: string[] = [];
  const walk = (stack: readonly Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
        if (UNDOCUMENTED.has(path)) continue;
        for (const method of Object.keys(layer.route.methods)) {
          if (method !== '_all') operations.push(`${method.toUpperCase()} ${path}`);
        }
      } else if (layer.handle.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return operations.sort();
}

interface DocumentedOperation {
  parameters?: { in: string; name: string }[];
}

function documentedOperations(): { operations: string[]; pathParams: Map<string, string[]> } {
  const operations: string[] = [];
  const pathParams = new Map<string, string[]>();
  for (const [path, item] of Object.entries(buildOpenApiDocument().paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, DocumentedOperation | undefined>)[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      operations.push(key);
      pathParams.set(key, (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort());
    }
  }
  return { operations: operations.sort(), pathParams };
}

let context: AppContext;
let app: Express;

beforeAll(async () => {
  // Routes are registered when the app is built; no data needs loading to walk them.
  const database = await openDatabase({ pgliteDataDir: 'memory://' });
  context = await createContext(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...FURTHER_LISTS_OFF }), { database, log: pino({ level: 'silent' }) });
  app = createApp(context);
});

afterAll(async () => {
  await context.close();
});

describe('the router and the OpenAPI document', () => {
  it('serve and document the same paths and methods', () => {
    expect(servedOperations(app)).toEqual(documentedOperations().operations);
  });

  it('name the same path parameters', () => {
    const { pathParams } = documentedOperations();
    for (const operation of servedOperations(app)) {
      const inPath = [...operation.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ operation, parameters: pathParams.get(operation) }).toEqual({ operation, parameters: inPath });
    }
  });
});
