import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `model_evidence`, for tenant-scoped reads; writes go through the audited write (evidence-statements.ts). */
@Entity('model_evidence')
export class EvidenceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'integer' })
  model_id!: number;

  @Column({ type: 'varchar', length: 200 })
  filename!: string;

  @Column({ type: 'varchar', length: 60 })
  evidence_type!: string;

  @Column({ type: 'date', nullable: true })
  expiry_date!: string | null;

  @Column({ type: 'timestamptz' })
  upload_date!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deleted_at!: Date | null;
}
