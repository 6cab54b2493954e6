import { createHash } from 'node:crypto';
import { ContentInspector } from './content-inspector';

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

async function drain(inspector: ContentInspector, source: AsyncIterable<Buffer>): Promise<Buffer> {
  const passed: Buffer[] = [];
  for await (const chunk of inspector.inspect(source)) passed.push(chunk);
  return Buffer.concat(passed);
}

describe(ContentInspector.name, () => {
  it('passes the bytes through unchanged and reports size, sha256 and the type', async () => {
    const sut = new ContentInspector(1000, 'metrics.csv');
    const passed = await drain(sut, chunks(Buffer.from('a,b\n'), Buffer.from('1,2\n')));
    expect(passed.toString()).toBe('a,b\n1,2\n');
    expect(sut.inspected()).toEqual({ size: 8, sha256: createHash('sha256').update('a,b\n1,2\n').digest('hex'), mimetype: 'text/csv' });
  });

  it('accepts UTF-8 text whose multi-byte characters are split across chunks', async () => {
    const text = Buffer.from('Évaluation ✓ réussie');
    const sut = new ContentInspector(1000, 'notes.md');
    await drain(sut, chunks(text.subarray(0, 1), text.subarray(1, 13), text.subarray(13)));
    expect(sut.inspected().mimetype).toBe('text/markdown');
  });

  it('allows exactly the limit and throws a 413 at the first byte over it, before passing that chunk on', async () => {
    await drain(new ContentInspector(4, 'a.txt'), chunks(Buffer.from('ab'), Buffer.from('cd')));
    const sut = new ContentInspector(4, 'a.txt');
    const passed: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of sut.inspect(chunks(Buffer.from('abc'), Buffer.from('de')))) passed.push(chunk);
      })(),
    ).rejects.toMatchObject({ status: 413 });
    expect(Buffer.concat(passed).toString()).toBe('abc');
  });

  it('refuses, at the end, what is neither an accepted type nor UTF-8 text', async () => {
    await expect(drain(new ContentInspector(1000, 'a.txt'), chunks(Buffer.from([0xff, 0xfe, 0x00, 0x41])))).rejects.toMatchObject({ status: 415 });
    expect(() => new ContentInspector(10, 'a.txt').inspected()).toThrow('not inspected');
  });
});
