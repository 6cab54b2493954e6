import { AuditAction } from '@model-inventory/contracts';
import { bigintToNumber } from '@model-inventory/server-core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One security-relevant act. Append-only: a database trigger refuses updates. */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintToNumber })
  id!: number;

  /** Null only for a failed sign-in with an e-mail no organisation knows. */
  @Column({ type: 'integer', nullable: true }) organization_id!: number | null;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) occurred_at!: Date;
  @Column({ type: 'varchar', length: 60 }) action!: AuditAction;
  @Column({ type: 'integer', nullable: true }) actor_user_id!: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) actor_name!: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) actor_email!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) user_agent!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) target_type!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) target_id!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details!: Record<string, unknown>;
}
