import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { EvidenceStores } from './evidence-stores';
import { PostgresEvidenceStorage } from './postgres-evidence-storage';

/**
 * New files go where EVIDENCE_STORAGE says (PostgreSQL by default, or an S3-compatible bucket); files already stored
 * stay readable where they are: PostgreSQL always, the bucket whenever EVIDENCE_S3_BUCKET is set.
 */
export const evidenceStorageProvider: Provider = {
  provide: EvidenceStores,
  inject: [APP_CONFIG, DataSource],
  useFactory: async (config: AppConfig, dataSource: DataSource): Promise<EvidenceStores> => {
    const postgres = new PostgresEvidenceStorage(dataSource);
    // The AWS SDK is loaded only when a bucket is configured (it weighs on every process's memory otherwise).
    const s3 = config.evidence.s3.bucket ? (await import('./s3-evidence-storage')).S3EvidenceStorage.fromConfig(config.evidence.s3) : null;
    const reachable = s3 ? [postgres, s3] : [postgres];
    return new EvidenceStores(config.evidence.storage === 's3' && s3 ? s3 : postgres, reachable);
  },
};
