import { MlflowImportRequest, MlflowModelRecordResponse } from '@model-inventory/contracts';

/** The import's fields that an MLflow tag of the same name (on the version or its model) may fill. */
export const TAG_FILLED_FIELDS = ['capabilities', 'biases', 'limitations'] as const;
export type TagFilledField = (typeof TAG_FILLED_FIELDS)[number];

/** The tag's value when the version or its registered model has a tag named after the field. */
export function tagFor(record: MlflowModelRecordResponse, field: TagFilledField): string | null {
  return record.tags[field] ?? record.model_tags[field] ?? null;
}

export interface ImportFormValue {
  approver: string;
  status_date: string;
  hosting_provider: string;
  capabilities: string;
  biases: string;
  limitations: string;
}

/** The request: blank optional fields left out (the server then uses the MLflow tag), capabilities split on commas. */
export function toImportRequest(value: ImportFormValue): MlflowImportRequest {
  const request: MlflowImportRequest = {
    approver: value.approver.trim(),
    hosting_provider: value.hosting_provider.trim(),
    status_date: value.status_date,
  };
  const capabilities = value.capabilities
    .split(',')
    .map((capability) => capability.trim())
    .filter(Boolean);
  if (capabilities.length > 0) request.capabilities = capabilities;
  if (value.biases.trim()) request.biases = value.biases.trim();
  if (value.limitations.trim()) request.limitations = value.limitations.trim();
  return request;
}
