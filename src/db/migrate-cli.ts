import { loadConfig } from '../config';
import { migrateToLatest, openConfiguredDatabase } from './database';

/** npm run migrate: brings the configured database to the latest schema and prints what ran. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  try {
    const result = await migrateToLatest(handle.longDb);
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
