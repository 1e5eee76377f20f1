import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.join(__dirname, '..', '..', '..');

/** An ephemeral loopback port, free when asked (the service binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server these tests share between processes: TEST_DATABASE_URL (CI), or else a private one started
 * with scripts/postgres-test-server.sh on an ephemeral loopback port (needs PostgreSQL installed).
 */
export async function postgresServer(): Promise<PostgresServer> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-pg-'));
  const script = path.join(ROOT, 'scripts', 'postgres-test-server.sh');
  const url = execFileSync(script, ['start', dir, String(await freePort())], { encoding: 'utf8' }).trim();
  return {
    url,
    stop: async () => {
      execFileSync(script, ['stop', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on `serverUrl`; `drop()` removes it. */
export async function createDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface ServiceProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** What the process wrote so far (for failure messages). */
  output(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** SIGKILL: no shutdown code runs, in-flight transactions die with the connection. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit; resolves with the exit code (null when a signal ended it). */
  stop(): Promise<number | null>;
  /** Resolves once /readyz answers 200; rejects if the process exits first. */
  ready(): Promise<void>;
}

export interface StartOptions {
  /** Resolve only once /readyz answers 200 (default); false: as soon as the process is spawned. */
  waitReady?: boolean;
  /** Run the compiled service (`dist/src/main.js`, after `npm run build`) instead of the sources with tsx. */
  compiled?: boolean;
}

/**
 * The real service (src/main.ts, run by node with tsx's loader, one process: a signal reaches everything) on an
 * ephemeral port; resolves once /readyz answers 200 unless told not to wait.
 */
export async function startService(env: Record<string, string>, options: StartOptions = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const args = options.compiled ? ['dist/src/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      LOG_REQUESTS: 'false',
      RATE_LIMIT_MAX: '0',
      // The OFAC and UK lists off unless a test asks for them (see FURTHER_LISTS_OFF).
      OFAC_SDN_DIR: '',
      UK_LIST_FILE: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const url = `http://127.0.0.1:${port}`;
  const ready = async () => {
    for (;;) {
      if (!alive()) throw new Error(`service exited before it was ready:\n${output}`);
      if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  if (options.waitReady !== false) await ready();
  const signal = async (name: NodeJS.Signals) => {
    if (alive()) child.kill(name);
    return exited;
  };
  return {
    url,
    pid: child.pid ?? -1,
    child,
    output: () => output,
    alive,
    kill: async () => {
      await signal('SIGKILL');
    },
    stop: () => signal('SIGTERM'),
    ready,
  };
}
