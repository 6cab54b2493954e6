import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUTOMATION_EVENTS, AutomationEvent, CreateWebhookRequest, UpdateWebhookRequest, WebhookResponse } from '@model-inventory/contracts';
import { Optional, PageResponseDto, PatchType, Trim } from '@model-inventory/server-core';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

export const WEBHOOK_SECRET_MIN_LENGTH = 16;
export const WEBHOOK_SECRET_MAX_LENGTH = 255;
export const WEBHOOK_URL_MAX_LENGTH = 2048;

const eventsProperty = { enum: AUTOMATION_EVENTS, enumName: 'AutomationEvent', isArray: true } as const;

export class WebhookResponseDto implements WebhookResponse {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'https://hooks.example.com/model-inventory' })
  url!: string;

  @ApiProperty({ ...eventsProperty, example: ['model_added', 'model_updated'] })
  events!: AutomationEvent[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: 'The last four characters of the secret; the secret itself is never returned.', example: 'x9Qz' })
  secret_hint!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class WebhookPageResponseDto extends PageResponseDto(WebhookResponseDto, 'WebhookPageResponse') {}

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ maxLength: WEBHOOK_URL_MAX_LENGTH, description: 'An http or https URL that receives a signed POST per event.', example: 'https://hooks.example.com/model-inventory' })
  @Trim()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http or https URL' })
  url!: string;

  @ApiProperty({ ...eventsProperty, minItems: 1, uniqueItems: true, example: ['model_added'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(AUTOMATION_EVENTS, { each: true, message: `each value in events must be one of: ${AUTOMATION_EVENTS.join(', ')}` })
  events!: AutomationEvent[];

  @ApiProperty({
    minLength: WEBHOOK_SECRET_MIN_LENGTH,
    maxLength: WEBHOOK_SECRET_MAX_LENGTH,
    writeOnly: true,
    description: 'Key of the HMAC-SHA256 in X-Webhook-Signature. Write-only.',
  })
  @IsString()
  @MinLength(WEBHOOK_SECRET_MIN_LENGTH)
  @MaxLength(WEBHOOK_SECRET_MAX_LENGTH)
  secret!: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWebhookDto extends PatchType(CreateWebhookDto) implements UpdateWebhookRequest {}
