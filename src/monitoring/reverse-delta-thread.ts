import { parentPort } from 'node:worker_threads';
import type { CanonicalEntity } from '../model/entity';
import type { ThreadReply } from '../shared/run-in-thread';
import type { MonitorRow } from './monitor-repository';
import { referencesToRescreen } from './reverse-delta';

/** The thread the reverse index over the book is built and searched in, off the event loop. One request, then it exits. */
parentPort?.once('message', (request: { monitors: MonitorRow[]; changed: CanonicalEntity[] }) => {
  referencesToRescreen(request.monitors, request.changed).then(
    (references) => parentPort?.postMessage({ ok: true, value: [...references] } satisfies ThreadReply<string[]>),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ThreadReply<string[]>),
  );
});
