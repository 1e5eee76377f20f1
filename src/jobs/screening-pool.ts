import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { threadScript } from '../shared/thread-script';
import type { DataSnapshot } from '../datasets/load-snapshot';
import type { JobRowToScreen, ScreenRowsOptions, ScreenedJobRow } from './screen-job-rows';

/** What a thread needs of a snapshot; the matcher is rebuilt inside the thread, the rest is structured-cloned. */
// What crosses to a thread: plain data. The thread builds the matcher and the subject links again from the entities.
type SnapshotData = Omit<DataSnapshot, 'matcher' | 'subjects'>;

/** What a thread is started with. */
export interface ThreadData {
  /** Nice value for the thread (0: unchanged). */
  nice: number;
}

export type ThreadRequest =
  | { type: 'dataset'; dataset: SnapshotData }
  | {
      type: 'screen';
      taskId: number;
      datasetVersion: string;
      rows: JobRowToScreen[];
      options: Omit<ScreenRowsOptions, 'now'> & { now: string };
    };

export type ThreadReply =
  | { type: 'screened'; taskId: number; rows: ScreenedJobRow[]; screenMs: number }
  | { type: 'failed'; taskId: number; message: string };

interface Task {
  id: number;
  snapshot: DataSnapshot;
  rows: JobRowToScreen[];
  options: Omit<ScreenRowsOptions, 'now'>;
  resolve: (value: { rows: ScreenedJobRow[]; screenMs: number }) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  datasetVersion: string | null;
  task: Task | null;
}

/**
 * A small pool of worker threads that screen job chunks, so a job never blocks the HTTP event loop. Threads start
 * on first use; each builds the matcher once per dataset version, when the first chunk of that version reaches it.
 */
export class ScreeningPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Task[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(
    private readonly options: { threads: number; nice: number },
    private readonly log: Logger,
  ) {}

  /** Screens `rows` in a thread against `snapshot`; rejects if the thread fails or the pool closes first. */
  screen(snapshot: DataSnapshot, rows: JobRowToScreen[], options: Omit<ScreenRowsOptions, 'now'>): Promise<{ rows: ScreenedJobRow[]; screenMs: number }> {
    if (this.closed) return Promise.reject(new Error('the screening pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextTaskId++, snapshot, rows, options, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the screening pool closed'));
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.find((t) => t.task === null) ?? this.spawn();
      if (!thread) return;
      const task = this.queue.shift()!;
      thread.task = task;
      const { snapshot } = task;
      if (thread.datasetVersion !== snapshot.datasetVersion) {
        const { matcher: _matcher, subjects: _subjects, ...dataset } = snapshot;
        thread.worker.postMessage({ type: 'dataset', dataset } satisfies ThreadRequest);
        thread.datasetVersion = snapshot.datasetVersion;
      }
      thread.worker.postMessage({
        type: 'screen',
        taskId: task.id,
        datasetVersion: snapshot.datasetVersion,
        rows: task.rows,
        options: { ...task.options, now: new Date().toISOString() },
      } satisfies ThreadRequest);
    }
  }

  private spawn(): Thread | undefined {
    if (this.threads.length >= this.options.threads) return undefined;
    const script = threadScript(__dirname, 'screening-thread');
    const worker = new Worker(script.filename, { eval: script.eval, workerData: { nice: this.options.nice } satisfies ThreadData });
    const thread: Thread = { worker, datasetVersion: null, task: null };
    worker.on('message', (reply: ThreadReply) => {
      const task = thread.task;
      if (!task || task.id !== reply.taskId) return;
      thread.task = null;
      if (reply.type === 'screened') task.resolve({ rows: reply.rows, screenMs: reply.screenMs });
      else task.reject(new Error(`screening thread failed: ${reply.message}`));
      this.dispatch();
    });
    const retire = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index === -1) return;
      this.threads.splice(index, 1);
      thread.task?.reject(error);
      thread.task = null;
      if (!this.closed) {
        this.log.error({ err: error }, 'screening thread died; replacing it');
        this.dispatch();
      }
    };
    worker.on('error', retire);
    worker.on('exit', (code) => retire(new Error(`screening thread exited with code ${code}`)));
    // The pool never keeps the process alive by itself.
    worker.unref();
    this.threads.push(thread);
    return thread;
  }
}
