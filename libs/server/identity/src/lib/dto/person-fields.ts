import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@model-inventory/contracts';
import { LowerCaseTrim, Trim } from '@model-inventory/server-core';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

/** A required display name (a person's or an organisation's): trimmed, not empty, at most 200 characters. */
export const NameField = (example?: string) =>
  applyDecorators(ApiProperty({ maxLength: 200, example }), Trim(), IsString(), IsNotEmpty(), MaxLength(200));

/** A required e-mail address, compared and stored in lower case. */
export const EmailField = (example?: string) => applyDecorators(ApiProperty({ maxLength: 254, example }), LowerCaseTrim(), IsEmail(), MaxLength(254));

/** A password being set: the contract's length rules. */
export const NewPasswordField = () =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH),
    MaxLength(PASSWORD_MAX_LENGTH),
  );
