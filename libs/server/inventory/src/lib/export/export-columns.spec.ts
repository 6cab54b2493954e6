import { csvCell, csvLine, ExportRow } from './export-columns';

describe('CSV export cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
  });

  it('writes one line per model with lists joined and booleans spelled out', () => {
    const row = { id: 7, provider: 'OpenAI', capabilities: ['chat', 'code'], security_assessment: true, status_date: '2025-01-17', projects: null } as unknown as ExportRow;
    const line = csvLine(row);
    expect(line.startsWith('7,OpenAI,')).toBe(true);
    expect(line).toContain('chat; code');
    expect(line).toContain(',Yes,');
    expect(line.endsWith('\r\n')).toBe(true);
  });
});
