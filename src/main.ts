import { loadConfig } from './config';
import { createContext } from './context';
import { createApp } from './http/app';

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
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    context.log.info({ signal }, 'shutting down');
    server.close(() => {
      context.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

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
