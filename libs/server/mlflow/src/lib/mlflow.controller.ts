import { Body, Controller, Delete, Get, HttpCode, Put, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiRoutes, MlflowConfigResponse, MlflowConfigState, MlflowTestResponse, Role } from '@model-inventory/contracts';
import { ApiStandardErrors, Roles } from '@model-inventory/server-core';
import { MlflowConfigDto, MlflowConfigResponseDto, MlflowTestResponseDto } from './dto/mlflow-config.dto';
import { MlflowConfigService } from './mlflow-config.service';

@ApiTags('mlflow')
@ApiBearerAuth()
@ApiStandardErrors()
@ApiExtraModels(MlflowConfigResponseDto)
@Controller(ApiRoutes.mlflow)
export class MlflowConfigController {
  constructor(private readonly config: MlflowConfigService) {}

  @Get('config')
  @ApiOperation({ summary: 'The MLflow connection settings (secrets never returned), or { configured: false }' })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(MlflowConfigResponseDto) }, { type: 'object', properties: { configured: { type: 'boolean', enum: [false] } } }] } })
  get(): Promise<MlflowConfigState> {
    return this.config.get();
  }

  @Put('config')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create or replace the MLflow connection; a blank or omitted secret keeps the stored one' })
  @ApiOkResponse({ type: MlflowConfigResponseDto })
  put(@Body() dto: MlflowConfigDto): Promise<MlflowConfigResponse> {
    return this.config.put(dto);
  }

  @Delete('config')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Remove the MLflow connection; scheduled syncs stop for the organisation' })
  @ApiNoContentResponse()
  remove(): Promise<void> {
    return this.config.remove();
  }

  @Post('test')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Editor)
  @ApiOperation({ summary: 'Call the Model Registry with the stored settings; 200 with success false on failure, recorded on the config' })
  @ApiOkResponse({ type: MlflowTestResponseDto })
  test(): Promise<MlflowTestResponse> {
    return this.config.test();
  }
}
