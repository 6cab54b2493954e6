import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestBucket {
  /** EVIDENCE_* settings that point the API at the bucket. */
  env: Record<string, string>;
  /** The bucket's object keys under `prefix`. */
  keys(prefix?: string): Promise<string[]>;
  /** An object's bytes, read directly from the bucket. */
  bytes(key: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * An S3-compatible bucket for tests: the server at TEST_S3_ENDPOINT when set (MinIO from docker/compose.yml, with
 * TEST_S3_ACCESS_KEY_ID / TEST_S3_SECRET_ACCESS_KEY), otherwise an in-process S3 server on a free port.
 */
export async function startTestBucket(bucket: string): Promise<TestBucket> {
  const external = process.env['TEST_S3_ENDPOINT'];
  let stop = async () => undefined as void;
  let endpoint = external ?? '';
  let credentials = { accessKeyId: process.env['TEST_S3_ACCESS_KEY_ID'] ?? 'minioadmin', secretAccessKey: process.env['TEST_S3_SECRET_ACCESS_KEY'] ?? 'minioadmin' };
  if (!external) {
    const directory = await mkdtemp(join(tmpdir(), 'mi-s3-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    stop = async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    };
  }
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    env: {
      EVIDENCE_STORAGE: 's3',
      EVIDENCE_S3_BUCKET: bucket,
      EVIDENCE_S3_ENDPOINT: endpoint,
      EVIDENCE_S3_REGION: 'us-east-1',
      EVIDENCE_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      EVIDENCE_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    async keys(prefix = 'evidence/') {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
    },
    async bytes(key) {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await (Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    },
    async close() {
      client.destroy();
      await stop();
    },
  };
}
