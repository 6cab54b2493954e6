import { Injectable } from '@nestjs/common';
import { ChangeHistoryPage, PageQuery } from '@model-inventory/contracts';
import { NotFoundError } from '@model-inventory/server-core';
import { ChangeHistoryRepository } from './change-history.repository';
import { toChangeHistoryEntry } from './history.mapper';

@Injectable()
export class ChangeHistoryService {
  constructor(private readonly history: ChangeHistoryRepository) {}

  async listForModel(modelId: number, { limit, offset }: Required<PageQuery>): Promise<ChangeHistoryPage> {
    if (!(await this.history.modelExists(modelId))) throw new NotFoundError('Model inventory', modelId);
    const [rows, total] = await this.history.findPageForModel(modelId, limit, offset);
    return { items: rows.map(toChangeHistoryEntry), total };
  }
}
