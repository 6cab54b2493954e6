import { CreatedShareLinkResponse, ModelStatus, SharedModel, SharedViewResponse, ShareLinkResponse } from '@model-inventory/contracts';

/** A live share link as `GET /api/shares` lists it, for tests. */
export function aShareLink(overrides: Partial<ShareLinkResponse> = {}): ShareLinkResponse {
  return {
    access_count: 0,
    allow_export: false,
    created_at: '2026-01-05T09:00:00.000Z',
    created_by: { id: 3, name: 'Grace Hopper' },
    enabled: true,
    expires_at: null,
    fields: 'summary',
    filters: {},
    id: 1,
    last_accessed_at: null,
    resource: 'models',
    revoked_at: null,
    ...overrides,
  };
}

/** The answer to `POST /api/shares`: the link with its token and url, shown this once. */
export function aCreatedShareLink(overrides: Partial<CreatedShareLinkResponse> = {}): CreatedShareLinkResponse {
  const token = overrides.token ?? 'q3N0tLd5bT3xY8aQ1vR7kLm2nB4cD6eF9gH0iJ2kL4m';
  return { ...aShareLink(), token, url: `http://localhost/share/${token}`, ...overrides };
}

export function aSharedModel(overrides: Partial<SharedModel> = {}): SharedModel {
  return { model: 'GPT-4o', provider: 'OpenAI', status: ModelStatus.APPROVED, status_date: '2026-01-15', version: '2024-08-06', ...overrides };
}

/** A page of a shared model view. */
export function aSharedView(overrides: Partial<SharedViewResponse> = {}): SharedViewResponse {
  const items = overrides.items ?? [aSharedModel()];
  return { allow_export: false, expires_at: null, fields: 'summary', items, limit: 50, offset: 0, resource: 'models', total: items.length, ...overrides };
}
