import { DEFAULT_MATERIAL_FIELDS, OrganizationSettingsResponse } from '@model-inventory/contracts';

/** The governance rules as the API returns them for a new organisation; override what a spec cares about. */
export function someOrganizationSettings(overrides: Partial<OrganizationSettingsResponse> = {}): OrganizationSettingsResponse {
  return {
    approval_requires_evidence: false,
    material_fields: [...DEFAULT_MATERIAL_FIELDS],
    require_status_rationale: false,
    review_on_material_change: false,
    updated_at: null,
    ...overrides,
  };
}
