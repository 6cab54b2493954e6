import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, ChangeHistoryEntry, ChangeHistoryPage } from '@model-inventory/contracts';
import { ApiStandardErrors, IdParam, NotFoundError, PageQueryDto } from '@model-inventory/server-core';
import { ChangeHistoryPageDto, ChangeHistoryService, FieldChangeEntryDto } from '@model-inventory/server-history';
import { InventoryRepository } from './inventory.repository';
import { MODEL_ENTITY } from './model-audit';

export class ChangeHistoryEntryDto extends FieldChangeEntryDto implements ChangeHistoryEntry {
  @ApiProperty({ example: 42 })
  model_inventory_id!: number;
}

class ModelChangeHistoryPageDto extends ChangeHistoryPageDto(ChangeHistoryEntryDto, 'ChangeHistoryPageDto') {}

@ApiTags('history')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.changeHistory)
export class ModelChangeHistoryController {
  constructor(
    private readonly history: ChangeHistoryService,
    private readonly models: InventoryRepository,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Field-level change history of one model, newest first; still readable after the model is deleted' })
  @ApiOkResponse({ type: ModelChangeHistoryPageDto })
  async list(@IdParam() id: number, @Query() query: PageQueryDto): Promise<ChangeHistoryPage> {
    if (!(await this.models.existsIncludingDeleted(id))) throw new NotFoundError('Model inventory', id);
    const { items, total } = await this.history.page(MODEL_ENTITY.type, id, query);
    return { items: items.map(({ entity_id, ...entry }) => ({ ...entry, model_inventory_id: entity_id })), total };
  }
}
