import pino from 'pino';
import type { Express } from 'express';
import { loadConfig, type Config } from '../../src/config';
import { createContext, type AppContext } from '../../src/context';
import { createApp } from '../../src/http/app';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: Express;
  context: AppContext;
  close(): Promise<void>;
}

/** The real app on a fresh test database with the bundled data loaded; one per test file. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const database = await openTestDatabase();
  const context = await createContext(config, { database, log: pino({ level: 'silent' }) });
  await context.prepare();
  return { app: createApp(context), context, close: () => context.close() };
}
