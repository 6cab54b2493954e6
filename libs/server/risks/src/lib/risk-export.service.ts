import { Injectable } from '@nestjs/common';
import { cellText, ExportColumn, organizationFileName, streamTable } from '@model-inventory/server-core';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ExportModelRisksDto } from './dto/model-risk-query.dto';
import { isOverdue, RiskRow, todayUtc } from './risks.mapper';
import { RisksRepository } from './risks.repository';

type RiskExportRow = RiskRow & { model_name: string; overdue: boolean };

const COLUMNS: ExportColumn<RiskExportRow>[] = [
  { key: 'id', header: 'ID', width: 8 },
  { key: 'risk_name', header: 'Risk', width: 36 },
  { key: 'model_name', header: 'Model', width: 30 },
  { key: 'model_id', header: 'Model ID', width: 10 },
  { key: 'risk_level', header: 'Level', width: 10 },
  { key: 'risk_category', header: 'Category', width: 16 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'owner', header: 'Owner', width: 26 },
  { key: 'target_date', header: 'Target date', width: 12 },
  { key: 'overdue', header: 'Overdue', width: 9 },
  { key: 'impact', header: 'Impact', width: 10 },
  { key: 'likelihood', header: 'Likelihood', width: 10 },
  { key: 'description', header: 'Description', width: 40 },
  { key: 'mitigation_plan', header: 'Mitigation plan', width: 40 },
  { key: 'key_metrics', header: 'Key metrics', width: 24 },
  { key: 'current_values', header: 'Current values', width: 24 },
  { key: 'threshold', header: 'Threshold', width: 24 },
  { key: 'accepted_by_name', header: 'Accepted by', width: 20 },
  { key: 'is_deleted', header: 'Deleted', width: 9 },
  { key: 'updated_at', header: 'Last updated', width: 22 },
];

/** Streams the filtered register as CSV or Excel, row by row: memory stays flat however many risks. */
@Injectable()
export class RiskExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly risks: RisksRepository,
  ) {}

  async export(query: ExportModelRisksDto, res: Response): Promise<void> {
    const today = todayUtc();
    const fileName = await organizationFileName(this.dataSource, 'model-risks');
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const stream = await this.risks.exportStream(query, runner, today);
      await streamTable(res, {
        format: query.format,
        fileName,
        sheetName: 'Risks',
        columns: COLUMNS,
        rows: withExportColumns(stream, today),
        cells: (row) => Object.fromEntries(COLUMNS.map((c) => [c.key, c.key === 'id' ? row.id : cellText(row[c.key])])),
      });
    } finally {
      await runner.release();
    }
  }
}

async function* withExportColumns(rows: AsyncIterable<RiskRow>, today: string): AsyncIterable<RiskExportRow> {
  for await (const row of rows) yield { ...row, model_name: `${row.model_provider} ${row.model_model} ${row.model_version}`, overdue: isOverdue(row, today) };
}
