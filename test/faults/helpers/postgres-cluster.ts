import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../jobs/helpers/service-process';

const ROOT = path.join(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'postgres-test-server.sh');

export type StopMode = 'fast' | 'immediate';

/** A private PostgreSQL cluster this process starts, stops and restarts at will (the fault suite's database). */
export interface PostgresCluster {
  /** Connection URL of the `postgres` database. */
  url: string;
  port: number;
  /** Starts the stopped server again on the same port and data; resolves when it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast` (sessions ended cleanly) or `-m immediate` (a crash: connections just drop). */
  stop(mode: StopMode): Promise<void>;
  restart(mode: StopMode): Promise<void>;
  /** Stops the server for good and removes its data. */
  destroy(): void;
}

function isPostgresInstalled(): boolean {
  const base = '/usr/lib/postgresql';
  return fs.existsSync(base) && fs.readdirSync(base).some((version) => fs.existsSync(path.join(base, version, 'bin', 'pg_ctl')));
}

/**
 * initdb and start a cluster in a temporary folder on an ephemeral loopback port, with
 * scripts/postgres-test-server.sh. Throws, saying what to install, when Debian's PostgreSQL is missing.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!isPostgresInstalled()) {
    throw new Error('the fault suite needs a PostgreSQL server: install Debian\'s package with `apt-get install -y postgresql`');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-pg-'));
  const port = await freePort();
  // Asynchronous, so the load the test keeps running goes on while pg_ctl works.
  const run = async (...args: string[]) => {
    await promisify(execFile)(SCRIPT, args, { encoding: 'utf8' });
  };
  const url = execFileSync(SCRIPT, ['start', dir, String(port)], { encoding: 'utf8' }).trim();
  return {
    url,
    port,
    start: () => run('start', dir, String(port)),
    stop: (mode) => run('stop', dir, mode),
    restart: (mode) => run('restart', dir, mode),
    destroy: () => {
      execFileSync(SCRIPT, ['stop', dir, 'immediate']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
