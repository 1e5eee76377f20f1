import { loadConfig, pgliteDataDir } from '../config';
import { migrateToLatest, openDatabase } from './database';

/** npm run migrate: brings the configured database to the latest schema and prints what ran. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({
    pgliteDataDir: pgliteDataDir(config),
    ...(config.DATABASE_URL !== undefined ? { databaseUrl: config.DATABASE_URL } : {}),
  });
  try {
    const result = await migrateToLatest(handle.db);
    const ran = result.results ?? [];
    process.stdout.write(ran.length === 0 ? 'schema is up to date\n' : ran.map((r) => `${r.status}: ${r.migrationName}\n`).join(''));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
