import { parseArgs } from 'node:util';
import { SCOPES, createApiKey, listApiKeys, revokeApiKey, type Scope } from '../auth/api-key-repository';
import { loadConfig } from '../config';
import { migrateToLatest, openConfiguredDatabase } from '../db/database';

const USAGE = `usage:
  npm run keys -- create --name <name> --scopes <${SCOPES.join(',')}>
  npm run keys -- list
  npm run keys -- revoke <key-id>
Uses DATABASE_URL (or the PGlite data directory, while the service is stopped).`;

/** API key management from the command line; prints a new key once, never stores it. Returns the exit code. */
export async function keysCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, scopes: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [command, arg] = positionals;
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(handle.longDb);
    switch (command) {
      case 'create': {
        const scopes = (values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
        if (!values.name || scopes.length === 0 || bad.length > 0) {
          process.stderr.write(`${bad.length > 0 ? `unknown scope(s): ${bad.join(', ')}\n` : ''}${USAGE}\n`);
          return 2;
        }
        const { key, info } = await createApiKey(handle.db, { name: values.name, scopes: scopes as Scope[] });
        if (values.json) process.stdout.write(`${JSON.stringify({ ...info, key })}\n`);
        else process.stdout.write(`created key ${info.id} (${info.name}) with scopes ${info.scopes.join(',')}\n${key}\nStore it now: it is shown only once.\n`);
        return 0;
      }
      case 'list': {
        for (const k of await listApiKeys(handle.db)) {
          process.stdout.write(`${k.id}  ${k.name}  ${k.scopes.join(',')}  created ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  last used ${k.lastUsedAt ?? 'never'}\n`);
        }
        return 0;
      }
      case 'revoke': {
        if (!arg) {
          process.stderr.write(`${USAGE}\n`);
          return 2;
        }
        const revoked = await revokeApiKey(handle.db, arg);
        process.stdout.write(revoked ? `revoked ${arg}\n` : `no active key ${arg}\n`);
        return revoked ? 0 : 1;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } finally {
    await handle.close();
  }
}

if (require.main === module) {
  keysCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
