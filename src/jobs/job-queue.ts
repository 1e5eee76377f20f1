import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import { isDatabaseUnavailable } from '../db/database-errors';
import { pgBossDatabase, transactionDatabase } from './pg-boss-database';

/** The queue of job chunks; one message per chunk. */
export const CHUNK_QUEUE = 'screening-job-chunks';
/** Where pg-boss moves a chunk that used up its attempts; its worker fails the job with the chunk's last error. */
export const FAILED_CHUNK_QUEUE = 'screening-job-chunks-failed';

export interface ChunkMessage {
  jobId: string;
  chunk: number;
}

export interface JobQueueOptions {
  /** A chunk not finished this long after a replica took it (the replica died, say) is handed to another. */
  chunkTimeoutSeconds: number;
  /** Further attempts at a failing chunk before its job fails. */
  chunkRetries: number;
  /** How often pg-boss looks for chunks whose replica stopped answering. */
  maintenanceIntervalSeconds: number;
  /** How often an idle worker asks for a chunk. */
  pollingIntervalSeconds: number;
}

// Delay before a failed chunk is tried again (doubling with each attempt).
const RETRY_DELAY_SECONDS = 1;
// On shutdown, chunks in flight get this long to commit before pg-boss hands them back.
const STOP_TIMEOUT_MS = 10_000;

/**
 * The job queue on pg-boss 10, in the service's own database (PGlite or PostgreSQL): chunk messages are enqueued in
 * the upload's transaction and taken with SKIP LOCKED by any replica's workers. pg-boss gives the leases (a taken
 * chunk comes back after `chunkTimeoutSeconds`), the retries and the dead letters; exactly-once effect is the
 * chunk commit's business (see `commitChunk`).
 */
export class JobQueue {
  private boss: PgBoss;
  private readonly handle: DatabaseHandle;
  private readonly workerIds: string[] = [];
  private started = false;

  constructor(
    handle: DatabaseHandle,
    private readonly options: JobQueueOptions,
    private readonly log: Logger,
  ) {
    this.handle = handle;
    this.boss = this.createBoss();
  }

  private createBoss(): PgBoss {
    const boss = new PgBoss({
      db: pgBossDatabase(this.handle),
      schedule: false,
      supervise: true,
      migrate: true,
      maintenanceIntervalSeconds: this.options.maintenanceIntervalSeconds,
    });
    // pg-boss reports a failed poll or maintenance run here and tries again on its next round: while the database is
    // away that is expected, one warning a round; anything else is a real error.
    boss.on('error', (err) => {
      if (isDatabaseUnavailable(err)) this.log.warn({ reason: err.message }, 'job queue cannot reach the database; retrying');
      else this.log.error({ err }, 'job queue error');
    });
    return boss;
  }

  /**
   * Creates (or migrates) pg-boss's schema and the queues. Replicas starting together take turns: pg-boss 10's
   * `createQueue` run concurrently on one database can deadlock (its INSERT into pgboss.queue against the other's
   * partition creation), which would stop a replica from starting.
   */
  async start(): Promise<void> {
    if (this.started) return;
    await this.handle.exclusively('sanctions-screening:job-queue-setup', async () => {
      try {
        await this.boss.start();
        await this.setUpQueues();
      } catch (error) {
        // A pg-boss whose start failed half-way would answer a second start() as already started: the next try
        // (the database back, say) gets a new one.
        await this.boss.stop({ graceful: false, wait: true }).catch(() => undefined);
        this.boss = this.createBoss();
        throw error;
      }
      this.started = true;
    });
  }

  private async setUpQueues(): Promise<void> {
    await this.boss.createQueue(FAILED_CHUNK_QUEUE);
    const queue: PgBoss.Queue = {
      name: CHUNK_QUEUE,
      retryLimit: this.options.chunkRetries,
      retryDelay: RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: this.options.chunkTimeoutSeconds,
      deadLetter: FAILED_CHUNK_QUEUE,
    };
    await this.boss.createQueue(CHUNK_QUEUE, queue);
    // An existing queue takes this replica's settings (createQueue leaves an existing queue as it was).
    await this.boss.updateQueue(CHUNK_QUEUE, queue);
  }

  /**
   * Enqueues a job's chunks inside the caller's transaction, so a job is queued exactly when its upload commits.
   * pg-boss takes messages by priority, then (created_on, id). Chunk k has priority −k, so the jobs in the queue take
   * turns chunk by chunk instead of first come, first served: a nightly file of a thousand names uploaded behind a
   * re-screening of the whole book starts at once and finishes in seconds. Within a job, chunks go in input order.
   */
  async enqueueChunks(trx: Transaction<Database>, jobId: string, chunks: number): Promise<void> {
    const messages = Array.from({ length: chunks }, (_, chunk) => ({
      id: `${chunk.toString(16).padStart(8, '0')}${randomUUID().slice(8)}`,
      name: CHUNK_QUEUE,
      priority: -chunk,
      data: { jobId, chunk } satisfies ChunkMessage,
    }));
    await this.boss.insert(messages, { db: transactionDatabase(trx) });
  }

  /**
   * Starts `concurrency` workers on this replica. `onChunk` runs one chunk; a throw is an attempt that failed.
   * `onChunkFailed` runs once for a chunk that used up its attempts.
   */
  async work(
    concurrency: number,
    onChunk: (message: ChunkMessage) => Promise<void>,
    onChunkFailed: (message: ChunkMessage) => Promise<void>,
  ): Promise<void> {
    const polling = { pollingIntervalSeconds: this.options.pollingIntervalSeconds };
    for (let i = 0; i < concurrency; i++) {
      let workerId = '';
      workerId = await this.boss.work<ChunkMessage>(CHUNK_QUEUE, { ...polling, batchSize: 1 }, async ([job]) => {
        if (job) await onChunk(job.data);
        // A worker that just finished a chunk asks for the next one at once instead of sleeping a polling interval.
        this.boss.notifyWorker(workerId);
      });
      this.workerIds.push(workerId);
    }
    await this.boss.work<ChunkMessage>(FAILED_CHUNK_QUEUE, polling, async ([job]) => {
      if (job) await onChunkFailed(job.data);
    });
  }

  /** Wakes this replica's idle workers (new chunks were just enqueued). */
  wake(): void {
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }

  /** Stops taking chunks, gives the chunks in flight a moment to commit, then stops. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
  }
}
