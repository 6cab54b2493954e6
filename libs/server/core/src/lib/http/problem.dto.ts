import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiProblem, FieldError } from '@model-inventory/contracts';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

export class ApiProblemDto implements ApiProblem {
  @ApiProperty({ example: 'about:blank' })
  type!: string;

  @ApiProperty({ example: 'Validation Failed' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'One or more fields are invalid.' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/projects' })
  instance?: string;

  @ApiPropertyOptional()
  request_id?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

const problem = { type: ApiProblemDto };

/** The error responses every authenticated route can give, as problem+json. */
export const ApiStandardErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ ...problem, description: 'Invalid input; `errors` names each field.' }),
    ApiUnauthorizedResponse({ ...problem, description: 'Missing, invalid or expired token.' }),
    ApiForbiddenResponse({ ...problem, description: 'Your role may not do this.' }),
    ApiNotFoundResponse({ ...problem, description: 'No such resource in your organisation.' }),
    ApiInternalServerErrorResponse(problem),
  );
