import { Worker } from 'node:worker_threads';
import { threadScript } from './thread-script';

/** What a one-shot thread answers: its value, or why it failed (with a refusal the caller turns back into its error). */
export type ThreadReply<T> = { ok: true; value: T } | { ok: false; message: string; refused?: { message: string; problems: Array<{ path: string; message: string }> } };

/**
 * Runs one request in a thread of its own — script `name` beside `dir` (see `threadScript`), which answers one
 * message with a `ThreadReply` — and resolves with its value. The thread is ended once it has answered.
 */
export function runInThread<T>(dir: string, name: string, request: unknown): Promise<ThreadReply<T>> {
  const script = threadScript(dir, name);
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.filename, { eval: script.eval });
    let settled = false;
    worker.once('message', (reply: ThreadReply<T>) => {
      settled = true;
      void worker.terminate();
      resolve(reply);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the thread ${name} exited with code ${code}`));
    });
    worker.postMessage(request);
  });
}
