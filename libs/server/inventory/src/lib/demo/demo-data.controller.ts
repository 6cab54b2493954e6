import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, Role } from '@model-inventory/contracts';
import { ApiStandardErrors, Roles } from '@model-inventory/server-core';
import { DemoDataService } from './demo-data.service';

@ApiTags('modelInventory')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.demoData)
export class DemoDataController {
  constructor(private readonly demoData: DemoDataService) {}

  @Delete()
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Delete the organisation's demo models (their history stays)" })
  @ApiNoContentResponse()
  async clear(): Promise<void> {
    await this.demoData.clear();
  }
}
