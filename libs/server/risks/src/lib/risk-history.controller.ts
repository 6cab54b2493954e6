import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, ChangeHistoryPage, RiskChangeHistoryEntry } from '@model-inventory/contracts';
import { ApiStandardErrors, IdParam, NotFoundError, PageQueryDto } from '@model-inventory/server-core';
import { ChangeHistoryService } from '@model-inventory/server-history';
import { RiskChangeHistoryPageDto } from './dto/model-risk-response.dto';
import { RISK_ENTITY } from './risk-audit';
import { toRiskHistoryEntry } from './risks.mapper';
import { RisksRepository } from './risks.repository';

@ApiTags('history')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.riskChangeHistory)
export class RiskChangeHistoryController {
  constructor(
    private readonly history: ChangeHistoryService,
    private readonly risks: RisksRepository,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Field-level change history of one risk, newest first; still readable after the risk is deleted' })
  @ApiOkResponse({ type: RiskChangeHistoryPageDto })
  async list(@IdParam() id: number, @Query() query: PageQueryDto): Promise<ChangeHistoryPage<RiskChangeHistoryEntry>> {
    if (!(await this.risks.exists(id))) throw new NotFoundError('Model risk', id);
    const { items, total } = await this.history.page(RISK_ENTITY.type, id, query);
    return { items: items.map(toRiskHistoryEntry), total };
  }
}
