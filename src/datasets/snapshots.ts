import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import { combinedVersion } from '../reference/dataset-repository';
import { buildSnapshot, type DataSnapshot, type SnapshotOptions } from './load-snapshot';
import { currentVersions } from './version-repository';

// Snapshots kept besides the current one, for jobs still screening against an older version.
const PINNED_SNAPSHOTS_KEPT = 2;

/**
 * The snapshots this replica screens against. `current()` is what a new screening uses; it changes only by
 * `refresh()`, which builds the next snapshot (matcher included) completely before switching to it, so no request
 * waits for a build and a request in flight keeps the snapshot it started with. Every replica polls the current
 * versions (`startPolling`), so each switches within one interval plus one build of an import on any replica.
 * Jobs screen against the versions they were accepted under (`forVersions`), built from the stored versions when
 * they are no longer current.
 */
export class SnapshotStore {
  private currentSnapshot: DataSnapshot | undefined;
  private readonly builds = new Map<string, Promise<DataSnapshot>>();
  private pollTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<boolean> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly options: SnapshotOptions = {},
  ) {}

  current(): DataSnapshot | undefined {
    return this.currentSnapshot;
  }

  /** The snapshot of exactly these per-dataset versions: the current one, one built before, or a new build. */
  async forVersions(versions: Readonly<Record<string, string>>): Promise<DataSnapshot> {
    const key = combinedVersion(Object.entries(versions).map(([id, version]) => ({ id, version })));
    if (this.currentSnapshot?.datasetVersion === key) return this.currentSnapshot;
    let build = this.builds.get(key);
    if (!build) {
      build = buildSnapshot(this.db, versions, this.options);
      this.builds.set(key, build);
      build.catch(() => this.builds.delete(key));
      this.evict();
    }
    return build;
  }

  /**
   * Switches to the versions now current in the database, if they differ from the snapshot in force. Resolves true
   * once the new snapshot serves. Concurrent calls share one refresh.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    const versions = await currentVersions(this.db);
    const key = combinedVersion(Object.entries(versions).map(([id, version]) => ({ id, version })));
    if (this.currentSnapshot?.datasetVersion === key) return false;
    const started = performance.now();
    const next = await this.forVersions(versions);
    const previous = this.currentSnapshot;
    this.currentSnapshot = next;
    this.builds.set(key, Promise.resolve(next));
    this.evict();
    this.log.info(
      { datasetVersion: next.datasetVersion, previous: previous?.datasetVersion ?? null, versions: next.versions, entities: next.entities.size, buildMs: Math.round(performance.now() - started) },
      previous ? 'switched to new dataset versions' : 'data ready',
    );
    return true;
  }

  /** Polls the current versions every `intervalMs`; a failed poll (database away) keeps the snapshot in force. */
  startPolling(intervalMs: number): void {
    if (this.pollTimer || intervalMs <= 0) return;
    this.pollTimer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.log.warn({ err: error }, 'could not check for new dataset versions; keeping the current ones'));
    }, intervalMs);
    this.pollTimer.unref();
  }

  stop(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** Keeps the current snapshot and the most recent others; older builds are dropped (rebuilt if asked again). */
  private evict(): void {
    const others = [...this.builds.keys()].filter((key) => key !== this.currentSnapshot?.datasetVersion);
    for (const key of others.slice(0, Math.max(0, others.length - PINNED_SNAPSHOTS_KEPT))) this.builds.delete(key);
  }
}
