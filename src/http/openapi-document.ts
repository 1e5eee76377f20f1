import fs from 'node:fs';
import path from 'node:path';
import { createDocument } from 'zod-openapi';
import { auditOperations } from '../audit/audit-routes';
import { datasetOperations } from '../datasets/dataset-routes';
import { keyOperations } from '../auth/key-routes';
import { whoamiOperations } from '../auth/whoami-routes';
import { webhookCallbacks, webhookOperations } from '../webhooks/webhook-routes';
import { PROJECT_ROOT } from '../config';
import { jobOperations } from '../jobs/job-routes';
import { monitoringOperations } from '../monitoring/monitoring-routes';
import { dispositionOperations } from '../screening/disposition-routes';
import { referenceOperations } from '../reference/reference-routes';
import { screeningOperations } from '../screening/screening-routes';
import { opsOperations } from './ops-routes';

/**
 * The OpenAPI 3.1 document: the operations each routes module exports (built from the zod schemas its routes
 * validate with), merged in reading order. `npm run openapi:generate` writes it to openapi/openapi.json; tests fail
 * when that file drifts or when a route and the document disagree.
 */
export function buildOpenApiDocument() {
  const packageJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sanctions screening API',
      version: packageJson.version,
      description:
        'Screens companies and people against the UN Security Council Consolidated List and the subjects of The Insider\'s investigation into North Korean workers brought into Russia as "students", with the evidence for every flag.',
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: '/', description: 'This server' }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from `npm run keys -- create`. Scopes: screen, read, audit, admin (admin implies all).',
        },
      },
    },
    // In the order a reader meets the API: screen first, then what the answers cite, then bulk work and the rest.
    tags: [
      { name: 'Screening', description: 'Screen one counterparty or a batch of up to 1,000.' },
      { name: 'Reference data', description: 'Entities, sources and dataset versions.' },
      { name: 'Datasets', description: 'List versions: import a new one, every version kept, what changed between two.' },
      { name: 'Jobs', description: 'Screen a whole file (millions of rows) as one batch job, then download the results.' },
      { name: 'Monitoring', description: 'Monitored counterparties, alerts when a list changes, analysts\' dispositions (scopes screen and review).' },
      { name: 'Audit', description: 'The hash-chained record of every screening.' },
      { name: 'Keys', description: 'API key management (admin scope).' },
      { name: 'Webhooks', description: 'Signed event notifications (Standard Webhooks) to registered endpoints (admin scope).' },
      { name: 'Operations', description: 'Health, readiness and documentation.' },
    ],
    paths: {
      ...screeningOperations,
      ...referenceOperations,
      ...datasetOperations,
      ...jobOperations,
      ...monitoringOperations,
      ...dispositionOperations,
      ...auditOperations,
      ...keyOperations,
      ...whoamiOperations,
      ...webhookOperations,
      ...opsOperations,
    },
    // What this service sends to registered webhook endpoints.
    webhooks: webhookCallbacks,
  });
}
