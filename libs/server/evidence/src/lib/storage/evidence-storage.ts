import { Readable } from 'node:stream';
import { EvidenceStorageKind } from '@model-inventory/server-core';

/**
 * Where evidence bytes live, by an opaque key that only the evidence row knows. Bytes go in and out as streams;
 * no implementation holds a whole file in memory.
 */
export interface EvidenceStorage {
  /** Stored in `model_evidence.storage_backend`, so a row is always read from where it was written. */
  readonly backend: EvidenceStorageKind;
  /**
   * Stores `source` under `key`. If `source` throws (too large, refused content, a broken upload), nothing is left
   * under `key` and the error is rethrown.
   */
  write(key: string, source: AsyncIterable<Buffer>): Promise<void>;
  /** The bytes stored under `key`, streamed. */
  read(key: string): Promise<Readable>;
  /** Forgets `key` (nothing happens when nothing is stored). */
  remove(key: string): Promise<void>;
}
