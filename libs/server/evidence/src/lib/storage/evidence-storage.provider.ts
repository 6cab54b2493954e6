import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { EVIDENCE_STORAGE, EvidenceStorage } from './evidence-storage';
import { PostgresEvidenceStorage } from './postgres-evidence-storage';

/** The storage EVIDENCE_STORAGE names: PostgreSQL (default). */
export const evidenceStorageProvider: Provider = {
  provide: EVIDENCE_STORAGE,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): EvidenceStorage => {
    switch (config.evidence.storage) {
      case 'postgres':
        return new PostgresEvidenceStorage(dataSource);
      default:
        throw new Error(`EVIDENCE_STORAGE=${config.evidence.storage} is not available in this build`);
    }
  },
};
