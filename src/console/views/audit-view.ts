import { segment, withQuery } from '../api/client';
import type { AuditVerifyResult, DispositionAuditRecord, Page, ScreeningRecord } from '../api/types';
import type { ConsoleContext } from '../context';
import { field, h, replaceChildren, select, time, type Child } from '../dom';
import { decisionBadge } from './badges';
import { empty, errorBox, isAbort, loading } from './status';

/**
 * Audit: a screening's stored record by id (GET /v1/screenings/{id}) or every record of a reference
 * (GET /v1/screenings?reference=), with the exact answer given, its hash and the previous record's hash; and
 * "Verify chain" (GET /v1/audit/verify).
 */
export function renderAuditView(root: HTMLElement, context: ConsoleContext, screeningId: string | undefined, signal: AbortSignal): void {
  const by = select('by', [['id', 'Screening id'], ['reference', 'Reference']], 'id');
  const value = h('input', { type: 'text', name: 'value', autocomplete: 'off', maxlength: 256, required: true, value: screeningId ?? '' });
  const result = h('div', { class: 'audit-result', 'aria-live': 'polite' });
  const verifyButton = h('button', { type: 'button', class: 'secondary' }, 'Verify chain');
  const verifyOutcome = h('div', { class: 'verify-outcome', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', 'aria-label': 'Look up a screening' },
    h('div', { class: 'form-grid' }, field('Look up by', by), h('div', { class: 'span-2' }, field('Screening id or reference', value)), h('div', { class: 'grid-button' }, h('button', { type: 'submit' }, 'Look up'))),
  );

  const showRecord = (id: string) => {
    replaceChildren(result, loading('Loading the record…'));
    context.api.get<ScreeningRecord | DispositionAuditRecord>(`/v1/screenings/${segment(id)}`, signal).then(
      (record) => replaceChildren(result, record.kind === 'disposition' ? dispositionView(record as DispositionAuditRecord) : recordView(record as ScreeningRecord)),
      (error: unknown) => {
        if (!isAbort(error)) replaceChildren(result, errorBox(error));
      },
    );
  };
  const showReference = (reference: string) => {
    replaceChildren(result, loading('Loading the records…'));
    context.api.get<Page<ScreeningRecord>>(withQuery('/v1/screenings', { reference, limit: 50 }), signal).then(
      (page) =>
        replaceChildren(
          result,
          page.items.length === 0
            ? empty(`No screening carries the reference “${reference}”.`)
            : h(
                'section',
                { class: 'card' },
                h('h2', {}, `Screenings of reference “${reference}”`),
                h(
                  'ul',
                  { class: 'plain record-list' },
                  page.items.map((r) => {
                    const id = r.kind === 'disposition' ? (r as unknown as DispositionAuditRecord).dispositionId : r.screeningId;
                    return h('li', {}, h('a', { href: `#/audit/${segment(id)}` }, id), ' ', r.decision ? decisionBadge(r.decision) : null, ' ', time(r.screenedAt ?? (r as unknown as DispositionAuditRecord).recordedAt), ` · ${r.kind}`);
                  }),
                ),
                page.nextCursor ? h('p', { class: 'muted' }, 'Showing the newest 50.') : null,
              ),
        ),
      (error: unknown) => {
        if (!isAbort(error)) replaceChildren(result, errorBox(error));
      },
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = value.value.trim();
    if (!text) return;
    if (by.value === 'id') {
      if (location.hash !== `#/audit/${segment(text)}`) location.hash = `#/audit/${segment(text)}`;
      else showRecord(text);
    } else {
      showReference(text);
    }
  });
  verifyButton.addEventListener('click', () => {
    verifyButton.disabled = true;
    replaceChildren(verifyOutcome, loading('Recomputing every hash…'));
    context.api
      .get<AuditVerifyResult>('/v1/audit/verify', signal)
      .then(
        (verdict) =>
          replaceChildren(
            verifyOutcome,
            verdict.ok
              ? h('p', { class: 'verdict verdict-ok' }, `Chain intact: ${verdict.records.toLocaleString()} records verified.`)
              : h('p', { class: 'verdict verdict-broken' }, `Chain broken after ${verdict.records.toLocaleString()} records, at `, h('code', {}, verdict.firstBrokenId ?? '?'), verdict.reason ? `: ${verdict.reason}` : '.'),
          ),
        (error: unknown) => {
          if (!isAbort(error)) replaceChildren(verifyOutcome, errorBox(error));
        },
      )
      .finally(() => {
        verifyButton.disabled = false;
      });
  });

  replaceChildren(
    root,
    h('h1', { tabindex: -1 }, 'Audit'),
    h('p', { class: 'lede' }, 'Every screening and every decision is a record in one hash chain: each record’s hash covers the previous one’s.'),
    h('section', { class: 'card verify', 'aria-labelledby': 'verify-heading' }, h('h2', { id: 'verify-heading' }, 'Hash chain'), h('div', { class: 'verify-row' }, verifyButton, verifyOutcome)),
    form,
    result,
  );
  if (screeningId) showRecord(screeningId);
}

function row(label: string, value: Child): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

function recordView(record: ScreeningRecord): HTMLElement {
  const versions = record.datasetVersions ? Object.entries(record.datasetVersions).map(([id, v]) => h('div', {}, `${id}: `, h('code', { class: 'hash' }, v))) : null;
  const answer = { decision: record.decision, threshold: record.threshold, algorithm: record.algorithm, datasetVersion: record.datasetVersion, matches: record.matches };
  return h(
    'article',
    { class: 'card record', 'aria-labelledby': 'record-heading' },
    h('h2', { id: 'record-heading' }, 'Record ', h('code', {}, record.screeningId)),
    h(
      'dl',
      { class: 'details record-fields' },
      row('Decision', record.decision ? decisionBadge(record.decision) : '—'),
      row('Recorded', time(record.screenedAt)),
      chainRows(record),
      row('Kind', record.kind),
      row('Reference', record.reference ?? '—'),
      row('API key', record.apiKeyId ?? 'none (open mode)'),
      record.jobId ? row('Job', h('code', {}, record.jobId)) : null,
      row('Algorithm', record.algorithm ?? '—'),
      row('Threshold', record.threshold === undefined ? '—' : String(record.threshold)),
      row('Dataset version', record.datasetVersion ? h('code', { class: 'hash' }, record.datasetVersion) : '—'),
      versions ? row('List versions', versions) : null,
    ),
    h('h3', {}, 'The request, as received'),
    h('pre', { class: 'json', tabindex: 0, 'aria-label': 'The request as JSON' }, JSON.stringify(record.request, null, 2)),
    h('h3', {}, 'The answer given'),
    h('pre', { class: 'json', tabindex: 0, 'aria-label': 'The answer as JSON' }, JSON.stringify(answer, null, 2)),
  );
}

function chainRows(record: { seq: string; hash: string; previousHash: string }): HTMLElement[] {
  return [
    row('Hash', h('code', { class: 'hash', 'data-field': 'hash' }, record.hash)),
    row('Previous hash', h('code', { class: 'hash', 'data-field': 'previousHash' }, record.previousHash)),
    row('Position in chain', h('code', {}, record.seq)),
  ];
}

function dispositionView(record: DispositionAuditRecord): HTMLElement {
  const { seq: _seq, hash: _hash, previousHash: _previous, ...stored } = record;
  return h(
    'article',
    { class: 'card record', 'aria-labelledby': 'record-heading' },
    h('h2', { id: 'record-heading' }, 'Disposition ', h('code', {}, record.dispositionId)),
    h(
      'dl',
      { class: 'details record-fields' },
      row('Decision', decisionBadge(record.decision)),
      row('Recorded', time(record.recordedAt)),
      chainRows(record),
      row('On screening', h('a', { href: `#/audit/${segment(record.screeningId)}` }, record.screeningId)),
      row('Entity', h('a', { href: `#/entities/${segment(record.entityId)}` }, record.entityId)),
      row('Reference', record.reference ?? '—'),
      row('Note', record.note ?? '—'),
      row('API key', record.apiKeyId ?? 'none (open mode)'),
      record.entityVersion ? row(`Version of ${record.datasetId ?? 'the dataset'}`, h('code', { class: 'hash' }, record.entityVersion)) : null,
    ),
    h('h3', {}, 'The record, as stored and hashed'),
    h('pre', { class: 'json', tabindex: 0, 'aria-label': 'The record as JSON' }, JSON.stringify(stored, null, 2)),
  );
}
