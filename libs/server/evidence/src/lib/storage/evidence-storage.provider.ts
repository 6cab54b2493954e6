import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { EVIDENCE_STORAGE, EvidenceStorage } from './evidence-storage';
import { PostgresEvidenceStorage } from './postgres-evidence-storage';
import { S3EvidenceStorage } from './s3-evidence-storage';

/** The storage EVIDENCE_STORAGE names: PostgreSQL (default) or an S3-compatible bucket. */
export const evidenceStorageProvider: Provider = {
  provide: EVIDENCE_STORAGE,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): EvidenceStorage => {
    switch (config.evidence.storage) {
      case 's3':
        return S3EvidenceStorage.fromConfig(config.evidence.s3);
      case 'postgres':
        return new PostgresEvidenceStorage(dataSource);
    }
  },
};
