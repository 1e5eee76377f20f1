import net from 'node:net';
import { loadConfig } from './config';
import { createContext } from './context';
import { createApp } from './http/app';

// After an unexpected error, in-flight work gets this long before the process exits anyway.
const CRASH_EXIT_DEADLINE_MS = 5_000;

/** Starts the service: listens at once (so /healthz answers), then migrates and loads data (then /readyz is 200). */
async function main(): Promise<void> {
  const config = loadConfig();
  const context = await createContext(config);
  const app = createApp(context);
  const server = app.listen(config.PORT, config.HOST, () => {
    context.log.info({ port: config.PORT, host: config.HOST, database: context.database.kind }, 'listening');
  });
  // Drop clients that trickle their headers in. No whole-request limit: a job file of a million rows may take
  // minutes to upload; JSON routes answer slow requests themselves after REQUEST_TIMEOUT_MS.
  server.headersTimeout = Math.min(config.REQUEST_TIMEOUT_MS, 60_000);
  server.requestTimeout = 0;

  let stopping = false;
  // While shutting down every answer closes its connection: a keep-alive client sending request after request on
  // its connection would otherwise hold the server open for ever.
  server.prependListener('request', (_req, res) => {
    if (stopping) res.setHeader('Connection', 'close');
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    context.log.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down: no new connections, finishing requests in flight');
    // Connections close after their next answer, or when their keep-alive timer ends; past the grace period,
    // whatever is left is closed.
    const deadline = setTimeout(() => {
      context.log.warn('shutdown grace period over: closing the connections still open');
      server.closeAllConnections();
    }, config.SHUTDOWN_GRACE_MS);
    // Stop accepting connections. Not http's server.close(): it also closes every idle keep-alive connection at
    // once, and a client whose next request is already on its way over one of them sees a reset.
    net.Server.prototype.close.call(server, () => {
      clearTimeout(deadline);
      context.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // The safety net, for a bug only: every expected failure (a lost database connection among them) is handled where
  // it happens. State after an unexpected throw cannot be trusted, so the process says why and exits non-zero for
  // its supervisor to restart it, after letting the server close within a short bound.
  const crash = (err: unknown, origin: string) => {
    context.log.fatal({ err, origin }, 'unexpected error; exiting so that the process is restarted');
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(1), CRASH_EXIT_DEADLINE_MS).unref();
    server.close(); // also closes idle keep-alive connections
    context.close().finally(() => process.exit(1));
  };
  process.on('uncaughtException', (err, origin) => crash(err, origin));
  process.on('unhandledRejection', (reason) => crash(reason, 'unhandledRejection'));

  try {
    await context.prepare();
  } catch (error) {
    context.log.fatal({ err: error }, 'could not load data; exiting');
    server.close();
    await context.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
