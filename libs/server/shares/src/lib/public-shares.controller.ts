import { Controller, Get, Header, Param, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ApiRoutes, SharedViewResponse } from '@model-inventory/contracts';
import { ApiFileResponse, ApiProblemDto, Public, TABLE_EXPORT_MEDIA_TYPES } from '@model-inventory/server-core';
import type { Response } from 'express';
import { SharedExportQueryDto, SharedViewQueryDto, SharedViewResponseDto } from './dto/shared-view.dto';
import { ShareRateLimitGuard } from './share-rate-limit';
import { SharedViewService } from './shared-view.service';

const TOKEN = ApiParam({ name: 'token', description: 'The share link’s token.' });
const NOT_FOUND = ApiNotFoundResponse({ type: ApiProblemDto, description: 'Unknown, disabled, revoked or expired link (one answer for all).' });
const TOO_MANY = ApiTooManyRequestsResponse({ type: ApiProblemDto, description: 'Too many requests from your address; see Retry-After.' });
const BAD_QUERY = ApiBadRequestResponse({ type: ApiProblemDto, description: 'Invalid query; `errors` names each field.' });

/** No sign-in: the token is the credential. Rate-limited per client address; nothing is kept in shared caches. */
@ApiTags('publicShares')
@Public()
@UseGuards(ShareRateLimitGuard)
@Controller(ApiRoutes.publicShares)
export class PublicSharesController {
  constructor(private readonly views: SharedViewService) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @TOKEN
  @ApiOperation({ summary: 'One page of a shared view (read-only, no sign-in)' })
  @ApiOkResponse({ type: SharedViewResponseDto })
  @BAD_QUERY
  @NOT_FOUND
  @TOO_MANY
  view(@Param('token') token: string, @Query() query: SharedViewQueryDto): Promise<SharedViewResponse> {
    return this.views.view(token, query);
  }

  @Get(':token/export')
  @Header('Cache-Control', 'no-store')
  @TOKEN
  @ApiOperation({ summary: 'Download the shared view as CSV or XLSX, when the link allows export (no sign-in)' })
  @ApiFileResponse(...TABLE_EXPORT_MEDIA_TYPES)
  @BAD_QUERY
  @NOT_FOUND
  @TOO_MANY
  export(@Param('token') token: string, @Query() query: SharedExportQueryDto, @Res() res: Response): Promise<void> {
    return this.views.export(token, query, res);
  }
}
