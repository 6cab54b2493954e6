import { MeResponse, Role } from '@model-inventory/contracts';

export function meResponse(role: Role = Role.Admin): MeResponse {
  return {
    organization: { created_at: '2026-01-05T09:00:00Z', id: 7, name: 'Acme Analytics' },
    user: {
      created_at: '2026-01-05T09:00:00Z',
      email: 'ada@acme.test',
      id: 3,
      name: 'Ada Lovelace',
      organization_id: 7,
      role,
      updated_at: '2026-01-05T09:00:00Z',
    },
  };
}
