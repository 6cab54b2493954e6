import { Injectable } from '@nestjs/common';
import { MlflowSyncCounts, MlflowSyncStatus, MlflowTestStatus } from '@model-inventory/contracts';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { MlflowIntegrationEntity } from './entities/mlflow-integration.entity';

export interface SyncOutcome {
  status: MlflowSyncStatus;
  message: string;
  counts: MlflowSyncCounts | null;
}

/** The organisation's MLflow connection (one at most). */
@Injectable()
export class MlflowIntegrationsRepository extends TenantRepository<MlflowIntegrationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, MlflowIntegrationEntity, 'MLflow integration');
  }

  findForOrganization(manager?: EntityManager, { lock = false } = {}): Promise<MlflowIntegrationEntity | null> {
    const query = this.scoped('integration', manager);
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async deleteForOrganization(manager: EntityManager): Promise<MlflowIntegrationEntity | null> {
    const existing = await this.findForOrganization(manager, { lock: true });
    if (existing) await this.repository(manager).delete({ id: existing.id, organization_id: this.organizationId });
    return existing;
  }

  async recordTest(status: MlflowTestStatus, message: string): Promise<void> {
    await this.repository().update({ organization_id: this.organizationId }, { last_test_status: status, last_test_message: message, last_tested_at: () => 'now()' });
  }

  async recordSync({ status, message, counts }: SyncOutcome): Promise<void> {
    const synced = status === 'skipped' ? {} : { last_synced_at: () => 'now()' };
    await this.repository().update({ organization_id: this.organizationId }, { ...synced, last_sync_status: status, last_sync_message: message.slice(0, 2000), last_sync_counts: counts as never });
  }

  /** For the scheduled fan-out, which has no actor: every organisation with an integration and its last test. */
  findAllForFanOut(): Promise<Array<{ organization_id: number; last_test_status: MlflowTestStatus | null; created_at: Date }>> {
    return this.dataSource.query(`SELECT organization_id, last_test_status, created_at FROM mlflow_integrations ORDER BY organization_id`);
  }
}
