import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { DataSnapshot } from '../datasets/load-snapshot';
import { createMatcher } from '../matching/matcher';
import { linkSubjects } from '../linking';
import { screenJobRows } from './screen-job-rows';
import type { ThreadData, ThreadReply, ThreadRequest } from './screening-pool';

/**
 * A screening thread: holds one dataset version's snapshot (its own matcher, built once per version) and screens
 * the chunks the pool sends it, off the HTTP event loop.
 */
let snapshot: DataSnapshot | undefined;

// Batch work yields the CPU to interactive requests: on Linux a thread's nice value is its own, so this lowers the
// priority of this thread only, never of the HTTP event loop. Elsewhere (or if refused) the thread runs as it is.
const { nice } = workerData as ThreadData;
if (nice > 0) {
  try {
    os.setPriority(nice);
  } catch {
    // Priority is an optimisation, not a requirement.
  }
}

function reply(message: ThreadReply): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: ThreadRequest) => {
  if (message.type === 'dataset') {
    const { dataset } = message;
    const entities = [...dataset.entities.values()];
    snapshot = { ...dataset, matcher: createMatcher(entities), subjects: linkSubjects(entities) };
    return;
  }
  try {
    if (!snapshot || snapshot.datasetVersion !== message.datasetVersion) {
      throw new Error(`the thread holds dataset ${snapshot?.datasetVersion ?? 'none'}, not ${message.datasetVersion}`);
    }
    const started = performance.now();
    const rows = screenJobRows(snapshot, message.rows, { ...message.options, now: new Date(message.options.now) });
    reply({ type: 'screened', taskId: message.taskId, rows, screenMs: performance.now() - started });
  } catch (error) {
    reply({ type: 'failed', taskId: message.taskId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
