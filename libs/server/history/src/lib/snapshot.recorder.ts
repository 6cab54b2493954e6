import { Injectable } from '@nestjs/common';
import { SNAPSHOT_PARAMETERS, SnapshotCounts, SnapshotParameter, SnapshotResponse } from '@model-inventory/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { toSnapshotResponse } from './history.mapper';
import { applyDelta, CountedFields, countsDelta, isEmptyDelta } from './snapshot-counts';
import { NewSnapshot, SnapshotsRepository } from './snapshots.repository';

/**
 * Keeps the snapshot series of each organisation. Every write that moves a bucket appends a row;
 * writes of one organisation are serialised by an advisory lock, so each row is the previous one
 * plus one write's delta and no write ever counts the whole table.
 */
@Injectable()
export class SnapshotRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  /** Call inside the model write's transaction, after the write: before=null for a create, after=null for a delete. */
  async recordChange(manager: EntityManager, organizationId: number, before: CountedFields | null, after: CountedFields | null): Promise<void> {
    const moved = SNAPSHOT_PARAMETERS.map((parameter) => ({ parameter, delta: countsDelta(parameter, before, after) })).filter(({ delta }) => !isEmptyDelta(delta));
    if (moved.length === 0) return;
    await this.snapshots.lockOrganization(manager, organizationId);
    const latest = await this.snapshots.findLatest(manager, organizationId, moved.map((m) => m.parameter));
    const next: NewSnapshot[] = [];
    for (const { parameter, delta } of moved) {
      const previous = latest.get(parameter);
      // Without a previous snapshot, a full count inside this transaction already includes this write.
      const counts = previous ? applyDelta(parameter, previous, delta) : await this.snapshots.countLive(organizationId, parameter, manager);
      next.push({ parameter, counts });
    }
    await this.snapshots.append(manager, organizationId, 'change', next);
  }

  /** A full recount, appended as new snapshots. Pass `manager` to run inside an existing transaction. */
  async snapshotNow(
    organizationId: number,
    trigger: 'manual' | 'daily',
    parameters: readonly SnapshotParameter[] = SNAPSHOT_PARAMETERS,
    manager?: EntityManager,
  ): Promise<SnapshotResponse[]> {
    const work = async (tx: EntityManager): Promise<SnapshotResponse[]> => {
      await this.snapshots.lockOrganization(tx, organizationId);
      const next: NewSnapshot[] = [];
      for (const parameter of parameters) next.push({ parameter, counts: await this.snapshots.countLive(organizationId, parameter, tx) });
      return (await this.snapshots.append(tx, organizationId, trigger, next)).map(toSnapshotResponse);
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** Live counts straight from the models, every bucket present. */
  currentCounts(organizationId: number, parameter: SnapshotParameter, manager?: EntityManager): Promise<SnapshotCounts> {
    return this.snapshots.countLive(organizationId, parameter, manager);
  }
}
