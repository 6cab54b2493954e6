import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, ApiRoutes, ApiTokenResponse, CreatedApiTokenResponse, Page } from '@model-inventory/contracts';
import { ApiStandardErrors, IdParam, Roles } from '@model-inventory/server-core';
import { ApiTokensService } from './api-tokens.service';
import { ApiTokenPageResponseDto, CreateApiTokenDto, CreatedApiTokenResponseDto, ListApiTokensDto } from './dto/api-token.dto';

@ApiTags('apiTokens')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.apiTokens)
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  // Every role may have a key, Auditors included (a read-only key for their scripts).
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Create an API token for scripts; the token is in this response only' })
  @ApiCreatedResponse({ type: CreatedApiTokenResponseDto })
  create(@Body() dto: CreateApiTokenDto): Promise<CreatedApiTokenResponse> {
    return this.tokens.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your API tokens (Admins: every token of the organisation), live ones first' })
  @ApiOkResponse({ type: ApiTokenPageResponseDto })
  list(@Query() query: ListApiTokensDto): Promise<Page<ApiTokenResponse>> {
    return this.tokens.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Revoke an API token at once (your own; Admins: any of the organisation)' })
  @ApiNoContentResponse()
  revoke(@IdParam() id: number): Promise<void> {
    return this.tokens.revoke(id);
  }
}
