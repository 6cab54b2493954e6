import { AutomationEvent } from '@model-inventory/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: AutomationEvent[];

  /** Only for a secret stored before secrets were sealed, until the API seals it at start-up. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  secret!: string | null;

  /** The signing secret, sealed with SecretBox (AES-256-GCM under SECRETS_KEY); never returned. */
  @Column({ type: 'text', nullable: true })
  secret_sealed!: string | null;

  /** The secret's last four characters, so an Admin can tell which one is set. */
  @Column({ type: 'varchar', length: 8 })
  secret_hint!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at!: Date;
}
