/** The model fields whose change can send an approved model back to review. */
export const MATERIAL_FIELD_CHOICES = ['provider', 'model', 'version', 'hosting_provider', 'capabilities', 'approver', 'reference_link', 'biases', 'limitations', 'projects', 'frameworks'] as const;
export type MaterialField = (typeof MATERIAL_FIELD_CHOICES)[number];

export const DEFAULT_MATERIAL_FIELDS: readonly MaterialField[] = ['provider', 'model', 'version', 'hosting_provider', 'capabilities'];

/** `GET /api/organization/settings`: the organisation's governance rules (every role reads them, Admins change them). */
export interface OrganizationSettingsResponse {
  /** When on, a model is set to Approved only with an unexpired "Security Assessment Report". */
  approval_requires_evidence: boolean;
  /**
   * When on, a change to a material field of an Approved or Restricted model sets it back to Pending in the same
   * write (history says why; `model_review_required` goes to webhooks), unless an Admin or Reviewer re-approves it in
   * the same request. Off by default, so clients written against the seed's contract keep working.
   */
  review_on_material_change: boolean;
  /** The fields `review_on_material_change` watches. */
  material_fields: MaterialField[];
  /** When on, setting Approved, Restricted or Blocked needs a `status_rationale`. */
  require_status_rationale: boolean;
  updated_at: string | null;
}

export type UpdateOrganizationSettingsRequest = Partial<Omit<OrganizationSettingsResponse, 'updated_at'>>;
