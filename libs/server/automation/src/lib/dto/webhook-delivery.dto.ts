import { ApiProperty } from '@nestjs/swagger';
import { AUTOMATION_EVENTS, DeliveredEvent, DeliveryStatus, WEBHOOK_TEST_EVENT, WebhookDeliveryResponse, WebhookTestResponse } from '@model-inventory/contracts';
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

  @ApiProperty({ enum: [...AUTOMATION_EVENTS, WEBHOOK_TEST_EVENT], enumName: 'DeliveredEvent', description: 'A subscribed event, or `webhook_test` for a test delivery.' })
  event!: DeliveredEvent;

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

export class WebhookTestResponseDto implements WebhookTestResponse {
  @ApiProperty()
  webhook_id!: number;

  @ApiProperty({ enum: [WEBHOOK_TEST_EVENT] })
  event!: typeof WEBHOOK_TEST_EVENT;

  @ApiProperty({ format: 'uuid', description: 'The delivery id: the envelope `id` and `X-Webhook-Id`, and the `event_uuid` of its rows in the delivery log.' })
  event_uuid!: string;

  @ApiProperty({ format: 'date-time' })
  queued_at!: string;
}

export class WebhookDeliveryPageResponseDto extends PageResponseDto(WebhookDeliveryResponseDto, 'WebhookDeliveryPageResponse') {}
