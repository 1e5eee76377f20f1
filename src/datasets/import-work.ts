import { Worker } from 'node:worker_threads';
import type { ChangeCounts } from '../db/schema';
import type { CanonicalEntity, LoadedDataset } from '../model/entity';
import type { FieldProblem } from '../shared/errors';
import { threadScript } from '../shared/thread-script';
import type { ChangeSet } from './change-set';
import { DatasetFileRefusedError } from './dataset-importers';

export type ImportThreadRequest =
  | { kind: 'read'; datasetId: string; dataDir: string; bytes: Uint8Array }
  | { kind: 'changes'; before: readonly CanonicalEntity[]; after: readonly CanonicalEntity[] }
  | { kind: 'change-set'; before: readonly CanonicalEntity[]; after: readonly CanonicalEntity[] };

export type ImportThreadReply =
  | { ok: true; value: LoadedDataset | ChangeCounts | ChangeSet }
  | { ok: false; message: string; refused?: { message: string; problems: FieldProblem[] } };

/** Runs one piece of an import's CPU work in a thread of its own (see `import-thread.ts`). */
function inThread(request: ImportThreadRequest): Promise<LoadedDataset | ChangeCounts | ChangeSet> {
  const script = threadScript(__dirname, 'import-thread');
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.filename, { eval: script.eval });
    let settled = false;
    worker.once('message', (reply: ImportThreadReply) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve(reply.value);
      else reject(reply.refused ? new DatasetFileRefusedError(reply.refused.message, reply.refused.problems) : new Error(reply.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the import thread exited with code ${code}`));
    });
    worker.postMessage(request);
  });
}

/** Reads and checks a dataset file in a thread; rejects with `DatasetFileRefusedError` for a file it refuses. */
export async function readInThread(datasetId: string, dataDir: string, bytes: Uint8Array): Promise<LoadedDataset> {
  return (await inThread({ kind: 'read', datasetId, dataDir, bytes })) as LoadedDataset;
}

/** The whole change set between two versions' entities, computed in a thread. */
export async function changeSetInThread(before: readonly CanonicalEntity[], after: readonly CanonicalEntity[]): Promise<ChangeSet> {
  return (await inThread({ kind: 'change-set', before, after })) as ChangeSet;
}

/** The change counts between two versions' entities, computed in a thread. */
export async function changeCountsInThread(before: readonly CanonicalEntity[], after: readonly CanonicalEntity[]): Promise<ChangeCounts> {
  return (await inThread({ kind: 'changes', before, after })) as ChangeCounts;
}
