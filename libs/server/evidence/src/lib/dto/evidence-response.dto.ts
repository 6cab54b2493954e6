import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_EXPIRY_STATUSES, EVIDENCE_TYPES, EvidenceExpiryStatus, EvidenceResponse, EvidenceType, EvidenceUploader } from '@model-inventory/contracts';
import { PageResponseDto } from '@model-inventory/server-core';

class EvidenceUploaderDto implements EvidenceUploader {
  @ApiProperty({ type: Number, nullable: true }) id!: number | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

class EvidenceModelDto {
  @ApiProperty() id!: number;
  @ApiProperty() provider!: string;
  @ApiProperty() model!: string;
  @ApiProperty() version!: string;
}

export class EvidenceResponseDto implements EvidenceResponse {
  @ApiProperty() id!: number;
  @ApiProperty() model_id!: number;
  @ApiProperty({ type: EvidenceModelDto }) model!: EvidenceModelDto;
  @ApiProperty({ description: 'Sanitised; for display and the download only.' }) filename!: string;
  @ApiProperty({ description: 'Bytes.' }) size!: number;
  @ApiProperty({ description: 'Decided from the content.' }) mimetype!: string;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes.' }) sha256!: string;
  @ApiProperty({ enum: EVIDENCE_TYPES, enumName: 'EvidenceType' }) evidence_type!: EvidenceType;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-06-30' }) expiry_date!: string | null;
  @ApiProperty({ enum: EVIDENCE_EXPIRY_STATUSES }) expiry_status!: EvidenceExpiryStatus;
  @ApiProperty() upload_date!: string;
  @ApiProperty({ type: EvidenceUploaderDto }) uploaded_by!: EvidenceUploaderDto;
}

export class EvidencePageResponseDto extends PageResponseDto(EvidenceResponseDto, 'EvidencePageResponse') {}

