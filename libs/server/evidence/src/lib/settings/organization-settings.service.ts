import { Injectable } from '@nestjs/common';
import { OrganizationSettingsResponse } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { RequestContext } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { UpdateOrganizationSettingsDto } from '../dto/organization-settings.dto';
import { OrganizationSettingsRepository, OrganizationSettingsRow } from './organization-settings.repository';

const toResponse = (row: OrganizationSettingsRow): OrganizationSettingsResponse => ({
  approval_requires_evidence: row.approval_requires_evidence,
  updated_at: row.updated_at ? new Date(row.updated_at).toISOString() : null,
});

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
      const after = { approval_requires_evidence: dto.approval_requires_evidence ?? before.approval_requires_evidence };
      if (after.approval_requires_evidence === before.approval_requires_evidence) return toResponse(before);
      const saved = await this.settings.save(manager, after);
      const { organizationId } = RequestContext.requireActor();
      await this.auditLog.record(
        'organization.settings_changed',
        { target: { type: 'organization', id: organizationId }, details: { approval_requires_evidence: { from: before.approval_requires_evidence, to: after.approval_requires_evidence } } },
        manager,
      );
      return toResponse(saved);
    });
  }
}
