import { Injectable } from '@nestjs/common';
import { SNAPSHOT_PARAMETERS, SnapshotCounts, SnapshotParameter } from '@model-inventory/contracts';
import { ComposedStatement } from '@model-inventory/server-core';
import { EntityManager } from 'typeorm';
import { emptyCounts } from './snapshot-counts';

/** `a + b` bucket by bucket, never below zero, as a SQL expression over two jsonb values. */
const ADD_COUNTS = (a: string, b: string) =>
  `(SELECT jsonb_object_agg(k, greatest(0, coalesce((${a}->>k)::int, 0) + coalesce((${b}->>k)::int, 0))) FROM jsonb_object_keys(${a} || ${b}) AS k)`;

const ZERO_COUNTS = Object.fromEntries(SNAPSHOT_PARAMETERS.map((parameter) => [parameter, emptyCounts(parameter)]));

/** The running counts behind the snapshots (table model_inventory_counters). */
@Injectable()
export class CountersRepository {
  /**
   * Adds to `statement`: each parameter's delta added to the organisation's running counts, and the new
   * counts appended as a snapshot, if the `subject` CTE returned a row. The upsert waits for any writer
   * holding the counter row and adds to its committed value, so concurrent writers never lose a delta.
   * A missing row means the organisation has no counted model yet (the counters migration created rows
   * for every organisation that had models), so counting starts from zero in every bucket.
   */
  addBumpAndSnapshot(statement: ComposedStatement, subject: string, organizationId: number, deltas: Partial<Record<SnapshotParameter, SnapshotCounts>>): void {
    statement
      .with(
        'bumped_counters',
        `INSERT INTO model_inventory_counters AS c (organization_id, parameter, counts)
         SELECT $1, delta.key, ${ADD_COUNTS('($3::jsonb -> delta.key)', 'delta.value')}
           FROM (SELECT 1 FROM ${subject} LIMIT 1) subject, jsonb_each($2::jsonb) AS delta
             ON CONFLICT (organization_id, parameter)
             DO UPDATE SET counts = ${ADD_COUNTS('c.counts', '($2::jsonb -> excluded.parameter)')}, updated_at = now()
         RETURNING c.parameter, c.counts`,
        [organizationId, JSON.stringify(deltas), JSON.stringify(ZERO_COUNTS)],
      )
      .with(
        'change_snapshots',
        `INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger)
         SELECT $1, parameter, counts, 'change' FROM bumped_counters`,
        [organizationId],
      );
  }

  /** For a full recount: makes sure the rows exist, then locks them so no writer adds a delta meanwhile. */
  async lockForRecount(manager: EntityManager, organizationId: number, parameters: readonly SnapshotParameter[]): Promise<void> {
    await manager.query(
      `INSERT INTO model_inventory_counters (organization_id, parameter, counts)
       SELECT $1, p, '{}'::jsonb FROM unnest($2::text[]) AS p ON CONFLICT (organization_id, parameter) DO NOTHING`,
      [organizationId, parameters],
    );
    await manager.query(`SELECT 1 FROM model_inventory_counters WHERE organization_id = $1 AND parameter = ANY($2::text[]) FOR UPDATE`, [
      organizationId,
      parameters,
    ]);
  }

  async reset(manager: EntityManager, organizationId: number, parameter: SnapshotParameter, counts: SnapshotCounts): Promise<void> {
    await manager.query(`UPDATE model_inventory_counters SET counts = $3::jsonb, updated_at = now() WHERE organization_id = $1 AND parameter = $2`, [
      organizationId,
      parameter,
      JSON.stringify(counts),
    ]);
  }
}

