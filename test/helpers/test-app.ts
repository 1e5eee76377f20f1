import pino from 'pino';
import type { Express } from 'express';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT, type Config } from '../../src/config';
import { createContext, type AppContext } from '../../src/context';
import { createApp } from '../../src/http/app';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: Express;
  context: AppContext;
  close(): Promise<void>;
}

/**
 * The OFAC and UK lists switched off: a test that is not about them loads only the UN list and the investigation
 * (the full lists would add seconds to every test file). Tests about them pass the small fixtures instead.
 */
export const FURTHER_LISTS_OFF = { OFAC_SDN_DIR: '', UK_LIST_FILE: '' } as const;

/** The small fixture lists (rows copied from the published files): what a test of cross-list behaviour loads. */
export const SMALL_FURTHER_LISTS = {
  OFAC_SDN_DIR: path.join(PROJECT_ROOT, 'test/fixtures/ofac/small'),
  UK_LIST_FILE: path.join(PROJECT_ROOT, 'test/fixtures/uk/small/ConList.csv'),
} as const;

/** The real app on a fresh test database with the bundled data loaded; one per test file. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...FURTHER_LISTS_OFF, ...env });
  const database = await openTestDatabase();
  const context = await createContext(config, { database, log: pino({ level: 'silent' }) });
  await context.prepare();
  return { app: createApp(context), context, close: () => context.close() };
}
