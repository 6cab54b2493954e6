import { Injectable } from '@nestjs/common';
import { RequestContext } from '@model-inventory/server-core';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ExportModelInventoryDto } from '../dto/list-model-inventory.dto';
import { InventoryRepository } from '../inventory.repository';
import { cellText, csvHeader, csvLine, EXPORT_COLUMNS, ExportRow } from './export-columns';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

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
