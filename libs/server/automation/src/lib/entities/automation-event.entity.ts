import { DeliveredEvent } from '@model-inventory/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@model-inventory/server-core';

/** The transactional outbox: written in the caller's transaction, dispatched by the worker after commit. */
@Entity('automation_events')
export class AutomationEventEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintToNumber })
  id!: number;

  /** Names the event in queue job ids and in the webhook envelope: unique across database lifetimes. */
  @Column({ type: 'uuid', default: () => 'gen_random_uuid()' })
  uuid!: string;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 40 })
  event!: DeliveredEvent;

  /** The written row under its entity's key, as the database wrote it; presented by its domain when sent. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurred_at!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatched_at!: Date | null;
}
