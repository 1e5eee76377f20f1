import { authHeaders, CliError, describeProblem, parseCommandLine, reasonOf, serviceUrl, type Io } from './service-client';
import type { z } from 'zod';
import type { presentAlert } from '../monitoring/monitoring-service';
import type { AlertKindSchema, AlertStatusSchema } from '../monitoring/monitoring-routes';

type Alert = ReturnType<typeof presentAlert>;
type AlertKind = z.infer<typeof AlertKindSchema>;
type AlertStatus = z.infer<typeof AlertStatusSchema>;

// What the service accepts for ?kind= and ?status= (checked here so that a typo is bad usage, not a 400).
const KINDS = ['new-match', 'match-amended', 'match-removed'] as const satisfies readonly AlertKind[];
const STATUSES = ['open', 'acknowledged', 'closed'] as const satisfies readonly AlertStatus[];
// Alerts shown unless --limit says otherwise: a morning's work, not the whole history.
const LIMIT_DEFAULT = 100;
// The largest page the service serves.
const PAGE_SIZE = 500;
// A counterparty reference as the service takes it.
const REFERENCE_MAX = 256;
// --since: a date (its midnight, UTC) or a date and time with its offset.
const SINCE_FORMAT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
// Widest kind and status, so that the columns line up.
const KIND_WIDTH = Math.max(...KINDS.map((k) => k.length));
const STATUS_WIDTH = Math.max(...STATUSES.map((s) => s.length));

const USAGE = `usage: npm run alerts -- [options]
       npx sanctions-screening alerts [options]

Lists the alerts ongoing monitoring raised (a new list version against the monitored counterparties), newest
first, one line each: created at, kind, status, reference, entity id and name, alert id.

  --status <status>     only alerts in this status: ${STATUSES.join(', ')}
  --kind <kind>         only alerts of this kind: ${KINDS.join(', ')}
  --reference <ref>     only the alerts of one monitored counterparty
  --since <time>        only alerts created at or after this time: 2026-03-01 (midnight UTC) or 2026-03-01T06:00:00Z
  --limit <n>           at most this many alerts (default: ${LIMIT_DEFAULT}); pages are followed up to it
  --url <url>           the service (default: $SCREENING_URL or http://127.0.0.1:3000)
  --key <key>           API key with the review scope (default: $SCREENING_API_KEY; none in open development mode)

To acknowledge or close an alert: PATCH /v1/alerts/{id} with { "status": "acknowledged" | "closed", "note": "…" }.
Exit status: 0 when listed (none is fine), 1 when the service refused or could not be reached, 2 on bad usage.`;

interface Options {
  url: string;
  key: string | undefined;
  /** The filters, as the query of GET /v1/alerts takes them. */
  filters: { status?: AlertStatus; kind?: AlertKind; reference?: string; since?: string };
  limit: number;
}

const usageError = (message: string) => new CliError(`${message}\n${USAGE}`, 2);

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw usageError(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return found;
}

/** The options, or 'help' when asked for the usage. */
function parseOptions(argv: string[], env: Io['env']): Options | 'help' {
  const parsed = parseCommandLine(
    argv,
    { status: { type: 'string' }, kind: { type: 'string' }, reference: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' } },
    USAGE,
  );
  const { positionals, values } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
  const limit = values.limit === undefined ? LIMIT_DEFAULT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw usageError(`--limit must be a whole number from 1, not "${values.limit}"`);
  const reference = values.reference?.trim();
  if (reference !== undefined && (reference === '' || reference.length > REFERENCE_MAX)) {
    throw usageError(`--reference must be 1 to ${REFERENCE_MAX} characters, not "${values.reference}"`);
  }
  let since: string | undefined;
  if (values.since !== undefined) {
    const time = new Date(values.since);
    if (!SINCE_FORMAT.test(values.since) || Number.isNaN(time.getTime())) {
      throw usageError(`--since must be a date (2026-03-01) or a date and time (2026-03-01T06:00:00Z), not "${values.since}"`);
    }
    since = time.toISOString();
  }
  const status = oneOf('--status', values.status, STATUSES);
  const kind = oneOf('--kind', values.kind, KINDS);
  return {
    url: serviceUrl(values.url, env),
    key: values.key ?? env.SCREENING_API_KEY,
    filters: {
      ...(status !== undefined ? { status } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(reference !== undefined ? { reference } : {}),
      ...(since !== undefined ? { since } : {}),
    },
    limit,
  };
}

/**
 * `alerts`: a client of GET /v1/alerts. Prints the alerts that match the filters, newest first, one line each,
 * following the pages up to --limit; says on stderr when more match. Never changes an alert. Returns the exit code.
 */
export async function alertsCommand(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  try {
    const options = parseOptions(argv, io.env);
    if (options === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(options.key) };
    let shown = 0;
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ ...options.filters, limit: String(Math.min(PAGE_SIZE, options.limit - shown)), ...(cursor !== null ? { cursor } : {}) });
      const page = await getPage(options.url, `/v1/alerts?${query.toString()}`, headers);
      for (const alert of page.items) io.stdout.write(`${alertLine(alert)}\n`);
      shown += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null && shown < options.limit);
    if (shown === 0) io.stderr.write('no alerts match\n');
    else if (cursor !== null) io.stderr.write(`${shown} alerts shown; more match (raise --limit, or narrow with --status, --kind, --reference, --since)\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`alerts failed: ${reasonOf(error)}\n`);
    return 1;
  }
}

/** `2026-03-01T06:00:12.000Z  new-match      open          CUST-0042  un-IRi.001  FEREIDOUN ABBASI-DAVANI  8d2f0c1e-…` */
export function alertLine(alert: Pick<Alert, 'createdAt' | 'kind' | 'status' | 'reference' | 'entityId' | 'entityName' | 'id'>): string {
  // A match-removed alert may carry no name but the entity id: it is not repeated.
  const entity = alert.entityName === alert.entityId ? alert.entityId : `${alert.entityId}  ${alert.entityName}`;
  return [alert.createdAt, alert.kind.padEnd(KIND_WIDTH), alert.status.padEnd(STATUS_WIDTH), alert.reference, entity, alert.id].join('  ');
}

async function getPage(url: string, route: string, headers: Record<string, string>): Promise<{ items: Alert[]; nextCursor: string | null }> {
  let response: Response;
  try {
    response = await fetch(`${url}${route}`, { headers });
  } catch (error) {
    throw new CliError(`cannot reach the service at ${url}: ${reasonOf(error)}`);
  }
  if (!response.ok) throw new CliError(`GET ${route} failed: ${await describeProblem(response)}`);
  return (await response.json()) as { items: Alert[]; nextCursor: string | null };
}

if (require.main === module) {
  alertsCommand(process.argv.slice(2)).then((code) => process.exit(code));
}
