import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { EvidenceStorage } from './evidence-storage';

/** The size of one `evidence_blobs` row; an upload holds at most one chunk in memory. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/**
 * Bytes in `evidence_blobs`, in rows of about 1 MB inserted as they arrive. Each row is its own short write, so a slow
 * client never holds a pooled connection for the length of its upload; a refused or broken upload deletes the rows it
 * wrote before the error goes on. Nothing reads a key before its evidence row exists, which is written afterwards.
 */
export class PostgresEvidenceStorage implements EvidenceStorage {
  readonly backend = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async write(key: string, source: AsyncIterable<Buffer>): Promise<void> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let index = 0;
    const flush = async () => {
      await this.dataSource.query('INSERT INTO evidence_blobs (storage_key, chunk_index, data) VALUES ($1, $2, $3)', [key, index++, Buffer.concat(pending, pendingBytes)]);
      pending = [];
      pendingBytes = 0;
    };
    try {
      for await (const chunk of source) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= BLOB_CHUNK_BYTES) await flush();
      }
      if (pendingBytes > 0) await flush();
    } catch (error) {
      if (index > 0) await this.remove(key);
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const dataSource = this.dataSource;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let index = 0; ; index++) {
        const [row] = await dataSource.query('SELECT data FROM evidence_blobs WHERE storage_key = $1 AND chunk_index = $2', [key, index]);
        if (!row) return;
        yield row.data as Buffer;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async remove(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM evidence_blobs WHERE storage_key = $1', [key]);
  }
}
