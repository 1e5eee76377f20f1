import pino from 'pino';
import { Client } from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { CHUNK_QUEUE, FAILED_CHUNK_QUEUE, JobQueue } from '../../src/jobs/job-queue';
import { createDatabase, postgresServer, type PostgresServer } from './helpers/service-process';

/**
 * Replicas that start at the same moment on a fresh PostgreSQL database (a deployment rolling out several at once)
 * each set up pg-boss's schema and the queues. Unserialized, pg-boss 10's createQueue deadlocks; every replica must
 * come up. Each handle here has its own pool, as a separate process would.
 */
jest.setTimeout(300_000);

const REPLICAS = 4;
const ROUNDS = 3;
const OPTIONS = { chunkTimeoutSeconds: 30, chunkRetries: 2, maintenanceIntervalSeconds: 60, pollingIntervalSeconds: 1 };

let server: PostgresServer;
beforeAll(async () => {
  server = await postgresServer();
});
afterAll(async () => {
  await server?.stop();
});

test.each(Array.from({ length: ROUNDS }, (_, round) => round))(
  `${REPLICAS} replicas setting up the job queue at once on a fresh database all start (round %i)`,
  async (round) => {
    const database = await createDatabase(server.url, `queue_startup_${round}_${process.pid}`);
    const handles: DatabaseHandle[] = [];
    const queues: JobQueue[] = [];
    try {
      for (let i = 0; i < REPLICAS; i++) {
        const handle = await openDatabase({ databaseUrl: database.url, pgliteDataDir: 'memory://', poolSize: 4 });
        handles.push(handle);
        queues.push(new JobQueue(handle, OPTIONS, pino({ level: 'silent' })));
      }
      const outcomes = await Promise.allSettled(queues.map((queue) => queue.start()));
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'started'))).toEqual(Array(REPLICAS).fill('started'));

      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ name: string; dead_letter: string | null }>(
        'select name, dead_letter from pgboss.queue order by name',
      );
      await client.end();
      expect(rows).toEqual([
        { name: CHUNK_QUEUE, dead_letter: FAILED_CHUNK_QUEUE },
        { name: FAILED_CHUNK_QUEUE, dead_letter: null },
      ]);
    } finally {
      for (const queue of queues) await queue.stop().catch(() => undefined);
      for (const handle of handles) await handle.close().catch(() => undefined);
      await database.drop();
    }
  },
);
