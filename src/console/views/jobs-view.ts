import { segment, withQuery } from '../api/client';
import type { Job, JobCreated } from '../api/types';
import type { ConsoleContext } from '../context';
import { field, h, replaceChildren, time } from '../dom';
import { errorBox, isAbort, loading } from './status';

// How often a running job's progress is asked for.
const POLL_INTERVAL_MS = 1000;
// The jobs this browser tab started, so they are still listed after moving between views.
const JOBS_STORAGE_KEY = 'sanctions-console.jobs';
const MAX_REMEMBERED_JOBS = 20;
const FILE_HEADER = 'id,name,type,country,birthDate,reference';
const DECISIONS = ['hit', 'review', 'clear', 'invalid'] as const;

const remembered = (): string[] => {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(JOBS_STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};
const remember = (jobId: string) => sessionStorage.setItem(JOBS_STORAGE_KEY, JSON.stringify([jobId, ...remembered().filter((id) => id !== jobId)].slice(0, MAX_REMEMBERED_JOBS)));

const terminal = (job: Job) => job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';

function eta(seconds: number | null): string {
  if (seconds === null) return 'estimating…';
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `about ${minutes} min left` : `about ${Math.round(minutes / 60)} h left`;
}

/**
 * Jobs: upload a CSV file (POST /v1/jobs, text/csv), watch its progress with an ETA (GET /v1/jobs/{id}), and
 * download its results filtered by decision (GET /v1/jobs/{id}/results?format=csv&decision=…).
 */
export function renderJobsView(root: HTMLElement, context: ConsoleContext, signal: AbortSignal): void {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const threshold = h('input', { type: 'number', name: 'threshold', min: 0, max: 1, step: 0.01, class: 'short' });
  const submit = h('button', { type: 'submit' }, 'Upload and screen');
  const uploadOutcome = h('div', { 'aria-live': 'polite' });
  const jobs = h('div', { class: 'job-list' });
  const upload = h(
    'form',
    { class: 'card upload-form', 'aria-label': 'Upload a file' },
    h('h2', {}, 'Screen a file'),
    h('p', { class: 'muted' }, 'A UTF-8 CSV file whose first line is ', h('code', {}, FILE_HEADER), '. Each row is screened and recorded in the audit trail.'),
    h('div', { class: 'form-grid' }, h('div', { class: 'span-2' }, field('CSV file', file)), field('Threshold (optional)', threshold, '0–1; empty: the operating point')),
    h('div', { class: 'form-actions' }, submit),
    uploadOutcome,
  );
  const lookupId = h('input', { type: 'text', name: 'jobId', autocomplete: 'off', maxlength: 128 });
  const lookup = h('form', { class: 'card inline-form', 'aria-label': 'Open a job by id' }, field('Job id', lookupId), h('button', { type: 'submit', class: 'secondary' }, 'Open job'));

  upload.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    submit.disabled = true;
    replaceChildren(uploadOutcome, loading(`Uploading ${chosen.name}…`));
    context.api
      .raw(withQuery('/v1/jobs', { threshold: threshold.value }), { method: 'POST', headers: { 'Content-Type': 'text/csv; charset=utf-8' }, body: chosen, signal })
      .then((response) => response.json() as Promise<JobCreated>)
      .then(
        (created) => {
          remember(created.jobId);
          replaceChildren(uploadOutcome, h('p', { class: 'success' }, `Job ${created.jobId} created: ${created.total} rows.`));
          upload.reset();
          jobs.querySelector('.empty')?.remove();
          jobs.prepend(jobCard(context, created.jobId, signal));
        },
        (error: unknown) => {
          if (!isAbort(error)) replaceChildren(uploadOutcome, errorBox(error));
        },
      )
      .finally(() => {
        submit.disabled = false;
      });
  });
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = lookupId.value.trim();
    if (!id) return;
    jobs.querySelector(`[data-job-id="${CSS.escape(id)}"]`)?.remove();
    jobs.querySelector('.empty')?.remove();
    jobs.prepend(jobCard(context, id, signal));
    lookupId.value = '';
  });

  replaceChildren(root, h('h1', { tabindex: -1 }, 'Jobs'), upload, lookup, h('h2', {}, 'Jobs in this session'), jobs);
  const known = remembered();
  if (known.length === 0) jobs.append(h('p', { class: 'empty' }, 'No job yet in this session.'));
  for (const id of known) jobs.append(jobCard(context, id, signal));
}

function jobCard(context: ConsoleContext, jobId: string, signal: AbortSignal): HTMLElement {
  const body = h('div', { class: 'job-body' }, loading('Loading the job…'));
  const card = h('article', { class: 'card job', 'data-job-id': jobId, 'aria-label': `Job ${jobId}` }, h('h3', {}, 'Job ', h('code', {}, jobId)), body);
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Rows screened' });
  const counts = h('p', { class: 'job-counts' });
  const state = h('p', { class: 'job-state', 'aria-live': 'polite' });
  const download = downloadForm(context, jobId);
  const cancel = h('button', { type: 'button', class: 'secondary small' }, 'Cancel job');
  let timer: number | undefined;
  signal.addEventListener('abort', () => window.clearTimeout(timer));

  const show = (job: Job) => {
    progress.max = Math.max(job.total, 1);
    progress.value = job.processed;
    replaceChildren(
      counts,
      `${job.processed.toLocaleString()} of ${job.total.toLocaleString()} rows · `,
      h('span', { class: 'count-hit' }, `${job.hits} hits`),
      ' · ',
      h('span', { class: 'count-review' }, `${job.reviews} to review`),
      ' · ',
      `${job.clears} clear`,
      job.invalid ? ` · ${job.invalid} invalid` : '',
    );
    const when = job.finishedAt ? ['finished ', time(job.finishedAt)] : job.startedAt ? ['started ', time(job.startedAt), ' · ', eta(job.etaSeconds)] : ['waiting to start'];
    replaceChildren(state, h('strong', { class: `job-status status-${job.status}` }, job.status), ' · ', when, job.error ? h('span', { class: 'error-inline' }, ` · ${job.error}`) : '');
    cancel.hidden = terminal(job);
    download.hidden = job.status !== 'succeeded';
  };

  const poll = () => {
    context.api.get<Job>(`/v1/jobs/${segment(jobId)}`, signal).then(
      (job) => {
        if (!body.contains(progress)) replaceChildren(body, state, progress, counts, h('div', { class: 'job-actions' }, cancel), download);
        show(job);
        if (!terminal(job)) timer = window.setTimeout(poll, POLL_INTERVAL_MS);
      },
      (error: unknown) => {
        if (!isAbort(error)) replaceChildren(body, errorBox(error, poll));
      },
    );
  };
  cancel.addEventListener('click', () => {
    context.api.raw(`/v1/jobs/${segment(jobId)}`, { method: 'DELETE', signal }).then(
      () => {
        window.clearTimeout(timer);
        poll();
      },
      (error: unknown) => {
        if (!isAbort(error)) state.append(errorBox(error));
      },
    );
  });
  poll();
  return card;
}

/** Decisions to include and a Download button: the CSV is fetched with the key and saved by the browser. */
function downloadForm(context: ConsoleContext, jobId: string): HTMLFormElement {
  const boxes = DECISIONS.map((decision) => h('input', { type: 'checkbox', name: 'decision', value: decision, checked: decision !== 'clear' }));
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'download-form', hidden: true },
    h('fieldset', {}, h('legend', {}, 'Download results (CSV) with decision'), h('div', { class: 'checks' }, boxes.map((box, i) => h('label', {}, box, ` ${DECISIONS[i]}`)))),
    h('button', { type: 'submit' }, 'Download CSV'),
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    if (chosen.length === 0) {
      replaceChildren(outcome, h('p', { class: 'error-inline', role: 'alert' }, 'Choose at least one decision.'));
      return;
    }
    replaceChildren(outcome, loading('Preparing the file…'));
    const decision = chosen.length === DECISIONS.length ? undefined : chosen.join(',');
    context.api
      .raw(withQuery(`/v1/jobs/${segment(jobId)}/results`, { format: 'csv', decision }), { headers: { Accept: 'text/csv, application/problem+json' } })
      .then((response) => response.blob())
      .then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          const name = `job-${jobId}-${decision ? chosen.join('-') : 'all'}.csv`;
          const link = h('a', { href: url, download: name }, name);
          document.body.append(link);
          link.click();
          link.remove();
          window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
          replaceChildren(outcome, h('p', { class: 'success' }, `Saved ${name} (${blob.size.toLocaleString()} bytes).`));
        },
        (error: unknown) => replaceChildren(outcome, errorBox(error)),
      );
  });
  return form;
}
