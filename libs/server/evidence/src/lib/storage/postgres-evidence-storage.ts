import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { EvidenceStorage } from './evidence-storage';

/** The size of one `evidence_blobs` row; an upload holds at most one chunk in memory. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/**
 * Bytes in `evidence_blobs`, in rows of about 1 MB written in one transaction as they arrive: a refused or broken
 * upload rolls back and leaves no row. Reads fetch one chunk at a time as the client takes them.
 */
export class PostgresEvidenceStorage implements EvidenceStorage {
  readonly backend = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async write(key: string, source: AsyncIterable<Buffer>): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let index = 0;
      const flush = async () => {
        await runner.query('INSERT INTO evidence_blobs (storage_key, chunk_index, data) VALUES ($1, $2, $3)', [key, index++, Buffer.concat(pending, pendingBytes)]);
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of source) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= BLOB_CHUNK_BYTES) await flush();
      }
      if (pendingBytes > 0) await flush();
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
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
