import { Injectable } from '@nestjs/common';
import { RequestContext } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';

export interface OrganizationSettingsRow {
  approval_requires_evidence: boolean;
  updated_at: Date | null;
}

const DEFAULTS: OrganizationSettingsRow = { approval_requires_evidence: false, updated_at: null };

/** The actor's organisation's settings; an organisation without a row has the defaults. */
@Injectable()
export class OrganizationSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(manager: EntityManager = this.dataSource.manager, lock = false): Promise<OrganizationSettingsRow> {
    const [row] = await manager.query(
      `SELECT approval_requires_evidence, updated_at FROM organization_settings WHERE organization_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [RequestContext.requireActor().organizationId],
    );
    return row ?? DEFAULTS;
  }

  async save(manager: EntityManager, settings: Pick<OrganizationSettingsRow, 'approval_requires_evidence'>): Promise<OrganizationSettingsRow> {
    const { organizationId, userId } = RequestContext.requireActor();
    const [row] = await manager.query(
      `INSERT INTO organization_settings (organization_id, approval_requires_evidence, updated_by_user_id, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (organization_id) DO UPDATE SET approval_requires_evidence = EXCLUDED.approval_requires_evidence,
         updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()
       RETURNING approval_requires_evidence, updated_at`,
      [organizationId, settings.approval_requires_evidence, userId],
    );
    return row;
  }
}
