import { Injectable } from '@nestjs/common';
import { SharedViewResponse } from '@model-inventory/contracts';
import { DomainError, RequestContext, streamTable } from '@model-inventory/server-core';
import { InventoryRepository, InventoryService, ListModelInventoryDto, ModelInventoryFilterDto } from '@model-inventory/server-inventory';
import { isOverdue, ListModelRisksDto, ModelRiskFilterDto, RiskRow, RisksRepository, RisksService, todayUtc } from '@model-inventory/server-risks';
import type { Response } from 'express';
import { DataSource, QueryRunner } from 'typeorm';
import { SharedExportQueryDto, SharedViewQueryDto } from './dto/shared-view.dto';
import { cellsOf, sharedModel, sharedModelColumns, sharedRisk, sharedRiskColumns, SharedRiskRow } from './shared-fields';
import { hashShareToken, looksLikeShareToken } from './share-token';
import { ClaimedShare, SharesRepository } from './shares.repository';

/** One answer for an unknown, disabled, revoked or expired token, and for an export the link does not allow. */
export class ShareLinkNotFoundError extends DomainError {
  readonly status = 404;
  readonly title = 'Not Found';
  constructor() {
    super('This share link does not exist or is no longer shared.');
  }
}

/**
 * The public side of a share link: the stored filters applied through the register's own list and export queries,
 * run as the system in the share's organisation (so nothing of another organisation can appear), and only the
 * fields the link shares.
 */
@Injectable()
export class SharedViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inventory: InventoryService,
    private readonly models: InventoryRepository,
    private readonly risks: RisksService,
    private readonly riskRows: RisksRepository,
    private readonly shares: SharesRepository,
  ) {}

  async view(token: string, { limit, offset }: SharedViewQueryDto): Promise<SharedViewResponse> {
    const share = await this.claim(token, false);
    const head = { resource: share.resource, fields: share.fields, allow_export: share.allow_export, expires_at: share.expires_at?.toISOString() ?? null };
    return this.asShare(share, async () => {
      if (share.resource === 'models') {
        const page = (await this.inventory.list({ ...(share.filters as ModelInventoryFilterDto), limit, offset } as ListModelInventoryDto)).toPage();
        return { ...head, ...page, items: page.items.map((m) => sharedModel(m, share.fields)) };
      }
      const page = (await this.risks.list({ ...(share.filters as Partial<ModelRiskFilterDto>), filter: 'active', limit, offset } as ListModelRisksDto)).toPage();
      return { ...head, ...page, items: page.items.map((r) => sharedRisk(r, share.fields)) };
    });
  }

  async export(token: string, { format }: SharedExportQueryDto, res: Response): Promise<void> {
    const share = await this.claim(token, true);
    const fileName = `shared-${share.resource}-${todayUtc()}`;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await this.asShare(share, () => (share.resource === 'models' ? this.exportModels(share, runner, res, format, fileName) : this.exportRisks(share, runner, res, format, fileName)));
    } finally {
      await runner.release();
    }
  }

  private async exportModels(share: ClaimedShare, runner: QueryRunner, res: Response, format: 'csv' | 'xlsx', fileName: string): Promise<void> {
    const columns = sharedModelColumns(share.fields);
    const rows = await this.models.exportStream(share.filters as ModelInventoryFilterDto, runner);
    await streamTable(res, { format, fileName, sheetName: 'Models', columns, rows, cells: cellsOf(columns, ['status_date']) });
  }

  private async exportRisks(share: ClaimedShare, runner: QueryRunner, res: Response, format: 'csv' | 'xlsx', fileName: string): Promise<void> {
    const today = todayUtc();
    const columns = sharedRiskColumns(share.fields);
    const rows = await this.riskRows.exportStream({ ...(share.filters as Partial<ModelRiskFilterDto>), filter: 'active' } as ModelRiskFilterDto, runner, today);
    await streamTable(res, { format, fileName, sheetName: 'Risks', columns, rows: withRiskColumns(rows, today), cells: cellsOf(columns, ['target_date']) });
  }

  private async claim(token: string, forExport: boolean): Promise<ClaimedShare> {
    const share = looksLikeShareToken(token) ? await this.shares.claim(hashShareToken(token), { forExport }) : null;
    if (!share) throw new ShareLinkNotFoundError();
    return share;
  }

  private asShare<T>(share: ClaimedShare, work: () => Promise<T>): Promise<T> {
    return RequestContext.runAsSystem(share.organization_id, `Share link ${share.id}`, work);
  }
}

async function* withRiskColumns(rows: AsyncIterable<RiskRow>, today: string): AsyncIterable<SharedRiskRow> {
  for await (const row of rows) yield { ...row, model_name: `${row.model_provider} ${row.model_model} ${row.model_version}`, overdue: isOverdue(row, today) };
}
