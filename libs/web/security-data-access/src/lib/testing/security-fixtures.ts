import { ApiTokenResponse, AuditEventResponse, Role } from '@model-inventory/contracts';

/** An API token as the API lists it; override what a spec cares about. */
export function anApiToken(overrides: Partial<ApiTokenResponse> = {}): ApiTokenResponse {
  return {
    created_at: '2026-11-02T09:00:00Z',
    expires_at: null,
    id: 1,
    last_used_at: null,
    name: 'CI pipeline',
    prefix: 'mi_AbCd1234',
    revoked_at: null,
    role: Role.Editor,
    user_id: 3,
    user_name: 'Grace Hopper',
    ...overrides,
  };
}

/** A security audit event as the API lists it; override what a spec cares about. */
export function anAuditEvent(overrides: Partial<AuditEventResponse> = {}): AuditEventResponse {
  return {
    action: 'auth.login_succeeded',
    actor_email: 'grace@acme.test',
    actor_name: 'Grace Hopper',
    actor_user_id: 3,
    details: {},
    id: 1,
    ip: '203.0.113.7',
    occurred_at: '2026-12-01T08:30:00Z',
    target_type: null,
    target_id: null,
    user_agent: 'Mozilla/5.0',
    ...overrides,
  };
}
