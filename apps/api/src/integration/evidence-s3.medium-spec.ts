import { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceModule } from '@model-inventory/server-evidence';
import { InventoryModule } from '@model-inventory/server-inventory';
import { createTestApp, registerOrganization, TestSession, testAppConfig } from '@model-inventory/server-testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { evidenceClient, files, sha256 } from './evidence-fixtures';
import { startTestBucket, TestBucket } from './s3-server';

/**
 * EVIDENCE_STORAGE=s3 end to end over HTTP: the bytes go to an S3-compatible bucket (MinIO when TEST_S3_ENDPOINT is
 * set, as in docker/compose.yml; otherwise an in-process S3 server), never to PostgreSQL.
 */
describe('evidence in an S3-compatible bucket: upload, download, refusal, delete and purge (real PostgreSQL, real S3 protocol)', () => {
  let app: NestExpressApplication;
  let bucket: TestBucket;
  let acme: TestSession;
  let client: ReturnType<typeof evidenceClient>;
  let modelId: number;
  const db = () => app.get(DataSource);
  const storageKey = async (id: number) => (await db().query('SELECT storage_backend, storage_key FROM model_evidence WHERE id = $1', [id]))[0] as { storage_backend: string; storage_key: string };

  beforeAll(async () => {
    bucket = await startTestBucket(`mi-evidence-${randomBytes(4).toString('hex')}`);
    app = await createTestApp([InventoryModule, EvidenceModule], testAppConfig({ ...bucket.env, EVIDENCE_MAX_BYTES: String(20 * 1024 * 1024), EVIDENCE_RETENTION_DAYS: '0' }));
    client = evidenceClient(app);
    acme = await registerOrganization(app);
    modelId = (await client.model(acme)).id;
  });

  afterAll(async () => {
    await app?.close();
    await bucket?.close();
  });

  it('stores a small file as one object under evidence/<key> with the exact bytes, and nothing in PostgreSQL', async () => {
    const evidence = await client.uploaded(acme, modelId, { file: files.pdf() });
    const { storage_backend, storage_key } = await storageKey(evidence.id);
    expect(storage_backend).toBe('s3');
    expect(await bucket.keys()).toContain(`evidence/${storage_key}`);
    expect(await bucket.bytes(`evidence/${storage_key}`)).toEqual(files.pdf());
    expect(Number((await db().query('SELECT count(*) AS n FROM evidence_blobs WHERE storage_key = $1', [storage_key]))[0].n)).toBe(0);
    expect((await client.download(acme, evidence.id).expect(200)).body).toEqual(files.pdf());
  });

  it('round-trips a 12 MB file sent as a multipart upload, hash for hash', async () => {
    const large = Buffer.concat([files.pdf(), randomBytes(12 * 1024 * 1024)]);
    const evidence = await client.uploaded(acme, modelId, { file: large, filename: 'stress-test.pdf' });
    expect(evidence).toMatchObject({ size: large.length, sha256: sha256(large) });
    const downloaded = (await client.download(acme, evidence.id).expect(200)).body as Buffer;
    expect(downloaded.length).toBe(large.length);
    expect(sha256(downloaded)).toBe(sha256(large));
  });

  it('leaves no object behind when the content is refused (415)', async () => {
    const before = await bucket.keys();
    const refused = await client.upload(acme, modelId, { file: files.pe(), filename: 'report.pdf' });
    expect(refused.status).toBe(415);
    expect(await bucket.keys()).toEqual(before);
  });

  it('keeps the object when evidence is deleted, and removes it on the Admin’s purge once retention has passed', async () => {
    const evidence = await client.uploaded(acme, modelId, { file: files.png(), filename: 'diagram.png' });
    const { storage_key } = await storageKey(evidence.id);
    await client.http().delete(`/api/evidence/${evidence.id}`).set(acme.auth).expect(204);
    expect(await bucket.keys()).toContain(`evidence/${storage_key}`);
    const purged = await client.http().post('/api/evidence/purge').set(acme.auth).send({}).expect(200);
    expect(purged.body).toMatchObject({ purged: 1, bytes: files.png().length, retention_days: 0 });
    expect(await bucket.keys()).not.toContain(`evidence/${storage_key}`);
  });
});
