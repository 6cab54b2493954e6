import type { Response } from 'express';

/** One column of a tabular export; `text` turns a row's value into what a cell shows. */
export interface ExportColumn<R> {
  key: keyof R & string;
  header: string;
  /** Excel column width, in characters. */
  width: number;
}

/** What a cell shows: lists joined with `; `, booleans spelled out, timestamps ISO, dates `YYYY-MM-DD`. */
export function cellText(value: unknown, { dateOnly = false } = {}): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (value instanceof Date) return dateOnly ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so spreadsheets never run it as a formula. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

export interface TableExport<R> {
  format: 'csv' | 'xlsx';
  /** The download's name, without the extension. */
  fileName: string;
  sheetName: string;
  columns: ExportColumn<R>[];
  /** A row's cell texts by column key; the `id` column stays a number in Excel. */
  cells(row: R): Record<string, string | number>;
  rows: AsyncIterable<R>;
}

export const EXPORT_CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** A download name that is safe in a Content-Disposition header: letters, digits, `.`, `-` and `_` only. */
export const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';

/** Streams rows as CSV (UTF-8 with BOM) or Excel, honouring back-pressure: memory stays flat however many rows. */
export async function streamTable<R>(res: Response, table: TableExport<R>): Promise<void> {
  res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[table.format]);
  res.setHeader('Content-Disposition', `attachment; filename="${safeFileName(table.fileName)}.${table.format}"`);
  if (table.format === 'xlsx') return writeXlsx(res, table);
  res.write('\uFEFF' + csvLine(table.columns.map((c) => c.header)));
  for await (const row of table.rows) {
    const cells = table.cells(row);
    if (!res.write(csvLine(table.columns.map((c) => String(cells[c.key] ?? ''))))) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

async function writeXlsx<R>(res: Response, table: TableExport<R>): Promise<void> {
  // Loaded on the first Excel export: the worker, which imports this module, never needs it (memory).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for await (const row of table.rows) sheet.addRow(table.cells(row)).commit();
  sheet.commit();
  await workbook.commit();
}
