import { ModelStatus, SecurityAssessmentFile } from '@model-inventory/contracts';
import { Column, CreateDateColumn, DeleteDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ModelLinkEntity } from './model-link.entity';

@Entity('model_inventories')
export class ModelInventoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 200 })
  provider!: string;

  @Column({ type: 'varchar', length: 200 })
  model!: string;

  @Column({ type: 'varchar', length: 100 })
  version!: string;

  @Column({ type: 'varchar', length: 254 })
  approver!: string;

  @Column({ type: 'text', array: true })
  capabilities!: string[];

  @Column({ type: 'boolean', default: false })
  security_assessment!: boolean;

  @Column({ type: 'enum', enum: ModelStatus, enumName: 'model_status', default: ModelStatus.PENDING })
  status!: ModelStatus;

  /** `YYYY-MM-DD`; kept as a string so no time zone shifts the day. */
  @Column({ type: 'date' })
  status_date!: string;

  @Column({ type: 'varchar', length: 2048 })
  reference_link!: string;

  @Column({ type: 'text' })
  biases!: string;

  @Column({ type: 'text' })
  limitations!: string;

  @Column({ type: 'varchar', length: 200 })
  hosting_provider!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  security_assessment_data!: SecurityAssessmentFile[];

  @Column({ type: 'boolean', default: false })
  is_demo!: boolean;

  @Column({ type: 'integer', default: 1 })
  version_number!: number;

  /** Kept by the risk register's writes: its Open and In Progress risks, deleted ones not counted. */
  @Column({ type: 'integer', default: 0 })
  open_risk_count!: number;

  @Column({ type: 'integer', nullable: true })
  created_by_user_id!: number | null;

  /** The latest decision to Approved, Restricted or Blocked; all four are null while the model is Pending. */
  @Column({ type: 'text', nullable: true })
  status_rationale!: string | null;

  @Column({ type: 'integer', nullable: true })
  approved_by_user_id!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  approved_by_name!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approved_at!: Date | null;

  @OneToMany(() => ModelLinkEntity, (link) => link.model)
  links?: ModelLinkEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at!: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deleted_at!: Date | null;
}
