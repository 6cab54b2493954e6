import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvidencePurgeRequest, EvidencePurgeResponse } from '@model-inventory/contracts';
import { IsBoolean, IsOptional } from 'class-validator';

export class EvidencePurgeRequestDto implements EvidencePurgeRequest {
  @ApiPropertyOptional({ description: 'Only report what would be purged.', default: false })
  @IsOptional()
  @IsBoolean()
  dry_run?: boolean;
}

export class EvidencePurgeResponseDto implements EvidencePurgeResponse {
  @ApiProperty() dry_run!: boolean;
  @ApiProperty({ description: 'EVIDENCE_RETENTION_DAYS: deleted evidence keeps its bytes at least this long.' }) retention_days!: number;
  @ApiProperty({ description: 'Evidence deleted before this instant is past its retention period.' }) deleted_before!: string;
  @ApiProperty({ description: 'Files whose bytes were (in a dry run: would be) removed.' }) purged!: number;
  @ApiProperty({ description: 'Their total size in bytes.' }) bytes!: number;
  @ApiProperty({ description: 'Past retention but stored where this server cannot reach (an S3 bucket no longer configured): left as they are.' }) other_backend!: number;
}
