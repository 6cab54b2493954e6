import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One sign-in. Access tokens name it (`sid`), so signing out or a password change can end it at once. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id!: string;
  @Column({ type: 'integer' }) organization_id!: number;
  @Column({ type: 'integer' }) user_id!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) created_at!: Date;
  @Column({ type: 'timestamptz' }) expires_at!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revoked_at!: Date | null;
  /** `logout`, `password_changed`, `password_reset`, `role_changed`, `user_removed`. */
  @Column({ type: 'varchar', length: 40, nullable: true }) revoked_reason!: string | null;
}
