import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one app instance (own registry: no global state shared between apps or tests). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const screenings = new Counter({
    name: 'screenings_total',
    help: 'Screenings answered (and recorded), by kind and decision.',
    labelNames: ['kind', 'decision'] as const,
    registers: [registry],
  });
  const auditFailures = new Counter({
    name: 'audit_write_failures_total',
    help: 'Audit writes that failed; each withheld a result (503).',
    registers: [registry],
  });

  const observe: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      // The matched route pattern (not the raw path) keeps label cardinality bounded.
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: req.method, route: String(route), status: String(res.statusCode) });
    });
    next();
  };

  return { registry, observe, screenings, auditFailures };
}

export type Metrics = ReturnType<typeof createMetrics>;
