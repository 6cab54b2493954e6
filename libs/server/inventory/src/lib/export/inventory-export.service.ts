import { Injectable } from '@nestjs/common';
import { ExportFormat } from '@model-inventory/contracts';
import { RequestContext } from '@model-inventory/server-core';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ExportModelInventoryDto } from '../dto/list-model-inventory.dto';
import { InventoryRepository } from '../inventory.repository';
import { cellText, csvHeader, csvLine, EXPORT_COLUMNS, ExportRow } from './export-columns';
import { writePdfTable } from './pdf-table';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const FILTER_LABELS: Partial<Record<keyof ExportModelInventoryDto, string>> = {
  search: 'search',
  status: 'status',
  provider: 'provider',
  approver: 'approver',
  security_assessment: 'assessed',
  project_id: 'project',
  framework_id: 'framework',
};

/** "status: Approved, Pending · search: gpt", or "all models". */
function describeFilter(query: ExportModelInventoryDto): string {
  const parts = Object.entries(FILTER_LABELS).flatMap(([key, label]) => {
    const value = query[key as keyof ExportModelInventoryDto];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
    return [`${label}: ${Array.isArray(value) ? value.join(', ') : String(value)}`];
  });
  if (query.include_demo === false) parts.push('demo models hidden');
  return parts.length ? parts.join(' · ') : 'all models';
}

/** Streams the filtered register row by row: memory stays flat however many models there are. */
@Injectable()
export class InventoryExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: InventoryRepository,
  ) {}

  async export(query: ExportModelInventoryDto, res: Response): Promise<void> {
    const { organizationId } = RequestContext.requireActor();
    const stamp = new Date().toISOString().slice(0, 10);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const rows = await this.models.exportStream(query, runner);
      res.setHeader('Content-Type', CONTENT_TYPES[query.format]);
      res.setHeader('Content-Disposition', `attachment; filename="model-inventory-${organizationId}-${stamp}.${query.format}"`);
      if (query.format === 'xlsx') await this.writeXlsx(rows, res);
      else if (query.format === 'pdf') await writePdfTable(rows, res, { title: 'Model inventory', subtitle: `${describeFilter(query)} · exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` });
      else await this.writeCsv(rows, res);
    } finally {
      await runner.release();
    }
  }

  private async writeCsv(rows: AsyncIterable<ExportRow>, res: Response): Promise<void> {
    res.write('\uFEFF' + csvHeader());
    for await (const row of rows) {
      if (!res.write(csvLine(row))) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  private async writeXlsx(rows: AsyncIterable<ExportRow>, res: Response): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
    const sheet = workbook.addWorksheet('Models', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for await (const row of rows) {
      sheet.addRow(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.key, c.key === 'id' ? row.id : cellText(row, c.key)]))).commit();
    }
    sheet.commit();
    await workbook.commit();
  }
}
