import { DeliveryStatus } from '@model-inventory/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AutomationEventEntity } from './automation-event.entity';
import { bigintToNumber } from '@model-inventory/server-core';

/** One row per HTTP attempt, successful or not. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintToNumber })
  id!: number;

  @Column({ type: 'integer' })
  webhook_id!: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  event_id!: number;

  @ManyToOne(() => AutomationEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: AutomationEventEntity;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'integer', nullable: true })
  response_code!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'integer' })
  duration_ms!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  delivered_at!: Date;
}
