import { Injectable } from '@nestjs/common';
import { SnapshotCounts, SnapshotParameter } from '@model-inventory/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { SnapshotEntity, SnapshotTrigger } from './entities/snapshot.entity';
import { normalizeCounts } from './snapshot-counts';

const COUNTED_EXPRESSION: Record<SnapshotParameter, string> = {
  status: 'status::text',
  security_assessment: 'security_assessment::text',
};

export interface NewSnapshot {
  parameter: SnapshotParameter;
  counts: SnapshotCounts;
}

interface SnapshotRow {
  id: string;
  parameter: SnapshotParameter;
  snapshot_data: SnapshotCounts;
  trigger: SnapshotTrigger;
  recorded_at: Date;
}

/** Snapshot queries take the organisation explicitly: the worker and the inventory's write path have no HTTP actor. */
@Injectable()
export class SnapshotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Live models only; inside a transaction this includes its own uncommitted writes. */
  async countLive(organizationId: number, parameter: SnapshotParameter, manager?: EntityManager): Promise<SnapshotCounts> {
    const rows: Array<{ bucket: string; count: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COUNTED_EXPRESSION[parameter]} AS bucket, count(*)::int AS count
         FROM model_inventories
        WHERE organization_id = $1 AND deleted_at IS NULL
        GROUP BY 1`,
      [organizationId],
    );
    return normalizeCounts(parameter, Object.fromEntries(rows.map((row) => [row.bucket, row.count])));
  }

  /** Live demo models (seeded with a new organisation, removable by "Clear demo data"). */
  async countLiveDemo(organizationId: number): Promise<number> {
    const [row]: Array<{ count: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL AND is_demo',
      [organizationId],
    );
    return row?.count ?? 0;
  }

  async append(manager: EntityManager, organizationId: number, trigger: SnapshotTrigger, snapshots: NewSnapshot[]): Promise<SnapshotEntity[]> {
    if (snapshots.length === 0) return [];
    const values = snapshots.map(({ parameter, counts }) => ({ organization_id: organizationId, parameter, snapshot_data: counts, trigger }));
    const result = await manager.createQueryBuilder().insert().into(SnapshotEntity).values(values).returning('*').updateEntity(false).execute();
    return (result.raw as SnapshotRow[]).map((row) => ({ ...row, id: Number(row.id), organization_id: organizationId }));
  }

  async findLatestBefore(organizationId: number, parameter: SnapshotParameter, day: string): Promise<SnapshotCounts | null> {
    const rows: Array<Pick<SnapshotRow, 'snapshot_data'>> = await this.dataSource.query(
      `SELECT snapshot_data FROM model_inventory_snapshots
        WHERE organization_id = $1 AND parameter = $2 AND recorded_at < ($3::timestamp AT TIME ZONE 'UTC')
        ORDER BY recorded_at DESC, id DESC LIMIT 1`,
      [organizationId, parameter, day],
    );
    return rows[0]?.snapshot_data ?? null;
  }

  /** Day (`YYYY-MM-DD`, UTC) → the last snapshot recorded that day, for the days that have one: one index probe per day. */
  async findLastOfEachDay(organizationId: number, parameter: SnapshotParameter, from: string, to: string): Promise<Map<string, SnapshotCounts>> {
    const rows: Array<{ day: string; snapshot_data: SnapshotCounts }> = await this.dataSource.query(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, s.snapshot_data
         FROM generate_series($3::timestamp, $4::timestamp, interval '1 day') AS d(day)
         CROSS JOIN LATERAL (
           SELECT snapshot_data FROM model_inventory_snapshots
            WHERE organization_id = $1 AND parameter = $2
              AND recorded_at >= (d.day AT TIME ZONE 'UTC') AND recorded_at < ((d.day + interval '1 day') AT TIME ZONE 'UTC')
            ORDER BY recorded_at DESC, id DESC LIMIT 1) s`,
      [organizationId, parameter, from, to],
    );
    return new Map(rows.map((row) => [row.day, row.snapshot_data]));
  }

  async organizationExists(organizationId: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
    return rows.length > 0;
  }

  async findOrganizationIds(): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query('SELECT id FROM organizations ORDER BY id');
    return rows.map((row) => row.id);
  }
}
