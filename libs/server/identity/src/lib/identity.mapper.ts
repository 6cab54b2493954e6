import { OrganizationResponse, UserResponse } from '@model-inventory/contracts';
import { OrganizationEntity } from './entities/organization.entity';
import { UserEntity } from './entities/user.entity';

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    organization_id: user.organization_id,
    name: user.name,
    email: user.email,
    role: user.role,
    created_at: user.created_at.toISOString(),
    updated_at: user.updated_at.toISOString(),
  };
}

export function toOrganizationResponse(organization: OrganizationEntity): OrganizationResponse {
  return { id: organization.id, name: organization.name, created_at: organization.created_at.toISOString() };
}
