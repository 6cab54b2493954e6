import { ApiProperty } from '@nestjs/swagger';
import {
  AuthSettingsResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  PASSWORD_MAX_LENGTH,
  RegisterRequest,
  RegisterResponse,
  ChangePasswordRequest,
} from '@model-inventory/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EmailField, NameField, NewPasswordField } from './person-fields';
import { OrganizationResponseDto, UserResponseDto } from './user.dto';

export class RegisterDto implements RegisterRequest {
  @NameField('Acme Corp')
  organization_name!: string;

  @NameField('Ada Lovelace')
  name!: string;

  @EmailField('ada@acme.example')
  email!: string;

  @NewPasswordField()
  password!: string;
}

export class LoginDto implements LoginRequest {
  @EmailField('ada@acme.example')
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ description: 'Your password now.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  current_password!: string;

  @NewPasswordField()
  new_password!: string;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty()
  access_token!: string;

  @ApiProperty({ example: 28800 })
  expires_in!: number;

  @ApiProperty({ type: UserResponseDto })
  user!: UserResponseDto;
}

export class RegisterResponseDto extends LoginResponseDto implements RegisterResponse {
  @ApiProperty({ type: OrganizationResponseDto })
  organization!: OrganizationResponseDto;
}

export class MeResponseDto implements MeResponse {
  @ApiProperty({ type: UserResponseDto })
  user!: UserResponseDto;

  @ApiProperty({ type: OrganizationResponseDto })
  organization!: OrganizationResponseDto;
}

export class AuthSettingsResponseDto implements AuthSettingsResponse {
  @ApiProperty()
  signup_enabled!: boolean;
}
