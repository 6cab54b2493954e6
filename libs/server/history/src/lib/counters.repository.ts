import { Injectable } from '@nestjs/common';
import { SnapshotCounts, SnapshotParameter } from '@model-inventory/contracts';
import { EntityManager } from 'typeorm';

/** `a + b` bucket by bucket, never below zero, as a SQL expression over two jsonb values. */
const ADD_COUNTS = (a: string, b: string) =>
  `(SELECT jsonb_object_agg(k, greatest(0, coalesce((${a}->>k)::int, 0) + coalesce((${b}->>k)::int, 0))) FROM jsonb_object_keys(${a} || ${b}) AS k)`;

/** The running counts behind the snapshots (table model_inventory_counters). */
@Injectable()
export class CountersRepository {
  /**
   * Adds each parameter's delta to its running counts and appends the new counts as a snapshot, in one
   * statement. The UPDATE waits for any writer holding the row and then adds to its committed value, so
   * concurrent writers never lose a delta. Returns the parameters that had no counter row yet.
   */
  async bumpAndSnapshot(manager: EntityManager, organizationId: number, deltas: Partial<Record<SnapshotParameter, SnapshotCounts>>): Promise<SnapshotParameter[]> {
    const rows: Array<{ parameter: SnapshotParameter }> = await manager.query(
      `WITH delta AS (SELECT key AS parameter, value AS delta FROM jsonb_each($2::jsonb)),
            bumped AS (
              UPDATE model_inventory_counters c
                 SET counts = ${ADD_COUNTS('c.counts', 'delta.delta')}, updated_at = now()
                FROM delta
               WHERE c.organization_id = $1 AND c.parameter = delta.parameter
           RETURNING c.parameter, c.counts)
       INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger)
       SELECT $1, parameter, counts, 'change' FROM bumped
       RETURNING parameter`,
      [organizationId, JSON.stringify(deltas)],
    );
    const bumped = new Set(rows.map((row) => row.parameter));
    return (Object.keys(deltas) as SnapshotParameter[]).filter((parameter) => !bumped.has(parameter));
  }

  /** Creates a missing counter row; false if another transaction created it first (then bump instead). */
  async insertIfMissing(manager: EntityManager, organizationId: number, parameter: SnapshotParameter, counts: SnapshotCounts): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO model_inventory_counters (organization_id, parameter, counts) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (organization_id, parameter) DO NOTHING RETURNING parameter`,
      [organizationId, parameter, JSON.stringify(counts)],
    );
    return rows.length > 0;
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

