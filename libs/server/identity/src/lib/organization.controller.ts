import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, OrganizationResponse, Role, UpdateOrganizationRequest } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { ApiStandardErrors, RequestContext, Roles, Text, Trim } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { OrganizationResponseDto } from './dto/user.dto';
import { OrganizationEntity } from './entities/organization.entity';
import { toOrganizationResponse } from './identity.mapper';

export class UpdateOrganizationDto implements UpdateOrganizationRequest {
  @ApiProperty({ example: 'Acme Analytics', maxLength: 200 })
  @Trim()
  @Text(200)
  name!: string;
}

/** The caller's organisation: every role reads it; Admins rename it (a security audit record in the same transaction). */
@ApiTags('organization')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.organization)
export class OrganizationController {
  constructor(
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOkResponse({ type: OrganizationResponseDto })
  async get(): Promise<OrganizationResponse> {
    const { organizationId } = RequestContext.requireActor();
    return toOrganizationResponse(await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: organizationId }));
  }

  @Patch()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Rename the organisation (Admin)' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  rename(@Body() dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    const { organizationId } = RequestContext.requireActor();
    return this.dataSource.transaction(async (manager) => {
      const organizations = manager.getRepository(OrganizationEntity);
      const before = await organizations.findOneOrFail({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (before.name === dto.name) return toOrganizationResponse(before);
      const saved = await organizations.save({ ...before, name: dto.name });
      await this.audit.record('organization.renamed', { target: { type: 'organization', id: organizationId }, details: { from: before.name, to: saved.name } }, manager);
      return toOrganizationResponse(saved);
    });
  }
}
