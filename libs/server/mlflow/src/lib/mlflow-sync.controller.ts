import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, MlflowModelRecordResponse, MlflowSyncStartedResponse, MlflowSyncStatusResponse, Page, Role } from '@model-inventory/contracts';
import { ApiProblemDto, ApiStandardErrors, IdParam, Roles } from '@model-inventory/server-core';
import { ListMlflowModelsDto, MlflowImportDto, MlflowModelRecordPageDto, MlflowModelRecordResponseDto, MlflowSyncStartedResponseDto, MlflowSyncStatusResponseDto } from './dto/mlflow-records.dto';
import { MlflowRecordsService } from './mlflow-records.service';
import { MlflowJobsService } from './sync/mlflow-jobs.service';

@ApiTags('mlflow')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.mlflow)
export class MlflowSyncController {
  constructor(
    private readonly jobs: MlflowJobsService,
    private readonly records: MlflowRecordsService,
  ) {}

  @Post('sync')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Editor)
  @ApiOperation({ summary: 'Queue a sync of the Model Registry now (one at a time per organisation)' })
  @ApiAcceptedResponse({ type: MlflowSyncStartedResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'The last connection test did not succeed.' })
  sync(): Promise<MlflowSyncStartedResponse> {
    return this.jobs.requestSync();
  }

  @Get('sync-status')
  @ApiOperation({ summary: 'Whether a sync is queued or running (with its progress), and the last result' })
  @ApiOkResponse({ type: MlflowSyncStatusResponseDto })
  status(): Promise<MlflowSyncStatusResponse> {
    return this.jobs.status();
  }

  @Get('models')
  @ApiOperation({ summary: 'Page through the synced model versions, searched and filtered' })
  @ApiOkResponse({ type: MlflowModelRecordPageDto })
  list(@Query() query: ListMlflowModelsDto): Promise<Page<MlflowModelRecordResponse>> {
    return this.records.list(query);
  }

  @Get('models/:id')
  @ApiOperation({ summary: 'One synced model version' })
  @ApiOkResponse({ type: MlflowModelRecordResponseDto })
  get(@IdParam() id: number): Promise<MlflowModelRecordResponse> {
    return this.records.get(id);
  }

  @Post('models/:id/import')
  @HttpCode(201)
  @Roles(Role.Admin, Role.Reviewer, Role.Editor)
  @ApiOperation({ summary: 'Create a Pending model in the register from this version, and link them' })
  @ApiCreatedResponse({ type: MlflowModelRecordResponseDto, description: 'The record, now with its inventory_model_id.' })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'Already imported.' })
  import(@IdParam() id: number, @Body() dto: MlflowImportDto): Promise<MlflowModelRecordResponse> {
    return this.records.import(id, dto);
  }
}
