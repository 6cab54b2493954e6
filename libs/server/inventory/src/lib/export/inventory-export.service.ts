import { Injectable } from '@nestjs/common';
import { organizationFileName, safeFileName, streamTable } from '@model-inventory/server-core';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ExportModelInventoryDto } from '../dto/list-model-inventory.dto';
import { InventoryRepository } from '../inventory.repository';
import { EXPORT_COLUMNS, modelCells } from './export-columns';
import { writePdfTable } from './pdf-table';

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
    const fileName = await organizationFileName(this.dataSource, 'model-inventory');
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const rows = await this.models.exportStream(query, runner);
      if (query.format === 'pdf') {
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Disposition', `attachment; filename="${safeFileName(fileName)}.pdf"`);
        const exported = new Date().toISOString().slice(0, 16).replace('T', ' ');
        await writePdfTable(rows, res, { title: 'Model inventory', subtitle: `${describeFilter(query)} · exported ${exported} UTC` });
      } else {
        await streamTable(res, { format: query.format, fileName, sheetName: 'Models', columns: EXPORT_COLUMNS, cells: modelCells, rows });
      }
    } finally {
      await runner.release();
    }
  }
}
