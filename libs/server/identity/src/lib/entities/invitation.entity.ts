import { Role } from '@model-inventory/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An Admin's invitation to join the organisation; only the SHA-256 of its one-time token is kept. */
@Entity('user_invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Column({ type: 'char', length: 64, select: false })
  token_hash!: string;

  @Column({ type: 'integer', nullable: true })
  invited_by!: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  created_at!: Date;

  @Column({ type: 'timestamptz' })
  expires_at!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  accepted_at!: Date | null;

  @Column({ type: 'integer', nullable: true })
  accepted_user_id!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  revoked_at!: Date | null;
}
