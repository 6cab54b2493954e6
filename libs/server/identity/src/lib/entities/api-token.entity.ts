import { Role } from '@model-inventory/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A key for scripts and CI. Only the SHA-256 of the token is stored; the token is shown once. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) organization_id!: number;
  @Column({ type: 'integer' }) user_id!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' }) role!: Role;
  @Column({ type: 'varchar', length: 16 }) prefix!: string;
  @Column({ type: 'char', length: 64, select: false }) token_hash!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) created_at!: Date;
  @Column({ type: 'timestamptz', nullable: true }) expires_at!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) last_used_at!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revoked_at!: Date | null;
}
