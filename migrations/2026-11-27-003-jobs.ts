import { sql, type Kysely } from 'kysely';

/**
 * Batch screening jobs: the job, its rows as uploaded, its chunks (the unit of work and of commit) and one result
 * per row. The queue itself is pg-boss's own schema, created by pg-boss. Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // receiving (upload in progress), queued, running, succeeded, failed, cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text')
    .addColumn('idempotency_key', 'text')
    // sha256 over the format, the threshold and the decoded body: "the same request" for Idempotency-Key.
    .addColumn('fingerprint', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision')
    // Rows per chunk, fixed at upload so a configuration change never re-cuts a job in flight.
    .addColumn('chunk_rows', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chunks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviews', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clears', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invalid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Moves while the upload streams in; a 'receiving' job untouched for long is an abandoned upload.
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // Idempotency-Key is scoped to the API key (open development mode: the empty scope); one job per key.
  await db.schema
    .createIndex('jobs_idempotency_idx')
    .on('jobs')
    .unique()
    .expression(sql`coalesce(api_key_id, ''), idempotency_key`)
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute();

  await db.schema
    .createTable('job_rows')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    // 0-based position among the data rows; chunk n holds ordinals [n * chunk_rows, (n + 1) * chunk_rows).
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    // The line of the file where the row starts (1-based; a CSV header is line 1).
    .addColumn('line', 'integer', (c) => c.notNull())
    // The row exactly as received: the CSV cells by column name, or the NDJSON value; its text when unreadable.
    .addColumn('input', 'jsonb', (c) => c.notNull())
    // Why the row could not be read (not JSON, too many CSV fields); such a row is reported, never screened.
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('job_rows_pk', ['job_id', 'ordinal'])
    .execute();

  await db.schema
    .createTable('job_chunks')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('chunk', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    // pending, done. A chunk is done exactly when its results and audit records committed.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // The replica (host:pid:instance) whose transaction committed the chunk.
    .addColumn('worker', 'text')
    .addColumn('last_error', 'text')
    .addColumn('screen_ms', 'integer')
    .addColumn('commit_ms', 'integer')
    .addColumn('done_at', 'timestamptz')
    .addPrimaryKeyConstraint('job_chunks_pk', ['job_id', 'chunk'])
    .execute();

  await db.schema
    .createTable('job_results')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    // One result per line: the primary key is what makes a re-run chunk unable to duplicate a row.
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('row_id', 'text')
    .addColumn('reference', 'text')
    .addColumn('screening_id', 'text')
    // hit, review, clear, or invalid (the row failed validation and was not screened).
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('matches', 'jsonb', (c) => c.notNull())
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('job_results_pk', ['job_id', 'line'])
    .execute();
  // GET /v1/jobs/{id}/results?decision=: one decision's rows in input order, without reading the others.
  await db.schema.createIndex('job_results_decision_idx').on('job_results').columns(['job_id', 'decision', 'line']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['job_results', 'job_chunks', 'job_rows', 'jobs']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
