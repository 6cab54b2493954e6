import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ALL_ROLES, ApiRoutes, AuthSettingsResponse, InvitationPreviewResponse, LoginResponse, MeResponse, RegisterResponse } from '@model-inventory/contracts';
import { APP_CONFIG, ApiProblemDto, ApiStandardErrors, AppConfig, Public, Roles } from '@model-inventory/server-core';
import { AuthService } from './auth.service';
import { AuthSettingsResponseDto, ChangePasswordDto, LoginDto, LoginResponseDto, MeResponseDto, RegisterDto, RegisterResponseDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './guards/login-throttler.guard';
import { AcceptInvitationDto, InvitationPreviewResponseDto, InvitationTokenDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('auth')
@ApiStandardErrors()
@Controller(ApiRoutes.auth)
export class AuthController {
  constructor(
    private readonly authService: AuthService,
    private readonly invitationsService: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @ApiOperation({ summary: 'Create an organisation and its first user (an Admin)' })
  @ApiCreatedResponse({ type: RegisterResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'The email is already registered.' })
  @ApiTooManyRequestsResponse({ type: ApiProblemDto })
  register(@Body() dto: RegisterDto): Promise<RegisterResponse> {
    return this.authService.register(dto);
  }

  @Public()
  @Post('invitation')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ signup: true })
  @ApiOperation({ summary: 'Whom an invitation link is for, before it is accepted (the token goes in the body, never in a URL)' })
  @ApiOkResponse({ type: InvitationPreviewResponseDto })
  @ApiTooManyRequestsResponse({ type: ApiProblemDto })
  previewInvitation(@Body() dto: InvitationTokenDto): Promise<InvitationPreviewResponse> {
    return this.invitationsService.preview(dto.token);
  }

  @Public()
  @Post('accept-invitation')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @ApiOperation({
    summary: 'Accept an invitation: choose a name and password, join the organisation with the role chosen by the Admin, and sign in',
    description: 'Works whether or not sign-up is enabled. A used, revoked or expired token is a 400 naming `token`.',
  })
  @ApiCreatedResponse({ type: LoginResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'The email already has an account.' })
  @ApiTooManyRequestsResponse({ type: ApiProblemDto })
  acceptInvitation(@Body() dto: AcceptInvitationDto): Promise<LoginResponse> {
    return this.authService.acceptInvitation(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @SkipThrottle({ signup: true })
  @ApiOperation({ summary: 'Exchange email and password for an access token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ApiProblemDto, description: 'Wrong email or password.' })
  @ApiTooManyRequestsResponse({ type: ApiProblemDto })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.authService.login(dto);
  }

  @Public()
  @Get('settings')
  @ApiOperation({ summary: 'What the sign-in pages need to know before anyone signs in' })
  @ApiOkResponse({ type: AuthSettingsResponseDto })
  settings(): AuthSettingsResponse {
    return { signup_enabled: this.config.auth.signupEnabled };
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: end the session of the presented access token (your other sessions go on)' })
  @ApiNoContentResponse()
  logout(): Promise<void> {
    return this.authService.logout();
  }

  @Post('password')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password; your other sessions end (this one goes on)' })
  @ApiNoContentResponse()
  changePassword(@Body() dto: ChangePasswordDto): Promise<void> {
    return this.authService.changePassword(dto);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and their organisation' })
  @ApiOkResponse({ type: MeResponseDto })
  me(): Promise<MeResponse> {
    return this.authService.me();
  }
}
