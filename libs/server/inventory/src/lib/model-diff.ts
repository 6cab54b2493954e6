import { ModelInventoryResponse } from '@model-inventory/contracts';

export interface FieldChangeRow {
  field_name: string;
  old_value: string | null;
  new_value: string | null;
}

/** The fields the audit trail follows, in the order the Activity tab lists them. */
export const AUDITED_FIELDS = [
  'provider',
  'model',
  'version',
  'approver',
  'capabilities',
  'security_assessment',
  'status',
  'status_date',
  'reference_link',
  'biases',
  'limitations',
  'hosting_provider',
  'projects',
  'frameworks',
] as const satisfies readonly (keyof ModelInventoryResponse)[];

type Audited = Pick<ModelInventoryResponse, (typeof AUDITED_FIELDS)[number]>;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** One row per field whose value differs; `before` null for a creation, `after` null for a deletion. */
export function diffModels(before: Audited | null, after: Audited | null): FieldChangeRow[] {
  return AUDITED_FIELDS.flatMap((field) => {
    const oldValue = before ? asText(before[field]) : null;
    const newValue = after ? asText(after[field]) : null;
    return oldValue === newValue ? [] : [{ field_name: field, old_value: oldValue, new_value: newValue }];
  });
}
