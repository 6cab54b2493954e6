import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATERIAL_FIELD_CHOICES, MaterialField, OrganizationSettingsResponse, UpdateOrganizationSettingsRequest } from '@model-inventory/contracts';
import { Optional } from '@model-inventory/server-core';
import { ArrayUnique, IsArray, IsBoolean, IsIn } from 'class-validator';

export class UpdateOrganizationSettingsDto implements UpdateOrganizationSettingsRequest {
  @ApiPropertyOptional({ description: 'Setting a model to Approved needs an unexpired "Security Assessment Report".' })
  @Optional()
  @IsBoolean({ message: 'approval_requires_evidence must be true or false' })
  approval_requires_evidence?: boolean;

  @ApiPropertyOptional({ description: 'A change to a material field of an Approved or Restricted model sends it back to Pending (re-review).' })
  @Optional()
  @IsBoolean({ message: 'review_on_material_change must be true or false' })
  review_on_material_change?: boolean;

  @ApiPropertyOptional({ enum: MATERIAL_FIELD_CHOICES, isArray: true, description: 'The fields review_on_material_change watches.' })
  @Optional()
  @IsArray({ message: 'material_fields must be a list of field names' })
  @ArrayUnique({ message: 'material_fields must not repeat a field' })
  @IsIn(MATERIAL_FIELD_CHOICES, { each: true, message: `material_fields may name: ${MATERIAL_FIELD_CHOICES.join(', ')}` })
  material_fields?: MaterialField[];

  @ApiPropertyOptional({ description: 'Setting Approved, Restricted or Blocked needs a status_rationale.' })
  @Optional()
  @IsBoolean({ message: 'require_status_rationale must be true or false' })
  require_status_rationale?: boolean;
}

export class OrganizationSettingsResponseDto implements OrganizationSettingsResponse {
  @ApiProperty({ description: 'When on, setting a model to Approved needs an unexpired "Security Assessment Report" (409 otherwise).' })
  approval_requires_evidence!: boolean;
  @ApiProperty({ description: 'When on, a material change to an Approved or Restricted model sends it back to Pending.' })
  review_on_material_change!: boolean;
  @ApiProperty({ enum: MATERIAL_FIELD_CHOICES, isArray: true }) material_fields!: MaterialField[];
  @ApiProperty({ description: 'When on, a status decision needs a status_rationale.' }) require_status_rationale!: boolean;
  @ApiProperty({ type: String, nullable: true }) updated_at!: string | null;
}
