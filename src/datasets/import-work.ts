import type { ChangeCounts } from '../db/schema';
import type { CanonicalEntity, LoadedDataset } from '../model/entity';
import { runInThread, type ThreadReply } from '../shared/run-in-thread';
import type { ChangeSet } from './change-set';
import { DatasetFileRefusedError, type ReadOptions } from './dataset-importers';

export type ImportThreadRequest =
  | { kind: 'read'; datasetId: string; dataDir: string; bytes: Uint8Array; options: ReadOptions }
  | { kind: 'change-set'; before: readonly CanonicalEntity[]; after: readonly CanonicalEntity[] };

export type ImportThreadReply = ThreadReply<LoadedDataset | ChangeCounts | ChangeSet>;

/** Runs one piece of an import's CPU work in a thread of its own (see `import-thread.ts`). */
async function inThread(request: ImportThreadRequest): Promise<LoadedDataset | ChangeCounts | ChangeSet> {
  const reply = await runInThread<LoadedDataset | ChangeCounts | ChangeSet>(__dirname, 'import-thread', request);
  if (reply.ok) return reply.value;
  throw reply.refused ? new DatasetFileRefusedError(reply.refused.message, reply.refused.problems) : new Error(reply.message);
}

/** Reads and checks a dataset file in a thread; rejects with `DatasetFileRefusedError` for a file it refuses. */
export async function readInThread(datasetId: string, dataDir: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<LoadedDataset> {
  return (await inThread({ kind: 'read', datasetId, dataDir, bytes, options })) as LoadedDataset;
}

/** The whole change set between two versions' entities, computed in a thread. */
export async function changeSetInThread(before: readonly CanonicalEntity[], after: readonly CanonicalEntity[]): Promise<ChangeSet> {
  return (await inThread({ kind: 'change-set', before, after })) as ChangeSet;
}

