import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiRoutes } from '@model-inventory/contracts';
import { Public } from '@model-inventory/server-core';
import { QueueHealthIndicator } from './queue.health';

@ApiTags('health')
@Controller(ApiRoutes.health)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database and queue reachability (200 when both are up, 503 otherwise)' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 }), () => this.queue.isHealthy()]);
  }
}
