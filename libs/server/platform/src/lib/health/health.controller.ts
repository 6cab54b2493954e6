import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiRoutes } from '@model-inventory/contracts';
import { Public } from '@model-inventory/server-core';
import type { Response } from 'express';
import { QueueHealthIndicator } from './queue.health';

@ApiTags('health')
@Controller(ApiRoutes.health)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  /** 503 with the same body as 200, so a probe (or a person) sees which part is down, not only that something is. */
  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database and queue reachability (200 when both are up, 503 otherwise; the body names each part)' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 }), () => this.queue.isHealthy()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
