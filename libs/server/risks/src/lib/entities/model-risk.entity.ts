import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, RiskRating } from '@model-inventory/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The seed's model_risks. Writes go through the audited write (risk-statements.ts); TypeORM reads. */
@Entity('model_risks')
export class ModelRiskEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'integer' })
  model_id!: number;

  @Column({ type: 'varchar', length: 300 })
  risk_name!: string;

  @Column({ type: 'enum', enum: ModelRiskCategory, enumName: 'model_risk_category' })
  risk_category!: ModelRiskCategory;

  @Column({ type: 'enum', enum: ModelRiskLevel, enumName: 'model_risk_level' })
  risk_level!: ModelRiskLevel;

  @Column({ type: 'enum', enum: ModelRiskStatus, enumName: 'model_risk_status', default: ModelRiskStatus.OPEN })
  status!: ModelRiskStatus;

  @Column({ type: 'varchar', length: 200 })
  owner!: string;

  /** `YYYY-MM-DD`; kept as a string so no time zone shifts the day. */
  @Column({ type: 'date' })
  target_date!: string;

  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', nullable: true }) mitigation_plan!: string | null;
  @Column({ type: 'enum', enum: RiskRating, enumName: 'risk_rating', nullable: true }) impact!: RiskRating | null;
  @Column({ type: 'enum', enum: RiskRating, enumName: 'risk_rating', nullable: true }) likelihood!: RiskRating | null;
  @Column({ type: 'text', nullable: true }) key_metrics!: string | null;
  @Column({ type: 'text', nullable: true }) current_values!: string | null;
  @Column({ type: 'text', nullable: true }) threshold!: string | null;

  @Column({ type: 'integer', nullable: true }) accepted_by_user_id!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) accepted_at!: Date | null;
  @Column({ type: 'boolean', default: false }) is_deleted!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) deleted_at!: Date | null;
  @Column({ type: 'integer', default: 1 }) version_number!: number;
  @Column({ type: 'integer', nullable: true }) created_by_user_id!: number | null;
  @Column({ type: 'timestamptz' }) created_at!: Date;
  @Column({ type: 'timestamptz' }) updated_at!: Date;
}
