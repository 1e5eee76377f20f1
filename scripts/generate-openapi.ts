import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../src/http/openapi-document';

/** Writes openapi/openapi.json from the zod schemas; the drift test compares against this file. */
const target = path.join(__dirname, '..', 'openapi', 'openapi.json');
fs.writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
