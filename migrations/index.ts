import type { Migration } from 'kysely';
import * as referenceData from './2026-11-27-001-reference-data';
import * as auditAndKeys from './2026-11-27-002-audit-and-keys';
import * as jobs from './2026-11-27-003-jobs';
import * as datasetVersions from './2026-12-05-004-dataset-versions';
import * as monitoring from './2026-12-05-005-monitoring';
import * as webhooks from './2026-12-05-006-webhooks';
import * as listSelection from './2026-12-05-007-list-selection';

/**
 * Every migration, in order. Listed statically (not read from the folder) so the same list runs under
 * ts-jest, tsx and the compiled build. Names sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-27-001-reference-data': referenceData,
  '2026-11-27-002-audit-and-keys': auditAndKeys,
  '2026-11-27-003-jobs': jobs,
  '2026-12-05-004-dataset-versions': datasetVersions,
  '2026-12-05-005-monitoring': monitoring,
  '2026-12-05-006-webhooks': webhooks,
  '2026-12-05-007-list-selection': listSelection,
};
