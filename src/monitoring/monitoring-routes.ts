import { Router } from 'express';
import { z } from 'zod';
import type { Auth } from '../auth/auth-middleware';
import { QUERY_TYPES } from '../model/screening';
import { listsSchema } from '../screening/screening-schemas';
import { cursorPage, cursorParam, limitParam } from '../shared/api-schemas';
import { allowOnly } from '../shared/method-not-allowed';
import { del, get, ok, patch, post, problem, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import type { MonitoringService } from './monitoring-service';

const reference = z.string().trim().min(1).max(256).meta({ example: 'CUST-0042' });

export const MonitorInputSchema = z
  .strictObject({
    reference: reference.meta({ description: "The client's own id of the counterparty, unique in the deployment: the key of the upsert." }),
    name: z.string().trim().min(1).max(512),
    type: z.enum(QUERY_TYPES).default('any'),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals, e.g. RU').optional(),
    birthDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD').optional(),
    lists: listsSchema.optional().meta({ description: 'The lists it is screened against, now and on every list update; default: all loaded.' }),
  })
  .meta({ id: 'MonitorInput' });

export const MonitorUpsertSchema = z
  .union([MonitorInputSchema, z.strictObject({ items: z.array(MonitorInputSchema).min(1).max(1000) })])
  .superRefine((body, ctx) => {
    const items = 'items' in body ? body.items : [body];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.reference)) ctx.addIssue({ code: 'custom', path: ['items', i, 'reference'], message: `reference "${item.reference}" appears twice` });
      seen.add(item.reference);
    });
  })
  .meta({ id: 'MonitorUpsert', description: 'One counterparty, or up to 1,000 as `items`.' });

const MonitorSchema = z
  .object({
    reference: z.string(),
    name: z.string(),
    type: z.string(),
    country: z.string().nullable(),
    birthDate: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lists: z.array(z.string()).nullable().meta({ description: 'The lists it is screened against; null: all loaded.' }),
    lastScreeningId: z.string().nullable(),
    lastScreenedAt: z.string().nullable(),
  })
  .meta({ id: 'Monitor' });

const MonitorDetailSchema = MonitorSchema.extend({
  matches: z.array(z.object({ entityId: z.string(), score: z.number(), screeningId: z.string() })).meta({ description: 'What it matches now.' }),
}).meta({ id: 'MonitorDetail' });

const MonitorUpsertResultSchema = z
  .object({
    items: z.array(
      z.object({
        reference: z.string(),
        status: z.enum(['created', 'updated', 'unchanged']),
        screeningId: z.string().optional().meta({ description: 'The screening of a new or changed counterparty (audited).' }),
        decision: z.enum(['hit', 'review', 'clear']).optional(),
        matches: z.number().int().optional(),
      }),
    ),
    summary: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  })
  .meta({ id: 'MonitorUpsertResult' });

export const AlertKindSchema = z.enum(['new-match', 'match-amended', 'match-removed']);
export const AlertStatusSchema = z.enum(['open', 'acknowledged', 'closed']);

const AlertSchema = z
  .object({
    id: z.string(),
    kind: AlertKindSchema,
    status: AlertStatusSchema,
    reference: z.string(),
    entityId: z.string(),
    entityName: z.string(),
    screeningId: z.string().meta({ description: 'The screening that produced it (GET /v1/screenings/{id}).' }),
    jobId: z.string().meta({ description: 'The monitoring job (GET /v1/jobs/{id}).' }),
    datasetVersionsBefore: z.record(z.string(), z.string()),
    datasetVersionsAfter: z.record(z.string(), z.string()),
    match: z.unknown().meta({ description: 'The match with explanation, flags and citations (as last matched, for match-removed).' }),
    changes: z.unknown().meta({ description: 'match-amended: the field-level diff of the listing.' }),
    note: z.string().nullable(),
    updatedBy: z.string().nullable(),
    closedReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Alert' });

export const AlertQuerySchema = z.strictObject({
  status: AlertStatusSchema.optional(),
  kind: AlertKindSchema.optional(),
  reference: reference.optional(),
  since: z.iso.datetime({ offset: true }).optional().meta({ description: 'Alerts created at or after this time.' }),
  limit: limitParam,
  cursor: cursorParam,
});

export const AlertPatchSchema = z
  .strictObject({ status: AlertStatusSchema, note: z.string().trim().min(1).max(2000).optional() })
  .meta({ id: 'AlertPatch' });

const ReferenceParams = z.object({ reference });
const AlertParams = z.object({ id: z.string().min(1).max(64) });
const PageQuery = z.strictObject({ limit: limitParam, cursor: cursorParam });

/** /v1/monitors (scope screen) and /v1/alerts (scope review). */
export function monitoringRoutes(monitoring: MonitoringService, auth: Auth): Router {
  const router = Router();
  const screen = auth.requireScope('screen');
  const review = auth.requireScope('review');
  router
    .route('/v1/monitors')
    .post(...screen, async (req, res) => {
      const body = parseRequest(MonitorUpsertSchema, req.body, 'body');
      res.json(await monitoring.upsert('items' in body ? body.items : [body], req.auth?.keyId ?? null));
    })
    .get(...screen, async (req, res) => {
      const { limit, cursor } = parseRequest(PageQuery, req.query, 'query');
      res.json(await monitoring.list(limit, cursor));
    })
    .all(allowOnly('GET', 'POST'));
  router
    .route('/v1/monitors/:reference')
    .get(...screen, async (req, res) => {
      const { reference: ref } = parseRequest(ReferenceParams, req.params, 'path');
      res.json(await monitoring.get(ref));
    })
    .delete(...screen, async (req, res) => {
      const { reference: ref } = parseRequest(ReferenceParams, req.params, 'path');
      await monitoring.remove(ref);
      res.status(204).end();
    })
    .all(allowOnly('GET', 'DELETE'));
  router
    .route('/v1/alerts')
    .get(...review, async (req, res) => {
      const { limit, cursor, ...filters } = parseRequest(AlertQuerySchema, req.query, 'query');
      res.json(await monitoring.listAlerts(filters, limit, cursor));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/alerts/:id')
    .get(...review, async (req, res) => {
      const { id } = parseRequest(AlertParams, req.params, 'path');
      res.json(await monitoring.getAlert(id));
    })
    .patch(...review, async (req, res) => {
      const { id } = parseRequest(AlertParams, req.params, 'path');
      const change = parseRequest(AlertPatchSchema, req.body, 'body');
      res.json(await monitoring.updateAlert(id, change, req.auth?.keyId ?? null));
    })
    .all(allowOnly('GET', 'PATCH'));
  return router;
}

const exampleAlert = {
  id: '8d2f0c1e-2f7a-4f0e-9a55-0b1c2d3e4f50',
  kind: 'new-match',
  status: 'open',
  reference: 'CUST-0042',
  entityId: 'un-IRi.001',
  entityName: 'FEREIDOUN ABBASI-DAVANI',
  screeningId: '0b7d…',
  jobId: '5e1a…',
  datasetVersionsBefore: { un: 'c6ca6996…', investigation: '…', resolutions: '…' },
  datasetVersionsAfter: { un: '66b392a4…', investigation: '…', resolutions: '…' },
  match: { entityId: 'un-IRi.001', score: 0.97, isMatch: true, explanation: { summary: 'name exact' } },
  changes: null,
  note: null,
  updatedBy: null,
  closedReason: null,
  createdAt: '2026-03-01T06:00:12.000Z',
  updatedAt: '2026-03-01T06:00:12.000Z',
};

export const monitoringOperations: ApiOperations = {
  '/v1/monitors': {
    ...post({
      operationId: 'upsertMonitors',
      summary: 'Enrol or update monitored counterparties (upsert by reference)',
      description: 'New and changed counterparties are screened at once (audited) and their matches recorded; each new list version then re-screens the counterparties it may concern and raises alerts (GET /v1/alerts).',
      tags: ['Monitoring'],
      requestBody: { required: true, content: { 'application/json': { schema: MonitorUpsertSchema, example: { items: [{ reference: 'CUST-0042', name: 'Park Yong-sik', type: 'person', birthDate: '1949' }] } } } },
      responses: ok(MonitorUpsertResultSchema, 'What each item became, with its screening.'),
    }),
    ...get({
      operationId: 'listMonitors',
      summary: 'Monitored counterparties, by reference',
      tags: ['Monitoring'],
      requestParams: { query: PageQuery },
      responses: ok(cursorPage(MonitorSchema, 'MonitorPage'), 'One page.'),
    }),
  },
  '/v1/monitors/{reference}': {
    ...get({
      operationId: 'getMonitor',
      summary: 'One monitored counterparty and what it matches now',
      tags: ['Monitoring'],
      requestParams: { path: ReferenceParams },
      responses: { ...ok(MonitorDetailSchema, 'The counterparty.'), '404': problem('Not monitored.') },
    }),
    ...del({
      operationId: 'deleteMonitor',
      summary: 'Stop monitoring a counterparty (its alerts stay)',
      tags: ['Monitoring'],
      requestParams: { path: ReferenceParams },
      responses: { '204': { description: 'No longer monitored.' }, '404': problem('Not monitored.') },
    }),
  },
  '/v1/alerts': get({
    operationId: 'listAlerts',
    summary: 'Alerts raised by new list versions, newest first (scope review)',
    tags: ['Monitoring'],
    requestParams: { query: AlertQuerySchema },
    responses: ok(cursorPage(AlertSchema, 'AlertPage'), 'One page of alerts.', { items: [exampleAlert], nextCursor: null }),
  }),
  '/v1/alerts/{id}': {
    ...get({
      operationId: 'getAlert',
      summary: 'One alert (scope review)',
      tags: ['Monitoring'],
      requestParams: { path: AlertParams },
      responses: { ...ok(AlertSchema, 'The alert.', exampleAlert), '404': problem('No such alert.') },
    }),
    ...patch({
      operationId: 'updateAlert',
      summary: 'Acknowledge or close an alert (scope review)',
      tags: ['Monitoring'],
      requestParams: { path: AlertParams },
      requestBody: { required: true, content: { 'application/json': { schema: AlertPatchSchema, example: { status: 'acknowledged', note: 'Assigned to case 2026-118.' } } } },
      responses: { ...ok(AlertSchema, 'The alert as it now stands.'), '404': problem('No such alert.') },
    }),
  },
};
