import { MaterialField, OrganizationSettingsResponse } from '@model-inventory/contracts';

/** The labels the model form uses for the fields re-review can watch. */
export const MATERIAL_FIELD_LABELS: Record<MaterialField, string> = {
  approver: 'Approver e-mail',
  biases: 'Biases',
  capabilities: 'Capabilities',
  frameworks: 'Frameworks',
  hosting_provider: 'Hosting provider',
  limitations: 'Limitations',
  model: 'Model',
  projects: 'Projects',
  provider: 'Provider',
  reference_link: 'Reference link',
  version: 'Version',
};

export type GovernanceToggle = keyof Pick<OrganizationSettingsResponse, 'review_on_material_change' | 'require_status_rationale' | 'approval_requires_evidence'>;

/** Each rule's name and the one sentence that explains it, in the order Settings shows them. */
export const GOVERNANCE_TOGGLES: readonly { field: GovernanceToggle; label: string; explanation: string }[] = [
  {
    explanation: 'A change to a material field of an Approved or Restricted model sends it back to Pending, unless an Admin or Reviewer re-approves it in the same change.',
    field: 'review_on_material_change',
    label: 'Re-review on material change',
  },
  {
    explanation: 'Setting a model to Approved, Restricted or Blocked needs a short rationale, kept with the approval record.',
    field: 'require_status_rationale',
    label: 'Require a rationale',
  },
  {
    explanation: 'A model can be Approved only while it has an unexpired Security Assessment Report.',
    field: 'approval_requires_evidence',
    label: 'Approval requires evidence',
  },
];
