import { detectFileType } from './file-type-detector';

describe('detectFileType', () => {
  it('recognises a PDF and an ELF executable by their magic bytes, and nothing in plain text', async () => {
    expect((await detectFileType(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1')))?.mime).toBe('application/pdf');
    expect((await detectFileType(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)])))?.mime).toBe('application/x-elf');
    expect(await detectFileType(Buffer.from('name,score\nalpha,1\n'))).toBeUndefined();
  });
});
