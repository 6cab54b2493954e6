import { ShareFieldSet, ShareResource } from '@model-inventory/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A read-only view of the register for someone without an account. The token itself is never stored. */
@Entity('share_links')
export class ShareLinkEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) organization_id!: number;
  /** SHA-256 of the token, hex. */
  @Column({ type: 'char', length: 64, select: false }) token_hash!: string;
  @Column({ type: 'enum', enum: ['models', 'risks'], enumName: 'share_resource' }) resource!: ShareResource;
  @Column({ type: 'jsonb', default: () => "'{}'" }) filters!: Record<string, unknown>;
  @Column({ type: 'enum', enum: ['summary', 'all'], enumName: 'share_fields' }) fields!: ShareFieldSet;
  @Column({ type: 'boolean', default: false }) allow_export!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) expires_at!: Date | null;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) revoked_at!: Date | null;
  @Column({ type: 'integer', nullable: true }) created_by!: number | null;
  @Column({ type: 'timestamptz' }) created_at!: Date;
  @Column({ type: 'timestamptz', nullable: true }) last_accessed_at!: Date | null;
  @Column({ type: 'integer', default: 0 }) access_count!: number;
}
