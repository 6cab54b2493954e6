import { ChangeAction } from '@model-inventory/contracts';
import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@model-inventory/server-core';

/** One changed field of one write of an audited entity. Append-only. */
@Entity('change_history')
export class ChangeHistoryEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintToNumber })
  @Generated('increment')
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  /** `model`, `risk`, … as the entity's AuditedEntity declares. */
  @Column({ type: 'varchar', length: 40 })
  entity_type!: string;

  @Column({ type: 'integer' })
  entity_id!: number;

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

  /** Who acted when no user did, e.g. "MLflow sync". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  changed_by_system!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changed_at!: Date;
}
