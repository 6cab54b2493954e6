import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, AuditEventResponse, Page, Role } from '@model-inventory/contracts';
import { ApiFileResponse, ApiStandardErrors, cellText, ExportColumn, organizationFileName, Roles, streamTable } from '@model-inventory/server-core';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditEventFilterDto, AuditEventPageResponseDto, ListAuditEventsDto } from './dto/audit-event.dto';

export function toAuditEventResponse(event: AuditEventEntity): AuditEventResponse {
  const { organization_id: _organization, occurred_at, ...rest } = event;
  return { ...rest, occurred_at: occurred_at.toISOString() };
}

const COLUMNS: ExportColumn<AuditEventResponse>[] = [
  { key: 'occurred_at', header: 'When (UTC)', width: 24 },
  { key: 'action', header: 'Action', width: 24 },
  { key: 'actor_name', header: 'Actor', width: 20 },
  { key: 'actor_email', header: 'Actor e-mail', width: 28 },
  { key: 'ip', header: 'IP address', width: 16 },
  { key: 'user_agent', header: 'User agent', width: 30 },
  { key: 'target_type', header: 'Target', width: 12 },
  { key: 'target_id', header: 'Target id', width: 10 },
  { key: 'details', header: 'Details', width: 40 },
];

@ApiTags('auditEvents')
@ApiBearerAuth()
@ApiStandardErrors()
@Roles(Role.Admin, Role.Auditor)
@Controller(ApiRoutes.auditEvents)
export class AuditEventsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AuditEventsRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The security audit log of the organisation, newest first (Admins and Auditors)' })
  @ApiOkResponse({ type: AuditEventPageResponseDto })
  async list(@Query() query: ListAuditEventsDto): Promise<Page<AuditEventResponse>> {
    const [rows, total] = await this.events.findPage(query, query.limit, query.offset);
    return { items: rows.map(toAuditEventResponse), total, limit: query.limit, offset: query.offset };
  }

  @Get('export')
  @ApiOperation({ summary: 'Download the filtered log as CSV (streamed)' })
  @ApiFileResponse('text/csv')
  async export(@Query() query: AuditEventFilterDto, @Res() res: Response): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const stream = await this.events.exportStream(query, runner);
      await streamTable(res, {
        format: 'csv',
        fileName: await organizationFileName(this.dataSource, 'security-log'),
        sheetName: 'Security log',
        columns: COLUMNS,
        rows: toResponses(stream),
        cells: (row) => Object.fromEntries(COLUMNS.map((c) => [c.key, c.key === 'details' ? JSON.stringify(row.details) : cellText(row[c.key])])),
      });
    } finally {
      await runner.release();
    }
  }
}

/** The raw stream's columns come prefixed with the alias (`event_action`); strip it and map like the list. */
async function* toResponses(rows: AsyncIterable<Record<string, unknown>>): AsyncIterable<AuditEventResponse> {
  for await (const row of rows) {
    const event = Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/^event_/, ''), value])) as unknown as AuditEventEntity;
    yield toAuditEventResponse({ ...event, occurred_at: new Date(event.occurred_at) });
  }
}
