import { csvLine } from '@model-inventory/server-core';
import { EXPORT_COLUMNS, ExportRow, modelCells } from './export-columns';

describe('model export cells', () => {
  it('writes one line per model with lists joined, booleans spelled out and the status date as a date', () => {
    const row = { id: 7, provider: 'OpenAI', capabilities: ['chat', 'code'], security_assessment: true, status_date: new Date('2025-01-17T00:00:00Z'), projects: null } as unknown as ExportRow;
    const cells = modelCells(row);
    const line = csvLine(EXPORT_COLUMNS.map((c) => String(cells[c.key] ?? '')));
    expect(line.startsWith('7,OpenAI,')).toBe(true);
    expect(line).toContain('chat; code');
    expect(line).toContain(',2025-01-17,');
    expect(line).toContain(',Yes,');
    expect(line.endsWith('\r\n')).toBe(true);
  });
});
