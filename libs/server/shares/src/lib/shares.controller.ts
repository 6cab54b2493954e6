import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CreatedShareLinkResponse, Page, ShareLinkResponse, WRITER_ROLES } from '@model-inventory/contracts';
import { ApiProblemDto, ApiStandardErrors, IdParam, Roles } from '@model-inventory/server-core';
import type { Request } from 'express';
import { CreatedShareLinkResponseDto, CreateShareLinkDto, ListShareLinksDto, ShareLinkPageResponseDto, ShareLinkResponseDto, UpdateShareLinkDto } from './dto/share-link.dto';
import { SharesService } from './shares.service';

/** Scheme and host the caller used (behind a trusted proxy, its X-Forwarded-Proto/Host): where the console is. */
const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

@ApiTags('shares')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.shares)
export class SharesController {
  constructor(private readonly shares: SharesService) {}

  @Post()
  @Roles(...WRITER_ROLES)
  @ApiOperation({ summary: 'Create a read-only share link of the models or risks (with list filters); the token is in this response only' })
  @ApiCreatedResponse({ type: CreatedShareLinkResponseDto })
  create(@Body() dto: CreateShareLinkDto, @Req() req: Request): Promise<CreatedShareLinkResponse> {
    return this.shares.create(dto, originOf(req));
  }

  @Get()
  @ApiOperation({ summary: 'The organisation’s share links, live ones first (never their tokens); Auditors may read' })
  @ApiOkResponse({ type: ShareLinkPageResponseDto })
  list(@Query() query: ListShareLinksDto): Promise<Page<ShareLinkResponse>> {
    return this.shares.list(query);
  }

  @Patch(':id')
  @Roles(...WRITER_ROLES)
  @ApiOperation({ summary: 'Enable or disable a share link, or change its expiry' })
  @ApiOkResponse({ type: ShareLinkResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'The link is revoked.' })
  change(@IdParam() id: number, @Body() dto: UpdateShareLinkDto): Promise<ShareLinkResponse> {
    return this.shares.change(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITER_ROLES)
  @ApiOperation({ summary: 'Revoke a share link at once and for good' })
  @ApiNoContentResponse()
  revoke(@IdParam() id: number): Promise<void> {
    return this.shares.revoke(id);
  }
}
