import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('worker_heartbeats')
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  worker_id!: string;

  @Column({ type: 'varchar', length: 200 })
  hostname!: string;

  @Column({ type: 'integer' })
  pid!: number;

  @Column({ type: 'timestamptz' })
  last_seen_at!: Date;
}
