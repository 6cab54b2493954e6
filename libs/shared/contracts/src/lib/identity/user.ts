import { Role } from './role';

export interface OrganizationResponse {
  id: number;
  name: string;
  created_at: string;
}

/** `PATCH /api/organization` (Admin). */
export interface UpdateOrganizationRequest {
  name: string;
}

export interface UserResponse {
  id: number;
  organization_id: number;
  name: string;
  email: string;
  role: Role;
  created_at: string;
  updated_at: string;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  password?: string;
}
