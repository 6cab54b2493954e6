import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CurrentCountsResponse, SnapshotResponse, TimeseriesResponse } from '@model-inventory/contracts';
import { ApiStandardErrors } from '@model-inventory/server-core';
import {
  CreateSnapshotDto,
  CurrentCountsResponseDto,
  SnapshotParameterQueryDto,
  SnapshotResponseDto,
  TimeseriesQueryDto,
  TimeseriesResponseDto,
} from './dto/model-history.dto';
import { ModelHistoryService } from './model-history.service';

@ApiTags('history')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.modelInventoryHistory)
export class ModelHistoryController {
  constructor(private readonly modelHistory: ModelHistoryService) {}

  @Get('current-counts')
  @ApiOperation({ summary: 'Live number of models per bucket of a parameter' })
  @ApiOkResponse({ type: CurrentCountsResponseDto })
  currentCounts(@Query() { parameter }: SnapshotParameterQueryDto): Promise<CurrentCountsResponse> {
    return this.modelHistory.currentCounts(parameter);
  }

  @Get('timeseries')
  @ApiOperation({ summary: 'Daily bucket counts of a parameter over a timeframe or a date range' })
  @ApiOkResponse({ type: TimeseriesResponseDto })
  timeseries(@Query() { parameter, ...range }: TimeseriesQueryDto): Promise<TimeseriesResponse> {
    return this.modelHistory.timeseries(parameter, range);
  }

  @Post('snapshot')
  @ApiOperation({ summary: 'Record the current counts of a parameter as a manual snapshot' })
  @ApiCreatedResponse({ type: SnapshotResponseDto })
  takeSnapshot(@Body() { parameter }: CreateSnapshotDto): Promise<SnapshotResponse> {
    return this.modelHistory.takeSnapshot(parameter);
  }
}
