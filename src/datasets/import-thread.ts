import { parentPort } from 'node:worker_threads';
import { computeChangeSet } from './change-set';
import { createImporters, DatasetFileRefusedError } from './dataset-importers';
import type { ImportThreadReply, ImportThreadRequest } from './import-work';

/**
 * The thread an import's CPU work runs in — reading and checking the file, the change set — so that the service
 * keeps answering screenings on the event loop meanwhile. One thread per request; it exits when done.
 */
parentPort?.once('message', (request: ImportThreadRequest) => {
  run(request).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ImportThreadReply),
  );
});

async function run(request: ImportThreadRequest): Promise<ImportThreadReply> {
  if (request.kind === 'change-set') return { ok: true, value: computeChangeSet(request.before, request.after) };
  const importer = (await createImporters(request.dataDir)).get(request.datasetId);
  if (!importer) return { ok: false, message: `no importer for dataset "${request.datasetId}"` };
  try {
    return { ok: true, value: await importer.read(request.bytes, request.options) };
  } catch (error) {
    if (error instanceof DatasetFileRefusedError) return { ok: false, refused: { message: error.message, problems: error.problems }, message: error.message };
    throw error;
  }
}
