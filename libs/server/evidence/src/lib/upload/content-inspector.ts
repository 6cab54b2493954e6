import { createHash, Hash } from 'node:crypto';
import { acceptedMimetype } from './content-check';
import { PayloadTooLargeError } from './upload-errors';

/** How much of the start of a file content detection reads (Office files are told apart by their first zip entries). */
export const DETECTION_HEAD_BYTES = 1024 * 1024;

export interface InspectedContent {
  size: number;
  sha256: string;
  mimetype: string;
}

/**
 * Watches an upload as it streams through to storage: counts it (a 413 the moment it passes `maxBytes`), hashes it,
 * keeps its first MB for type detection and checks it is UTF-8 text without NULs; when the stream ends, decides
 * its type (a 415 if refused) before the storage sees the end, so a refused file is never committed.
 */
export class ContentInspector {
  private size = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private isUtf8Text = true;
  private result?: InspectedContent;

  constructor(
    private readonly maxBytes: number,
    private readonly filename: string,
  ) {}

  async *inspect(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      this.take(chunk);
      yield chunk;
    }
    this.finishText();
    const mimetype = await acceptedMimetype({ head: Buffer.concat(this.head, this.headBytes), isUtf8Text: this.isUtf8Text, filename: this.filename });
    this.result = { size: this.size, sha256: this.hash.digest('hex'), mimetype };
  }

  /** What the inspection found; only after the stream was read to its end and accepted. */
  inspected(): InspectedContent {
    if (!this.result) throw new Error('the upload was not inspected to its end');
    return this.result;
  }

  private take(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) throw new PayloadTooLargeError(`The file is larger than the limit of ${this.maxBytes} bytes.`);
    this.hash.update(chunk);
    if (this.headBytes < DETECTION_HEAD_BYTES) {
      const part = chunk.subarray(0, DETECTION_HEAD_BYTES - this.headBytes);
      this.head.push(Buffer.from(part));
      this.headBytes += part.length;
    }
    if (this.isUtf8Text) this.checkText(chunk);
  }

  private checkText(chunk: Buffer): void {
    if (chunk.includes(0)) {
      this.isUtf8Text = false;
      return;
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.isUtf8Text = false;
    }
  }

  private finishText(): void {
    if (!this.isUtf8Text) return;
    try {
      this.decoder.decode();
    } catch {
      this.isUtf8Text = false;
    }
  }
}
