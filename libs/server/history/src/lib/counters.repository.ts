import { Injectable } from '@nestjs/common';
import { SNAPSHOT_PARAMETERS, SnapshotCounts, SnapshotParameter } from '@model-inventory/contracts';
import { PartRef, Sql, sql, TENANT, WriteStatement } from '@model-inventory/server-core';
import { EntityManager } from 'typeorm';
import { emptyCounts } from './snapshot-counts';

/** `a + b` bucket by bucket, never below zero, as a SQL expression over two jsonb values. */
const addCounts = (a: Sql, b: Sql) =>
  sql`(SELECT jsonb_object_agg(k, greatest(0, coalesce((${a}->>k)::int, 0) + coalesce((${b}->>k)::int, 0))) FROM jsonb_object_keys(${a} || ${b}) AS k)`;

const ZERO_COUNTS = Object.fromEntries(SNAPSHOT_PARAMETERS.map((parameter) => [parameter, emptyCounts(parameter)]));

/** The running counts behind the snapshots (table model_inventory_counters). */
@Injectable()
export class CountersRepository {
  /**
   * Adds to `statement`: each parameter's delta added to the organisation's running counts, and the new
   * counts appended as a snapshot, if the `subject` part wrote a row. The upsert waits for any writer
   * holding the counter row and adds to its committed value, so concurrent writers never lose a delta.
   * A missing row means the organisation has no counted model yet (the counters migration created rows
   * for every organisation that had models), so counting starts from zero in every bucket.
   */
  addBumpAndSnapshot(statement: WriteStatement, subject: PartRef, deltas: Partial<Record<SnapshotParameter, SnapshotCounts>>): void {
    const delta = JSON.stringify(deltas);
    const counters = statement.part(
      `${subject.name}_counters`,
      sql`INSERT INTO model_inventory_counters AS c (organization_id, parameter, counts)
          SELECT ${TENANT}, delta.key, ${addCounts(sql`(${JSON.stringify(ZERO_COUNTS)}::jsonb -> delta.key)`, sql`delta.value`)}
            FROM (SELECT 1 FROM ${subject} LIMIT 1) subject, jsonb_each(${delta}::jsonb) AS delta
              ON CONFLICT (organization_id, parameter)
              DO UPDATE SET counts = ${addCounts(sql`c.counts`, sql`(${delta}::jsonb -> excluded.parameter)`)}, updated_at = now()
          RETURNING c.organization_id, c.parameter, c.counts`,
      'tenant',
    );
    statement.part(
      `${subject.name}_snapshots`,
      sql`INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger)
          SELECT organization_id, parameter, counts, 'change' FROM ${counters}`,
      { through: counters },
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

