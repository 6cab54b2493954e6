import { Injectable } from '@nestjs/common';
import { AuditAction } from '@model-inventory/contracts';
import { RequestContext } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  /** What was acted on. */
  target?: { type: string; id: string | number };
  /** Facts worth keeping (never a secret), e.g. `{ from: 'Editor', to: 'Admin' }`. */
  details?: Record<string, unknown>;
  /** Who acted, when it is not the request's actor (sign-in, where the actor is being established). */
  actor?: { organizationId: number | null; userId: number | null; name: string | null; email: string | null };
}

/**
 * The security audit log: who signed in (or failed to), changed whom, made or revoked which key, webhook, share or
 * integration. Records the request's actor and client address unless told otherwise; pass the transaction's
 * `manager` so the record commits (or not) with the change it describes.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(action: AuditAction, { target, details = {}, actor }: AuditRecord = {}, manager?: EntityManager): Promise<void> {
    const current = RequestContext.actor();
    const who = actor ?? (current ? { organizationId: current.organizationId, userId: current.userId, name: current.name, email: current.email } : null);
    const { ip, userAgent } = RequestContext.client();
    const row: Omit<AuditEventEntity, 'id' | 'occurred_at'> = {
      organization_id: who?.organizationId ?? null,
      action,
      actor_user_id: who?.userId ?? null,
      actor_name: who?.name ?? null,
      actor_email: who?.email ?? null,
      ip,
      user_agent: userAgent,
      target_type: target?.type ?? null,
      target_id: target ? String(target.id) : null,
      details,
    };
    // TypeORM's deep-partial type cannot describe a free-form jsonb object; the row is complete and typed above.
    await (manager ?? this.dataSource.manager).getRepository(AuditEventEntity).insert(row as never);
  }
}
