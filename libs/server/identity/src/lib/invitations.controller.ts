import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, InvitationResponse, IssuedInvitationResponse, Page, Role } from '@model-inventory/contracts';
import { ApiProblemDto, ApiStandardErrors, IdParam, PageQueryDto, Roles } from '@model-inventory/server-core';
import { CreateInvitationDto, InvitationPageResponseDto, IssuedInvitationResponseDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiStandardErrors()
@Roles(Role.Admin)
@Controller(ApiRoutes.invitations)
export class InvitationsController {
  constructor(private readonly invitationsService: InvitationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Invite someone to the organisation',
    description:
      'Issues a one-time link (valid for 7 days) that lets the invitee choose their name and password and join with the given role. The token is in this answer only. A new invitation for the same e-mail replaces the open one.',
  })
  @ApiCreatedResponse({ type: IssuedInvitationResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'The email already has an account.' })
  issue(@Body() dto: CreateInvitationDto): Promise<IssuedInvitationResponse> {
    return this.invitationsService.issue(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Open invitations (not yet accepted, revoked or expired), newest first' })
  @ApiOkResponse({ type: InvitationPageResponseDto })
  list(@Query() query: PageQueryDto): Promise<Page<InvitationResponse>> {
    return this.invitationsService.listOpen(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an open invitation; its link stops working' })
  @ApiNoContentResponse()
  revoke(@IdParam() id: number): Promise<void> {
    return this.invitationsService.revoke(id);
  }
}
