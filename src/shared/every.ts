import type { Logger } from 'pino';

/**
 * Runs `task` now (awaited: its failure is the caller's) and then every `intervalMs` in the background, logging a
 * failed run as `what failed`. The timer does not keep the process alive; clear it to stop.
 */
export async function runNowAndEvery(
  task: () => Promise<unknown>,
  intervalMs: number,
  log: Logger,
  what: string,
): Promise<NodeJS.Timeout> {
  await task();
  const timer = setInterval(() => {
    task().catch((err: unknown) => log.error({ err }, `${what} failed`));
  }, intervalMs);
  timer.unref();
  return timer;
}
