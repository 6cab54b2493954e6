import { cellText, csvCell, csvLine, safeFileName } from './table-export';

describe('tabular export cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
  });

  it('shows lists joined, booleans spelled out and dates as dates', () => {
    expect(cellText(['chat', 'code'])).toBe('chat; code');
    expect(cellText(true)).toBe('Yes');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date('2025-01-17T10:00:00Z'), { dateOnly: true })).toBe('2025-01-17');
    expect(csvLine(['7', 'OpenAI'])).toBe('7,OpenAI\r\n');
  });

  it('keeps download names to safe characters', () => {
    expect(safeFileName('model-risks Acme "Ltd"/2025')).toBe('model-risks-Acme-Ltd-2025');
  });
});
