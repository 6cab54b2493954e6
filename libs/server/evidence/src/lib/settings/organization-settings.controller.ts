import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, OrganizationSettingsResponse, Role } from '@model-inventory/contracts';
import { ApiStandardErrors, Roles } from '@model-inventory/server-core';
import { UpdateOrganizationSettingsDto } from '../dto/organization-settings.dto';
import { OrganizationSettingsResponseDto } from '../dto/evidence-response.dto';
import { OrganizationSettingsService } from './organization-settings.service';

@ApiTags('organization')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.organizationSettings)
export class OrganizationSettingsController {
  constructor(private readonly settings: OrganizationSettingsService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's rules (the approval gate)" })
  @ApiOkResponse({ type: OrganizationSettingsResponseDto })
  get(): Promise<OrganizationSettingsResponse> {
    return this.settings.get();
  }

  @Patch()
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Change the organisation's rules (Admin); recorded in the security audit log" })
  @ApiOkResponse({ type: OrganizationSettingsResponseDto })
  update(@Body() dto: UpdateOrganizationSettingsDto): Promise<OrganizationSettingsResponse> {
    return this.settings.update(dto);
  }
}
