import { ChangeAction } from '@model-inventory/contracts';
import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@model-inventory/server-core';

/** One changed field of one model write. Append-only. */
@Entity('model_inventory_change_history')
export class ChangeHistoryEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintToNumber })
  @Generated('increment')
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'integer' })
  model_inventory_id!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: ChangeAction;

  @Column({ type: 'varchar', length: 100 })
  field_name!: string;

  @Column({ type: 'text', nullable: true })
  old_value!: string | null;

  @Column({ type: 'text', nullable: true })
  new_value!: string | null;

  @Column({ type: 'integer', nullable: true })
  changed_by_user_id!: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changed_at!: Date;
}
