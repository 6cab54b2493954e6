import { filenameFromContentDisposition, saveBlob } from './download';

describe('filenameFromContentDisposition', () => {
  it('reads quoted, bare and RFC 5987 encoded file names', () => {
    expect(filenameFromContentDisposition('attachment; filename="model-inventory-7-2026-01-05.csv"')).toBe(
      'model-inventory-7-2026-01-05.csv',
    );
    expect(filenameFromContentDisposition('attachment; filename=models.xlsx')).toBe('models.xlsx');
    expect(filenameFromContentDisposition("attachment; filename*=UTF-8''mod%C3%A8les.csv")).toBe('modèles.csv');
  });

  it('gives null when the server proposes no name', () => {
    expect(filenameFromContentDisposition(null)).toBeNull();
    expect(filenameFromContentDisposition('inline')).toBeNull();
  });
});

describe('saveBlob', () => {
  it('clicks a temporary download link carrying the file name', () => {
    const createObjectURL = jest.fn(() => 'blob:models');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    saveBlob(new Blob(['a,b']), 'models.csv');

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('models.csv');
    expect(clicked[0].href).toBe('blob:models');
    expect(document.body.contains(clicked[0])).toBe(false);
  });
});
