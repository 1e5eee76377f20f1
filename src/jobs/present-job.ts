import type { z } from 'zod';
import type { JobRow } from './job-repository';
import type { JobCreatedSchema, JobSchema } from './job-schemas';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const jobLinks = (id: string) => ({ self: `/v1/jobs/${id}`, results: `/v1/jobs/${id}/results` });

/** The API's status: an upload still arriving is shown as queued (the contract has no word for it). */
function apiStatus(job: JobRow): z.infer<typeof JobSchema>['status'] {
  return job.status === 'receiving' ? 'queued' : (job.status as z.infer<typeof JobSchema>['status']);
}

/** Seconds left at the rate since the first chunk started; null before any row is done. */
function etaSeconds(job: JobRow, now: number): number | null {
  if (job.status !== 'running') return job.status === 'succeeded' ? 0 : null;
  if (job.processed === 0 || job.started_at === null) return null;
  const elapsedSeconds = (now - new Date(job.started_at).getTime()) / 1000;
  const rowsPerSecond = job.processed / Math.max(elapsedSeconds, 0.001);
  return Math.ceil((job.total - job.processed) / rowsPerSecond);
}

/** A job as `GET /v1/jobs/{jobId}` returns it. */
export function presentJob(job: JobRow, now = Date.now()): z.infer<typeof JobSchema> {
  return {
    jobId: job.id,
    status: apiStatus(job),
    total: job.total,
    processed: job.processed,
    hits: job.hits,
    reviews: job.reviews,
    clears: job.clears,
    invalid: job.invalid,
    threshold: job.threshold,
    createdAt: new Date(job.created_at).toISOString(),
    startedAt: iso(job.started_at),
    finishedAt: iso(job.finished_at),
    etaSeconds: etaSeconds(job, now),
    error: job.error,
    ...(job.monitor ? { monitoring: { enrolled: job.enrolled, notEnrolled: job.not_enrolled } } : {}),
    datasetVersions: job.dataset_versions,
    links: jobLinks(job.id),
  };
}

/** The 202 answer to an upload. */
export function presentCreatedJob(job: JobRow): z.infer<typeof JobCreatedSchema> {
  return { jobId: job.id, status: apiStatus(job), total: job.total, links: jobLinks(job.id) };
}
