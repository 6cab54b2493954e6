import { MlflowAuthMethod, MlflowSyncCounts, MlflowSyncStatus, MlflowTestStatus } from '@model-inventory/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One organisation's MLflow connection. The `*_sealed` columns hold SecretBox values, never plain text. */
@Entity('mlflow_integrations')
export class MlflowIntegrationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) organization_id!: number;
  @Column({ type: 'varchar', length: 2048 }) tracking_server_url!: string;
  @Column({ type: 'varchar', length: 10 }) auth_method!: MlflowAuthMethod;
  @Column({ type: 'text', nullable: true }) username_sealed!: string | null;
  @Column({ type: 'text', nullable: true }) password_sealed!: string | null;
  @Column({ type: 'text', nullable: true }) api_token_sealed!: string | null;
  @Column({ type: 'boolean', default: true }) verify_ssl!: boolean;
  @Column({ type: 'integer', default: 30 }) timeout!: number;
  @Column({ type: 'timestamptz', nullable: true }) last_synced_at!: Date | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) last_sync_status!: MlflowSyncStatus | null;
  @Column({ type: 'text', nullable: true }) last_sync_message!: string | null;
  @Column({ type: 'jsonb', nullable: true }) last_sync_counts!: MlflowSyncCounts | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) last_test_status!: MlflowTestStatus | null;
  @Column({ type: 'text', nullable: true }) last_test_message!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) last_tested_at!: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) created_at!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updated_at!: Date;
}
