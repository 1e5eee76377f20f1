export const HOUR_MS = 3_600_000;

/** When a failed delivery is tried again, and when it is given up. */
export interface RetrySchedule {
  /** The first retry comes within this many ms; each later one within twice the previous bound. */
  baseMs: number;
  /** No wait bound exceeds this. */
  maxMs: number;
  /** A delivery still failing this long after its event is given up (marked failed). */
  retryForMs: number;
}

/**
 * The wait before the next attempt after `failures` failed ones: exponential backoff with full jitter, a uniformly
 * random wait between 0 and min(maxMs, baseMs · 2^(failures − 1)), so endpoints that failed together (an outage) are
 * not all retried at once. `random` returns [0, 1), like Math.random.
 */
export function retryDelayMs(failures: number, schedule: Pick<RetrySchedule, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const bound = Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * bound);
}

/** True once a delivery created at `createdAt` has been tried for the whole retry window. */
export function retryWindowPassed(createdAt: Date, now: Date, schedule: Pick<RetrySchedule, 'retryForMs'>): boolean {
  return now.getTime() - createdAt.getTime() >= schedule.retryForMs;
}
