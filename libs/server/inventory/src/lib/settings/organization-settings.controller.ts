import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, OrganizationSettingsResponse, Role } from '@model-inventory/contracts';
import { ApiStandardErrors, Roles } from '@model-inventory/server-core';
import { OrganizationSettingsResponseDto, UpdateOrganizationSettingsDto } from './organization-settings.dto';
import { OrganizationSettingsService } from './organization-settings.service';

@ApiTags('organization')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.organizationSettings)
export class OrganizationSettingsController {
  constructor(private readonly settings: OrganizationSettingsService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's governance rules: the evidence gate, re-review on material change, required rationales" })
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
