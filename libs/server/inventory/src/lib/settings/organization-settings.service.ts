import { Injectable } from '@nestjs/common';
import { OrganizationSettingsResponse } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { RequestContext } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { UpdateOrganizationSettingsDto } from './organization-settings.dto';
import { OrganizationRules, OrganizationSettingsRepository, OrganizationSettingsRow } from './organization-settings.repository';

const toResponse = (row: OrganizationSettingsRow): OrganizationSettingsResponse => ({
  approval_requires_evidence: row.approval_requires_evidence,
  review_on_material_change: row.review_on_material_change,
  material_fields: row.material_fields,
  require_status_rationale: row.require_status_rationale,
  updated_at: row.updated_at ? new Date(row.updated_at).toISOString() : null,
});

const RULES = ['approval_requires_evidence', 'review_on_material_change', 'material_fields', 'require_status_rationale'] as const;

/** Per-organisation rules; a change is a security audit record (`organization.settings_changed`) in the same transaction. */
@Injectable()
export class OrganizationSettingsService {
  constructor(
    private readonly auditLog: AuditLog,
    private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsRepository,
  ) {}

  async get(): Promise<OrganizationSettingsResponse> {
    return toResponse(await this.settings.find());
  }

  update(dto: UpdateOrganizationSettingsDto): Promise<OrganizationSettingsResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.settings.find(manager, true);
      const after = Object.fromEntries(RULES.map((rule) => [rule, dto[rule] ?? before[rule]])) as OrganizationRules;
      const changed = RULES.filter((rule) => JSON.stringify(before[rule]) !== JSON.stringify(after[rule]));
      if (changed.length === 0) return toResponse(before);
      const saved = await this.settings.save(manager, after);
      const { organizationId } = RequestContext.requireActor();
      const details = Object.fromEntries(changed.map((rule) => [rule, { from: before[rule], to: after[rule] }]));
      await this.auditLog.record('organization.settings_changed', { target: { type: 'organization', id: organizationId }, details }, manager);
      return toResponse(saved);
    });
  }
}
