import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ApiRoutes, EvidencePurgeResponse, EvidenceResponse, Page, Role } from '@model-inventory/contracts';
import { ApiFileResponse, ApiProblemDto, ApiStandardErrors, IdParam, Roles } from '@model-inventory/server-core';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { EvidencePurgeRequestDto, EvidencePurgeResponseDto } from './dto/evidence-purge.dto';
import { ListEvidenceDto } from './dto/evidence-query.dto';
import { EvidencePageResponseDto, EvidenceResponseDto } from './dto/evidence-response.dto';
import { UploadEvidenceBodyDto } from './dto/upload-evidence.dto';
import { EvidenceService } from './evidence.service';
import { EvidencePurgeService } from './purge/evidence-purge.service';
import { attachmentDisposition } from './upload/filename';

const WRITERS = [Role.Admin, Role.Reviewer, Role.Editor];

/** Text types are served as UTF-8; the stored type otherwise. */
const contentTypeOf = (mimetype: string) => (mimetype.startsWith('text/') ? `${mimetype}; charset=utf-8` : mimetype);

@ApiTags('evidence')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.modelInventory)
export class ModelEvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post(':id/evidence')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Upload an evidence file for a model (multipart/form-data, streamed and checked by content)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadEvidenceBodyDto })
  @ApiCreatedResponse({ type: EvidenceResponseDto })
  @ApiPayloadTooLargeResponse({ type: ApiProblemDto, description: 'The file is larger than EVIDENCE_MAX_BYTES; nothing is stored.' })
  @ApiUnsupportedMediaTypeResponse({ type: ApiProblemDto, description: 'The content is not an accepted document or image; `detail` names what it is.' })
  upload(@IdParam() id: number, @Req() req: Request): Promise<EvidenceResponse> {
    return this.evidence.upload(id, req);
  }
}

@ApiTags('evidence')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.evidence)
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly purger: EvidencePurgeService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The evidence hub: the organisation's live evidence, filtered, searched, sorted and paged" })
  @ApiOkResponse({ type: EvidencePageResponseDto })
  list(@Query() query: ListEvidenceDto): Promise<Page<EvidenceResponse>> {
    return this.evidence.list(query);
  }

  @Post('purge')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Purge the bytes of evidence deleted longer ago than EVIDENCE_RETENTION_DAYS (Admin)',
    description: 'The rows stay for the audit trail with `bytes_purged_at`; each file gets a trail row, the security log one entry. `dry_run` only counts.',
  })
  @ApiOkResponse({ type: EvidencePurgeResponseDto })
  purge(@Body() body: EvidencePurgeRequestDto): Promise<EvidencePurgeResponse> {
    return this.purger.purge(body.dry_run ?? false);
  }

  @Get(':id')
  @ApiOperation({ summary: "One evidence file's metadata" })
  @ApiOkResponse({ type: EvidenceResponseDto })
  get(@IdParam() id: number): Promise<EvidenceResponse> {
    return this.evidence.get(id);
  }

  @Get(':id/download')
  @ApiOperation({ summary: 'The bytes, streamed, with the stored type, as an attachment (Auditors too)' })
  @ApiFileResponse('application/octet-stream')
  async download(@IdParam() id: number, @Res() res: Response): Promise<void> {
    const { evidence, bytes } = await this.evidence.open(id);
    res.setHeader('Content-Disposition', attachmentDisposition(evidence.filename));
    res.setHeader('Content-Type', contentTypeOf(evidence.mimetype));
    res.setHeader('Content-Length', String(evidence.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store, no-transform');
    res.setHeader('Digest', `sha-256=${Buffer.from(evidence.sha256, 'hex').toString('base64')}`);
    // A client that goes away, or storage failing mid-file: the response is cut, never completed with wrong bytes.
    await pipeline(bytes, res).catch(() => res.destroy());
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Remove evidence (soft delete: the row and bytes stay for the audit trail; 404 from then on)' })
  @ApiNoContentResponse()
  remove(@IdParam() id: number): Promise<void> {
    return this.evidence.remove(id);
  }
}
