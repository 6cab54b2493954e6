import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FrameworkEntity } from './framework.entity';

@Entity('projects')
export class ProjectEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Made by the demo data; "Clear demo data" removes it once no model of the organisation's own links to it. */
  @Column({ type: 'boolean', default: false })
  is_demo!: boolean;

  @ManyToMany(() => FrameworkEntity)
  @JoinTable({ name: 'project_frameworks', joinColumn: { name: 'project_id' }, inverseJoinColumn: { name: 'framework_id' } })
  frameworks!: FrameworkEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at!: Date;
}
