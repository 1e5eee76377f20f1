import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startService, type ServiceProcess } from '../jobs/helpers/service-process';
import { pgliteKill, pgliteTerm, RECOVERY_BOUND_MS } from './fault-scenarios';

/**
 * The embedded database under the two process faults: SIGKILL (nothing runs on the way out) and SIGTERM (drain).
 * Part of `npm run test:faults`.
 */
jest.setTimeout(300_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-pglite-'));
const services: ServiceProcess[] = [];
const start = async () => {
  const started = await startService({ PGLITE_DATA_DIR: dataDir, JOB_THREADS: '1' });
  services.push(started);
  return started;
};
let service: ServiceProcess;

beforeAll(async () => {
  service = await start();
});

afterAll(async () => {
  for (const started of services) await started.stop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('PGlite process faults under load', () => {
  it('restarts after SIGKILL with every answered screening recorded and the chain intact', async () => {
    const report = await pgliteKill({ service, start }, { loadMs: 4000 });
    service = report.service;
    expect(report.tally.ok).toBeGreaterThan(0);
    expect(report.unrecorded).toBe(0);
    expect(report.records).toBeGreaterThanOrEqual(report.tally.ok);
    expect(report.chainOk).toBe(true);
    expect(report.tally.other).toEqual({});
    expect(report.tally.badUnavailable).toBe(0);
    expect(report.recoveryMs[0]).toBeLessThanOrEqual(RECOVERY_BOUND_MS * 4);
  });

  it('drains and exits 0 on SIGTERM under load, with no reset and every answered screening recorded', async () => {
    const report = await pgliteTerm({ service, start }, { loadMs: 4000 });
    service = report.service;
    expect(report.facts.exitCode).toBe(0);
    expect(report.tally.ok).toBeGreaterThan(0);
    expect({ resets: report.tally.resets, timeouts: report.tally.timeouts }).toEqual({ resets: 0, timeouts: 0 });
    expect(report.tally.other).toEqual({});
    expect(report.unrecorded).toBe(0);
    expect(report.chainOk).toBe(true);
  });
});
