import { ServiceUnavailableError } from '@model-inventory/server-core';
import { EvidenceStorage } from './evidence-storage';

export type EvidenceBackend = EvidenceStorage['backend'];

/**
 * The storage new files go to (EVIDENCE_STORAGE) and every storage this process can reach, so that a row is read and
 * purged where it was written (`model_evidence.storage_backend`) after an installation moves from PostgreSQL to S3.
 */
export class EvidenceStores {
  private readonly byBackend: Map<EvidenceBackend, EvidenceStorage>;

  constructor(
    readonly current: EvidenceStorage,
    reachable: EvidenceStorage[],
  ) {
    this.byBackend = new Map([...reachable, current].map((storage) => [storage.backend, storage]));
  }

  /** Whether this process can reach `backend`. */
  reaches(backend: EvidenceBackend): boolean {
    return this.byBackend.has(backend);
  }

  /** The storage holding a row written to `backend`; a 503 naming the settings when this process cannot reach it. */
  of(backend: EvidenceBackend): EvidenceStorage {
    const storage = this.byBackend.get(backend);
    if (!storage) {
      throw new ServiceUnavailableError(
        `This file is stored in ${backend === 's3' ? 'an S3 bucket' : 'PostgreSQL'}, which this server is not configured to reach: set EVIDENCE_S3_BUCKET (and its endpoint and credentials) as when it was uploaded.`,
      );
    }
    return storage;
  }
}
