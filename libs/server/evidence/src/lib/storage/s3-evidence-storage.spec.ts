import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { S3EvidenceStorage } from './s3-evidence-storage';

async function* chunks(...parts: Array<Buffer | Error>): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if (part instanceof Error) throw part;
    yield part;
  }
}

async function bodyText(body: unknown): Promise<string> {
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  const collected: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) collected.push(Buffer.from(chunk));
  return Buffer.concat(collected).toString('utf8');
}

describe(S3EvidenceStorage.name, () => {
  let sent: unknown[];
  let sut: S3EvidenceStorage;
  let send: jest.Mock;

  beforeEach(() => {
    sent = [];
    send = jest.fn(async (command: { input: { Body?: unknown } }) => {
      sent.push(command);
      if (command instanceof PutObjectCommand) return { ETag: '"e"', text: await bodyText(command.input.Body) };
      if (command instanceof GetObjectCommand) return { Body: Readable.from([Buffer.from('stored bytes')]) };
      return {};
    });
    const client = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'k', secretAccessKey: 's' } });
    client.send = send as never;
    sut = new S3EvidenceStorage(client, 'evidence-bucket');
  });

  it('puts a small file under evidence/<key> in the bucket, with its bytes', async () => {
    await sut.write('1b4e28ba-2fa1-11d2-883f-0016d3cca427', chunks(Buffer.from('hello '), Buffer.from('world')));
    const put = sent.find((command) => command instanceof PutObjectCommand) as PutObjectCommand;
    expect(put.input).toMatchObject({ Bucket: 'evidence-bucket', Key: 'evidence/1b4e28ba-2fa1-11d2-883f-0016d3cca427' });
    expect((await send.mock.results[0].value).text).toBe('hello world');
  });

  it('sends nothing when the source fails (a refused or oversized file), and rethrows its error', async () => {
    const refusal = new Error('415: not an accepted type');
    await expect(sut.write('k', chunks(Buffer.from('MZ'), refusal))).rejects.toThrow('415: not an accepted type');
    expect(sent.filter((command) => command instanceof PutObjectCommand)).toEqual([]);
  });

  it('streams an object back and deletes it by the same key', async () => {
    expect(await bodyText(await sut.read('k'))).toBe('stored bytes');
    await sut.remove('k');
    const [get, del] = sent as [GetObjectCommand, DeleteObjectCommand];
    expect(get.input).toEqual({ Bucket: 'evidence-bucket', Key: 'evidence/k' });
    expect(del).toBeInstanceOf(DeleteObjectCommand);
    expect(del.input).toEqual({ Bucket: 'evidence-bucket', Key: 'evidence/k' });
  });
});
