import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../src/http/openapi-document';

describe('OpenAPI document', () => {
  it('matches the committed openapi/openapi.json (run `npm run openapi:generate` after changing a schema)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'openapi', 'openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument()))).toEqual(committed);
  });

  it('names every path of the external contract', () => {
    const paths = Object.keys(buildOpenApiDocument().paths ?? {});
    expect(paths).toEqual(
      expect.arrayContaining(['/v1/entities', '/v1/entities/{id}', '/v1/sources', '/v1/sources/{id}', '/v1/datasets', '/healthz', '/readyz']),
    );
  });
});
