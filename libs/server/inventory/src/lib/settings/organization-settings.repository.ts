import { Injectable } from '@nestjs/common';
import { DEFAULT_MATERIAL_FIELDS, MaterialField } from '@model-inventory/contracts';
import { RequestContext } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';

export interface OrganizationSettingsRow {
  approval_requires_evidence: boolean;
  review_on_material_change: boolean;
  material_fields: MaterialField[];
  require_status_rationale: boolean;
  updated_at: Date | null;
}

export type OrganizationRules = Omit<OrganizationSettingsRow, 'updated_at'>;

export const DEFAULT_SETTINGS: OrganizationSettingsRow = {
  approval_requires_evidence: false,
  review_on_material_change: false,
  material_fields: [...DEFAULT_MATERIAL_FIELDS],
  require_status_rationale: false,
  updated_at: null,
};

const COLUMNS = 'approval_requires_evidence, review_on_material_change, material_fields, require_status_rationale, updated_at';

/** The actor's organisation's settings; an organisation without a row has the defaults. */
@Injectable()
export class OrganizationSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(manager: EntityManager = this.dataSource.manager, lock = false): Promise<OrganizationSettingsRow> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM organization_settings WHERE organization_id = $1${lock ? ' FOR UPDATE' : ''}`, [
      RequestContext.requireActor().organizationId,
    ]);
    return row ?? DEFAULT_SETTINGS;
  }

  async save(manager: EntityManager, rules: OrganizationRules): Promise<OrganizationSettingsRow> {
    const { organizationId, userId } = RequestContext.requireActor();
    const [row] = await manager.query(
      `INSERT INTO organization_settings (organization_id, approval_requires_evidence, review_on_material_change, material_fields, require_status_rationale, updated_by_user_id, updated_at)
       VALUES ($1, $2, $3, $4::text[], $5, $6, now())
       ON CONFLICT (organization_id) DO UPDATE SET approval_requires_evidence = EXCLUDED.approval_requires_evidence,
         review_on_material_change = EXCLUDED.review_on_material_change, material_fields = EXCLUDED.material_fields,
         require_status_rationale = EXCLUDED.require_status_rationale, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()
       RETURNING ${COLUMNS}`,
      [organizationId, rules.approval_requires_evidence, rules.review_on_material_change, rules.material_fields, rules.require_status_rationale, userId],
    );
    return row;
  }
}
