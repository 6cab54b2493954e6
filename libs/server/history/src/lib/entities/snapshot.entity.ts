import { SnapshotCounts, SnapshotParameter } from '@model-inventory/contracts';
import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@model-inventory/server-core';

export type SnapshotTrigger = 'change' | 'manual' | 'daily';

/** The bucket counts of one parameter for one organisation at one instant. Append-only. */
@Entity('model_inventory_snapshots')
export class SnapshotEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintToNumber })
  @Generated('increment')
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 40 })
  parameter!: SnapshotParameter;

  @Column({ type: 'jsonb' })
  snapshot_data!: SnapshotCounts;

  @Column({ type: 'varchar', length: 16 })
  trigger!: SnapshotTrigger;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  recorded_at!: Date;
}
