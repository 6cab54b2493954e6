import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, Role, WorkerCheckResponse, WorkerStatus, WorkerStatusResponse } from '@model-inventory/contracts';
import { ApiProblemDto, ApiStandardErrors, Roles } from '@model-inventory/server-core';
import { SystemService } from './system.service';

class WorkerCheckResponseDto implements WorkerCheckResponse {
  @ApiProperty() worker_id!: string;
  @ApiProperty({ format: 'date-time' }) processed_at!: string;
  @ApiProperty() round_trip_ms!: number;
}

class WorkerStatusDto implements WorkerStatus {
  @ApiProperty() worker_id!: string;
  @ApiProperty() hostname!: string;
  @ApiProperty() pid!: number;
  @ApiProperty({ format: 'date-time' }) last_seen_at!: string;
  @ApiProperty() online!: boolean;
}

class WorkerStatusResponseDto implements WorkerStatusResponse {
  @ApiProperty({ type: [WorkerStatusDto] }) workers!: WorkerStatusDto[];
}

@ApiTags('system')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.system)
export class SystemController {
  constructor(private readonly systemService: SystemService) {}

  @Get('workers')
  @ApiOperation({ summary: 'Background workers and when each last reported in' })
  @ApiOkResponse({ type: WorkerStatusResponseDto })
  workers(): Promise<WorkerStatusResponse> {
    return this.systemService.workers();
  }

  @Post('worker-check')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Send a job through the queue and wait for a worker to process it' })
  @ApiOkResponse({ type: WorkerCheckResponseDto })
  @ApiServiceUnavailableResponse({ type: ApiProblemDto, description: 'No worker answered in time.' })
  checkWorker(): Promise<WorkerCheckResponse> {
    return this.systemService.checkWorker();
  }
}
