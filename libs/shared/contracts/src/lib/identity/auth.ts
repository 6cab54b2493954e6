import { OrganizationResponse, UserResponse } from './user';

export interface RegisterRequest {
  organization_name: string;
  name: string;
  email: string;
  password: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  access_token: string;
  /** Seconds until `access_token` expires. */
  expires_in: number;
  user: UserResponse;
}

export interface RegisterResponse extends LoginResponse {
  organization: OrganizationResponse;
}

export interface MeResponse {
  user: UserResponse;
  organization: OrganizationResponse;
}

export interface AuthSettingsResponse {
  signup_enabled: boolean;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export interface ChangePasswordRequest {
  current_password: string;
  new_password: string;
}
