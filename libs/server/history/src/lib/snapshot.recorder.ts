import { Injectable } from '@nestjs/common';
import { SNAPSHOT_PARAMETERS, SnapshotCounts, SnapshotParameter, SnapshotResponse } from '@model-inventory/contracts';
import { PartRef, WriteStatement } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { CountersRepository } from './counters.repository';
import { toSnapshotResponse } from './history.mapper';
import { CountedFields, countsDelta, isEmptyDelta } from './snapshot-counts';
import { NewSnapshot, SnapshotsRepository } from './snapshots.repository';

/**
 * Keeps the snapshot series of each organisation. Every write that moves a bucket adds its delta to the
 * organisation's running counts and appends the result as a snapshot, in the write's own statement;
 * no write ever counts the whole table, and concurrent writers queue only from that statement to commit.
 */
@Injectable()
export class SnapshotRecorder {
  constructor(
    private readonly counters: CountersRepository,
    private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  /**
   * Adds the running counts' update and the resulting snapshots to the write's `statement`, when the write
   * moves a bucket: before=null for a create, after=null for a delete. `subject` is the part that writes
   * the model; nothing is counted if it writes no row.
   */
  addChange(statement: WriteStatement, subject: PartRef, before: CountedFields | null, after: CountedFields | null): void {
    const deltas: Partial<Record<SnapshotParameter, SnapshotCounts>> = {};
    for (const parameter of SNAPSHOT_PARAMETERS) {
      const delta = countsDelta(parameter, before, after);
      if (!isEmptyDelta(delta)) deltas[parameter] = delta;
    }
    if (Object.keys(deltas).length > 0) this.counters.addBumpAndSnapshot(statement, subject, deltas);
  }

  /** A full recount, appended as new snapshots and made the new running counts. Pass `manager` to join a transaction. */
  async snapshotNow(
    organizationId: number,
    trigger: 'manual' | 'daily',
    parameters: readonly SnapshotParameter[] = SNAPSHOT_PARAMETERS,
    manager?: EntityManager,
  ): Promise<SnapshotResponse[]> {
    const work = async (tx: EntityManager): Promise<SnapshotResponse[]> => {
      await this.counters.lockForRecount(tx, organizationId, parameters);
      const next: NewSnapshot[] = [];
      for (const parameter of parameters) {
        const counts = await this.snapshots.countLive(organizationId, parameter, tx);
        await this.counters.reset(tx, organizationId, parameter, counts);
        next.push({ parameter, counts });
      }
      return (await this.snapshots.append(tx, organizationId, trigger, next)).map(toSnapshotResponse);
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** Live counts straight from the models, every bucket present. */
  currentCounts(organizationId: number, parameter: SnapshotParameter, manager?: EntityManager): Promise<SnapshotCounts> {
    return this.snapshots.countLive(organizationId, parameter, manager);
  }
}
