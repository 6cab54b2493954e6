import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, Page, Role, UserResponse } from '@model-inventory/contracts';
import { ApiProblemDto, ApiStandardErrors, IdParam, PageQueryDto, Roles } from '@model-inventory/server-core';
import { CreateUserDto, UpdateUserDto, UserPageResponseDto, UserResponseDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiStandardErrors()
@Roles(Role.Admin)
@Controller(ApiRoutes.users)
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageResponseDto })
  list(@Query() query: PageQueryDto): Promise<Page<UserResponse>> {
    return this.usersService.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponseDto })
  get(@IdParam() id: number): Promise<UserResponse> {
    return this.usersService.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'The email is already registered.' })
  create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.usersService.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'The change would leave the organisation without an Admin.' })
  update(@IdParam() id: number, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.usersService.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ApiProblemDto, description: 'You cannot delete yourself or the last Admin.' })
  remove(@IdParam() id: number): Promise<void> {
    return this.usersService.remove(id);
  }
}
