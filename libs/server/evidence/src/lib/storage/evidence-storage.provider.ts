import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { EvidenceStores } from './evidence-stores';
import { PostgresEvidenceStorage } from './postgres-evidence-storage';
import { S3EvidenceStorage } from './s3-evidence-storage';

/**
 * New files go where EVIDENCE_STORAGE says (PostgreSQL by default, or an S3-compatible bucket); files already stored
 * stay readable where they are: PostgreSQL always, the bucket whenever EVIDENCE_S3_BUCKET is set.
 */
export const evidenceStorageProvider: Provider = {
  provide: EvidenceStores,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): EvidenceStores => {
    const postgres = new PostgresEvidenceStorage(dataSource);
    const s3 = config.evidence.s3.bucket ? S3EvidenceStorage.fromConfig(config.evidence.s3) : null;
    const reachable = s3 ? [postgres, s3] : [postgres];
    return new EvidenceStores(config.evidence.storage === 's3' && s3 ? s3 : postgres, reachable);
  },
};
