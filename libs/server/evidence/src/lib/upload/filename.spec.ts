import { attachmentDisposition, sanitizeFilename } from './filename';

describe(sanitizeFilename.name, () => {
  it('keeps only the last path part, with either slash', () => {
    expect(sanitizeFilename('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(sanitizeFilename('C:\\Users\\me\\report.docx')).toBe('report.docx');
  });

  it('drops control characters, bidi overrides and leading dots', () => {
    expect(sanitizeFilename('re\u0000po\u0007rt\u202Efdp.exe.pdf')).toBe('reportfdp.exe.pdf');
    expect(sanitizeFilename('...hidden.txt')).toBe('hidden.txt');
  });

  it('bounds the length to 200 characters and keeps the extension', () => {
    const name = sanitizeFilename(`${'é'.repeat(300)}.xlsx`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('names a file that has nothing left "evidence"', () => {
    expect(sanitizeFilename('/\u0001/')).toBe('evidence');
    expect(sanitizeFilename('')).toBe('evidence');
  });
});

describe(attachmentDisposition.name, () => {
  it('gives an ASCII fallback and the exact name in UTF-8', () => {
    expect(attachmentDisposition('Résumé "v2" (final).pdf')).toBe(`attachment; filename="R_sum_ _v2_ (final).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22v2%22%20%28final%29.pdf`);
  });
});
