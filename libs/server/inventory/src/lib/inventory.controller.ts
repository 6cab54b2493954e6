import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiRoutes, ModelInventoryResponse, ModelStatusDecision, Page } from '@model-inventory/contracts';
import { ApiFileResponse, ApiIfMatch, ApiStandardErrors, ETAG_HEADERS, IdParam, PageQueryDto, sendJsonPage, TABLE_EXPORT_MEDIA_TYPES, withEtag } from '@model-inventory/server-core';
import type { Response } from 'express';
import { CreateModelInventoryDto, UpdateModelInventoryDto } from './dto/create-model-inventory.dto';
import { ExportModelInventoryDto, ListModelInventoryDto } from './dto/list-model-inventory.dto';
import { InventoryExportService } from './export/inventory-export.service';
import { ModelInventoryPageResponseDto, ModelInventoryResponseDto, ModelStatusDecisionPageResponseDto } from './dto/model-inventory-response.dto';
import { etagOf } from './inventory.mapper';
import { InventoryService } from './inventory.service';
import { ScopedListService } from './scoped-list.service';

@ApiTags('modelInventory')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.modelInventory)
export class ModelInventoryController {
  constructor(
    private readonly exporter: InventoryExportService,
    private readonly inventoryService: InventoryService,
    private readonly scopedList: ScopedListService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Page through the models, filtered, searched and sorted' })
  @ApiOkResponse({ type: ModelInventoryPageResponseDto })
  async list(@Query() query: ListModelInventoryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendJsonPage(res, await this.inventoryService.list(query));
  }

  @Get('export')
  @ApiOperation({ summary: 'Download the filtered register as CSV or XLSX (streamed)' })
  @ApiFileResponse(...TABLE_EXPORT_MEDIA_TYPES)
  export(@Query() query: ExportModelInventoryDto, @Res() res: Response): Promise<void> {
    return this.exporter.export(query, res);
  }

  @Get('by-projectId/:id')
  @ApiOperation({ summary: 'Models linked to a project' })
  @ApiOkResponse({ type: ModelInventoryPageResponseDto })
  async byProject(@IdParam() id: number, @Query() query: ListModelInventoryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendJsonPage(res, await this.scopedList.byProject(id, query));
  }

  @Get('by-frameworkId/:id')
  @ApiOperation({ summary: 'Models linked to a framework' })
  @ApiOkResponse({ type: ModelInventoryPageResponseDto })
  async byFramework(@IdParam() id: number, @Query() query: ListModelInventoryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendJsonPage(res, await this.scopedList.byFramework(id, query));
  }

  @Get(':id/approvals')
  @ApiOperation({ summary: "The model's status decisions, newest first: who, when, from → to, and the rationale" })
  @ApiOkResponse({ type: ModelStatusDecisionPageResponseDto })
  approvals(@IdParam() id: number, @Query() query: PageQueryDto): Promise<Page<ModelStatusDecision>> {
    return this.inventoryService.decisions(id, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ModelInventoryResponseDto, headers: ETAG_HEADERS })
  async get(@IdParam() id: number, @Res({ passthrough: true }) res: Response): Promise<ModelInventoryResponse> {
    return withEtag(res, await this.inventoryService.get(id), etagOf);
  }

  @Post()
  @ApiOperation({ summary: 'Register a model; only Admins and Reviewers may create it with a status other than Pending' })
  @ApiCreatedResponse({ type: ModelInventoryResponseDto, headers: ETAG_HEADERS })
  async create(@Body() dto: CreateModelInventoryDto, @Res({ passthrough: true }) res: Response): Promise<ModelInventoryResponse> {
    return withEtag(res, await this.inventoryService.create(dto), etagOf);
  }

  @Patch(':id')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change some fields; projects/frameworks, when sent, replace the links' })
  @ApiOkResponse({ type: ModelInventoryResponseDto, headers: ETAG_HEADERS })
  async update(
    @IdParam() id: number,
    @Body() dto: UpdateModelInventoryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModelInventoryResponse> {
    return withEtag(res, await this.inventoryService.update(id, dto, ifMatch), etagOf);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Delete a model; its change history stays readable' })
  @ApiNoContentResponse()
  remove(@IdParam() id: number, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    return this.inventoryService.remove(id, ifMatch);
  }
}
