import { ApiProperty } from '@nestjs/swagger';
import {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  InvitationPreviewResponse,
  InvitationResponse,
  InvitationTokenRequest,
  IssuedInvitationResponse,
  Role,
} from '@model-inventory/contracts';
import { PageResponseDto } from '@model-inventory/server-core';
import { IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EmailField, NameField, NewPasswordField } from './person-fields';

export class CreateInvitationDto implements CreateInvitationRequest {
  @EmailField('grace@acme.example')
  email!: string;

  @ApiProperty({ enum: Role, enumName: 'Role', description: 'The role the invitee gets on accepting.' })
  @IsEnum(Role)
  role!: Role;
}

export class InvitationTokenDto implements InvitationTokenRequest {
  @ApiProperty({ description: 'The token from the invitation link (after `#token=`).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class AcceptInvitationDto extends InvitationTokenDto implements AcceptInvitationRequest {
  @NameField('Grace Hopper')
  name!: string;

  @NewPasswordField()
  password!: string;
}

export class InvitationResponseDto implements InvitationResponse {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, description: 'The name of the Admin who sent it.' })
  invited_by!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  expires_at!: string;
}

export class IssuedInvitationResponseDto extends InvitationResponseDto implements IssuedInvitationResponse {
  @ApiProperty({ description: 'The one-time token; shown only in this answer.' })
  token!: string;

  @ApiProperty({ example: '/accept-invitation#token=…', description: "The console link to hand to the invitee, relative to the console's address." })
  accept_path!: string;
}

export class InvitationPageResponseDto extends PageResponseDto(InvitationResponseDto, 'InvitationPageResponse') {}

export class InvitationPreviewResponseDto implements InvitationPreviewResponse {
  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  role!: Role;

  @ApiProperty()
  organization_name!: string;

  @ApiProperty({ format: 'date-time' })
  expires_at!: string;
}
