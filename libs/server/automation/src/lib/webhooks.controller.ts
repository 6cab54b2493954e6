import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, Page, Role, WebhookDeliveryResponse, WebhookResponse, WebhookTestResponse } from '@model-inventory/contracts';
import { ApiStandardErrors, IdParam, PageQueryDto, Roles } from '@model-inventory/server-core';
import { WebhookDeliveryPageResponseDto, WebhookTestResponseDto } from './dto/webhook-delivery.dto';
import { CreateWebhookDto, UpdateWebhookDto, WebhookPageResponseDto, WebhookResponseDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiStandardErrors()
@Roles(Role.Admin)
@Controller(ApiRoutes.webhooks)
export class WebhooksController {
  constructor(private readonly webhooksService: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's webhooks" })
  @ApiOkResponse({ type: WebhookPageResponseDto })
  list(@Query() query: PageQueryDto): Promise<Page<WebhookResponse>> {
    return this.webhooksService.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookResponseDto })
  get(@IdParam() id: number): Promise<WebhookResponse> {
    return this.webhooksService.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to model events; each delivery is signed with the secret' })
  @ApiCreatedResponse({ type: WebhookResponseDto })
  create(@Body() dto: CreateWebhookDto): Promise<WebhookResponse> {
    return this.webhooksService.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookResponseDto })
  update(@IdParam() id: number, @Body() dto: UpdateWebhookDto): Promise<WebhookResponse> {
    return this.webhooksService.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@IdParam() id: number): Promise<void> {
    return this.webhooksService.remove(id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a test delivery',
    description:
      'Queues a signed `webhook_test` ping to this webhook, whether or not it is active or subscribed to anything. It is delivered, retried and guarded like an event; its attempts appear in the delivery log under the returned `event_uuid`.',
  })
  @ApiAcceptedResponse({ type: WebhookTestResponseDto })
  sendTest(@IdParam() id: number): Promise<WebhookTestResponse> {
    return this.webhooksService.sendTest(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery attempts of one webhook, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryPageResponseDto })
  deliveries(@IdParam() id: number, @Query() query: PageQueryDto): Promise<Page<WebhookDeliveryResponse>> {
    return this.webhooksService.listDeliveries(id, query);
  }
}
