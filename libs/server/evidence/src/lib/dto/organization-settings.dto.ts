import { ApiPropertyOptional } from '@nestjs/swagger';
import { UpdateOrganizationSettingsRequest } from '@model-inventory/contracts';
import { Optional } from '@model-inventory/server-core';
import { IsBoolean } from 'class-validator';

export class UpdateOrganizationSettingsDto implements UpdateOrganizationSettingsRequest {
  @ApiPropertyOptional({ description: 'Setting a model to Approved needs an unexpired "Security Assessment Report".' })
  @Optional()
  @IsBoolean({ message: 'approval_requires_evidence must be true or false' })
  approval_requires_evidence?: boolean;
}
