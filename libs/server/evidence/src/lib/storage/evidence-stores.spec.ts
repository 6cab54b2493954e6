import { ServiceUnavailableError } from '@model-inventory/server-core';
import { Readable } from 'node:stream';
import { EvidenceStorage } from './evidence-storage';
import { EvidenceStores } from './evidence-stores';

const storage = (backend: EvidenceStorage['backend']): EvidenceStorage => ({
  backend,
  write: async () => undefined,
  read: async () => Readable.from([]),
  remove: async () => undefined,
});

describe(EvidenceStores.name, () => {
  it('reads a row from the backend it was written to, whichever one new files go to', () => {
    const postgres = storage('postgres');
    const s3 = storage('s3');
    const stores = new EvidenceStores(s3, [postgres, s3]);
    expect(stores.current).toBe(s3);
    expect(stores.of('postgres')).toBe(postgres);
    expect(stores.of('s3')).toBe(s3);
  });

  it('answers 503 naming the setting for a row in a bucket this server is not configured for', () => {
    const stores = new EvidenceStores(storage('postgres'), []);
    expect(stores.reaches('s3')).toBe(false);
    expect(() => stores.of('s3')).toThrow(ServiceUnavailableError);
    expect(() => stores.of('s3')).toThrow(/EVIDENCE_S3_BUCKET/);
  });
});
