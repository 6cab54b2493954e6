/** Labels of the model's fields, as the form and the Activity tab name them. */
export const MODEL_FIELD_LABELS: Readonly<Record<string, string>> = {
  approver: 'Approver',
  biases: 'Known biases',
  capabilities: 'Capabilities',
  frameworks: 'Frameworks',
  hosting_provider: 'Hosting provider',
  limitations: 'Limitations',
  model: 'Model',
  projects: 'Projects',
  provider: 'Provider',
  reference_link: 'Reference link',
  security_assessment: 'Security assessment',
  status: 'Status',
  status_date: 'Status date',
  status_rationale: 'Status rationale',
  version: 'Version',
};

export function fieldLabel(field: string): string {
  return MODEL_FIELD_LABELS[field] ?? field.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());
}
