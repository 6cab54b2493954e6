import { ApiProperty } from '@nestjs/swagger';
import { AUTOMATION_EVENTS, AutomationEvent, DeliveryStatus, WebhookDeliveryResponse } from '@model-inventory/contracts';
import { PageResponseDto } from '@model-inventory/server-core';

const DELIVERY_STATUSES: DeliveryStatus[] = ['succeeded', 'failed'];

export class WebhookDeliveryResponseDto implements WebhookDeliveryResponse {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  webhook_id!: number;

  @ApiProperty()
  event_id!: number;

  @ApiProperty({ format: 'uuid', description: 'The `id` of the delivered envelope (also sent as X-Webhook-Id).' })
  event_uuid!: string;

  @ApiProperty({ enum: AUTOMATION_EVENTS, enumName: 'AutomationEvent' })
  event!: AutomationEvent;

  @ApiProperty({ description: '1 for the first try, then one more per retry.', example: 1 })
  attempt!: number;

  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  status!: DeliveryStatus;

  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the response; null when none arrived.', example: 200 })
  response_code!: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  error!: string | null;

  @ApiProperty({ example: 42 })
  duration_ms!: number;

  @ApiProperty({ format: 'date-time' })
  delivered_at!: string;
}

export class WebhookDeliveryPageResponseDto extends PageResponseDto(WebhookDeliveryResponseDto, 'WebhookDeliveryPageResponse') {}
