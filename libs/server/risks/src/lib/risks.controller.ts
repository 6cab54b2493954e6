import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiRoutes, ModelRiskBatch, ModelRiskResponse, ModelRiskSummary, RISK_BATCH_MAX, RiskMatrix } from '@model-inventory/contracts';
import { ApiFileResponse, ApiIfMatch, ApiProblemDto, ApiStandardErrors, ETAG_HEADERS, IdParam, sendJsonPage, TABLE_EXPORT_MEDIA_TYPES, withEtag } from '@model-inventory/server-core';
import type { Response } from 'express';
import { CreateModelRisksDto, ModelRiskBatchResponseDto, PatchModelRisksDto } from './dto/model-risk-batch.dto';
import { ModelRiskDto, PatchModelRiskDto } from './dto/model-risk.dto';
import { ExportModelRisksDto, ListModelRisksDto, ModelRiskFilterDto } from './dto/model-risk-query.dto';
import { ModelRiskPageResponseDto, ModelRiskResponseDto, ModelRiskSummaryDto, RiskMatrixDto } from './dto/model-risk-response.dto';
import { RiskBatchesService } from './risk-batches.service';
import { RiskExportService } from './risk-export.service';
import { RiskViewsService } from './risk-views.service';
import { riskEtagOf } from './risks.mapper';
import { RisksService } from './risks.service';

const CONFLICT = ApiConflictResponse({ type: ApiProblemDto, description: 'Not allowed in the risk’s current state; `detail` says why.' });

@ApiTags('modelRisks')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.modelRisks)
export class ModelRisksController {
  constructor(
    private readonly batches: RiskBatchesService,
    private readonly exporter: RiskExportService,
    private readonly risks: RisksService,
    private readonly views: RiskViewsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Page through the risks (active by default), filtered, searched and sorted' })
  @ApiOkResponse({ type: ModelRiskPageResponseDto })
  async list(@Query() query: ListModelRisksDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendJsonPage(res, await this.risks.list(query));
  }

  @Get('summary')
  @ApiOperation({ summary: 'Active risks by level, status and category, the overdue ones and the total' })
  @ApiOkResponse({ type: ModelRiskSummaryDto })
  summary(): Promise<ModelRiskSummary> {
    return this.views.summary();
  }

  @Get('matrix')
  @ApiOperation({ summary: 'The 5 × 5 impact × likelihood matrix of the filtered risks (active by default)' })
  @ApiOkResponse({ type: RiskMatrixDto })
  matrix(@Query() query: ModelRiskFilterDto): Promise<RiskMatrix> {
    return this.views.matrix(query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Download the filtered risks as CSV or XLSX (streamed)' })
  @ApiFileResponse(...TABLE_EXPORT_MEDIA_TYPES)
  export(@Query() query: ExportModelRisksDto, @Res() res: Response): Promise<void> {
    return this.exporter.export(query, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One risk, deleted ones included (is_deleted: true)' })
  @ApiOkResponse({ type: ModelRiskResponseDto, headers: ETAG_HEADERS })
  async get(@IdParam() id: number, @Res({ passthrough: true }) res: Response): Promise<ModelRiskResponse> {
    return withEtag(res, await this.risks.get(id), riskEtagOf);
  }

  @Post()
  @ApiOperation({ summary: 'Raise a risk against a live model of your organisation; status defaults to Open' })
  @ApiCreatedResponse({ type: ModelRiskResponseDto, headers: ETAG_HEADERS })
  async create(@Body() dto: ModelRiskDto, @Res({ passthrough: true }) res: Response): Promise<ModelRiskResponse> {
    return withEtag(res, await this.risks.create(dto), riskEtagOf);
  }

  @Post('batch')
  @ApiOperation({
    summary: `Raise up to ${RISK_BATCH_MAX} risks in one request: all are written, each with its history, or none (errors name items.N.field)`,
  })
  @ApiCreatedResponse({ type: ModelRiskBatchResponseDto })
  async createMany(@Body() dto: CreateModelRisksDto): Promise<ModelRiskBatch> {
    return { items: await this.batches.create(dto) };
  }

  @Put(':id')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Replace a risk (optional fields left out are cleared); a status change must follow the workflow' })
  @ApiOkResponse({ type: ModelRiskResponseDto, headers: ETAG_HEADERS })
  @CONFLICT
  async update(
    @IdParam() id: number,
    @Body() dto: ModelRiskDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModelRiskResponse> {
    return withEtag(res, await this.risks.update(id, dto, ifMatch), riskEtagOf);
  }

  @Patch('batch')
  @ApiOperation({
    summary: `Change up to ${RISK_BATCH_MAX} risks in one request (e.g. move them to In Progress), each as a PATCH would: all are written, each with its history, or none`,
  })
  @ApiOkResponse({ type: ModelRiskBatchResponseDto })
  @CONFLICT
  async patchMany(@Body() dto: PatchModelRisksDto): Promise<ModelRiskBatch> {
    return { items: await this.batches.patch(dto) };
  }

  @Patch(':id')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change some fields of a risk (left-out fields are kept, null clears an optional one); `{ "status": … }` alone is a transition' })
  @ApiOkResponse({ type: ModelRiskResponseDto, headers: ETAG_HEADERS })
  @CONFLICT
  async patch(
    @IdParam() id: number,
    @Body() dto: PatchModelRiskDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModelRiskResponse> {
    return withEtag(res, await this.risks.patch(id, dto, ifMatch), riskEtagOf);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Soft-delete a risk; it stays readable with its history and can be restored' })
  @ApiNoContentResponse()
  remove(@IdParam() id: number, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    return this.risks.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Restore a deleted risk with every field kept; refused while its model is deleted' })
  @ApiOkResponse({ type: ModelRiskResponseDto, headers: ETAG_HEADERS })
  @CONFLICT
  async restore(@IdParam() id: number, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response): Promise<ModelRiskResponse> {
    return withEtag(res, await this.risks.restore(id, ifMatch), riskEtagOf);
  }
}
