import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { EvidenceConfig } from '@model-inventory/server-core';
import { Readable } from 'node:stream';
import { EvidenceStorage } from './evidence-storage';

/** S3 multipart parts: the minimum part size, two in flight, so an upload holds at most ~10 MB. */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * Bytes in an S3-compatible bucket (AWS, MinIO, …) under `evidence/<key>`. A file smaller than one part is sent as
 * one PUT once it has been read to its end (so a refused file is never sent); a larger one as a multipart upload
 * that is aborted, its parts removed, when the source fails.
 */
export class S3EvidenceStorage implements EvidenceStorage {
  readonly backend = 's3' as const;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  static fromConfig({ bucket, endpoint, region, accessKeyId, secretAccessKey, forcePathStyle }: EvidenceConfig['s3']): S3EvidenceStorage {
    const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
    return new S3EvidenceStorage(new S3Client({ region, forcePathStyle, ...(endpoint ? { endpoint } : {}), ...(credentials ? { credentials } : {}) }), bucket);
  }

  async write(key: string, source: AsyncIterable<Buffer>): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: Readable.from(source, { objectMode: false }) },
      partSize: PART_BYTES,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async read(key: string): Promise<Readable> {
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    if (!(Body instanceof Readable)) throw new Error(`evidence object ${key} has no readable body`);
    return Body;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  private objectKey(key: string): string {
    return `evidence/${key}`;
  }
}
