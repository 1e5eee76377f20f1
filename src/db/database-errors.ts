// SQLSTATE classes that mean "the database is not there right now", not "the query is wrong":
// 08 connection exception, 53 insufficient resources, 57014 cancelled (statement_timeout), 57P01–57P03 shutdown /
// cannot connect now.
const UNAVAILABLE_SQLSTATE = /^(08|53|57014|57P0[123])/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = [
  /PGlite is closed/i,
  /driver has already been destroyed/i,
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  // pg's client-side bound (query_timeout): the answer never came.
  /Query read timeout/i,
  /Connection terminated due to connection timeout/i,
];

/** True when an error says the database is unreachable or going away (answer 503), not that a query is bad. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const { code } = current as Error & { code?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : ''))) return true;
    current = current.cause;
  }
  return false;
}
