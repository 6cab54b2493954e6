import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_DESCRIPTION_MAX, EVIDENCE_TYPES, EvidenceType, UploadEvidenceFields } from '@model-inventory/contracts';
import { CalendarDate, Optional, Trim } from '@model-inventory/server-core';
import { IsIn, IsString, MaxLength } from 'class-validator';

/** The form fields of an evidence upload (multipart/form-data), validated like any body. */
export class UploadEvidenceFieldsDto implements UploadEvidenceFields {
  @ApiProperty({ enum: EVIDENCE_TYPES, enumName: 'EvidenceType' })
  @IsIn(EVIDENCE_TYPES, { message: `evidence_type must be one of: ${EVIDENCE_TYPES.join(', ')}` })
  evidence_type!: EvidenceType;

  @ApiPropertyOptional({ maxLength: EVIDENCE_DESCRIPTION_MAX })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(EVIDENCE_DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'YYYY-MM-DD; a past date is accepted (the evidence is then expired at once).' })
  @Optional()
  @CalendarDate()
  expiry_date?: string;
}

/** The multipart body as OpenAPI shows it. */
export class UploadEvidenceBodyDto extends UploadEvidenceFieldsDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The document: PDF, DOCX/XLSX/PPTX, ODT/ODS/ODP, CSV, TXT, Markdown, JSON, PNG, JPEG or WebP, decided by its content.' })
  file!: unknown;
}
