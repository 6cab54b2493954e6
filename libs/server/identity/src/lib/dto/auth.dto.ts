import { ApiProperty } from '@nestjs/swagger';
import {
  AuthSettingsResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  RegisterRequest,
  RegisterResponse,
  ChangePasswordRequest,
} from '@model-inventory/contracts';
import { LowerCaseTrim, Trim } from '@model-inventory/server-core';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { OrganizationResponseDto, UserResponseDto } from './user.dto';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'Acme Corp', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organization_name!: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'ada@acme.example', maxLength: 254 })
  @LowerCaseTrim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'ada@acme.example' })
  @LowerCaseTrim()
  @IsEmail()
  @MaxLength(254)
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

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
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
