import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ModelInventoryEntity } from './model-inventory.entity';

/** The seed's model_inventories_projects_frameworks: each row links a model to a project, a framework, or both. */
@Entity('model_inventories_projects_frameworks')
export class ModelLinkEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  model_inventory_id!: number;

  @ManyToOne(() => ModelInventoryEntity, (model) => model.links, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'model_inventory_id' })
  model?: ModelInventoryEntity;

  @Column({ type: 'integer', nullable: true })
  project_id!: number | null;

  @Column({ type: 'integer', nullable: true })
  framework_id!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at!: Date;
}
