import { ShareFieldSet, SharedModel, SharedRisk, ShareResource } from '@model-inventory/contracts';

export interface SharedColumn {
  key: string;
  label: string;
}

const MODEL_SUMMARY: SharedColumn[] = [
  { key: 'provider', label: 'Provider' },
  { key: 'model', label: 'Model' },
  { key: 'version', label: 'Version' },
  { key: 'status', label: 'Status' },
  { key: 'status_date', label: 'Status date' },
];
const MODEL_MORE: SharedColumn[] = [
  { key: 'approver', label: 'Approver' },
  { key: 'capabilities', label: 'Capabilities' },
  { key: 'security_assessment', label: 'Security assessment' },
  { key: 'reference_link', label: 'Reference' },
  { key: 'biases', label: 'Biases' },
  { key: 'limitations', label: 'Limitations' },
  { key: 'hosting_provider', label: 'Hosting' },
  { key: 'updated_at', label: 'Updated' },
];
const RISK_SUMMARY: SharedColumn[] = [
  { key: 'risk_name', label: 'Risk' },
  { key: 'risk_level', label: 'Level' },
  { key: 'risk_category', label: 'Category' },
  { key: 'status', label: 'Status' },
  { key: 'target_date', label: 'Target date' },
];
const RISK_MORE: SharedColumn[] = [
  { key: 'model', label: 'Model' },
  { key: 'owner', label: 'Owner' },
  { key: 'description', label: 'Description' },
  { key: 'mitigation_plan', label: 'Mitigation plan' },
  { key: 'impact', label: 'Impact' },
  { key: 'likelihood', label: 'Likelihood' },
  { key: 'key_metrics', label: 'Key metrics' },
  { key: 'current_values', label: 'Current values' },
  { key: 'threshold', label: 'Threshold' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'updated_at', label: 'Updated' },
];

/** The columns of a shared view: the register's key columns, and with `all` every other shared field. */
export function sharedColumns(resource: ShareResource, fields: ShareFieldSet): SharedColumn[] {
  const [summary, more] = resource === 'models' ? [MODEL_SUMMARY, MODEL_MORE] : [RISK_SUMMARY, RISK_MORE];
  return fields === 'all' ? [...summary, ...more] : summary;
}

/** One cell as text: lists joined, yes/no for flags, the model of a risk by name and version, dates as given. */
export function sharedCellText(row: SharedModel | SharedRisk, key: string): string {
  const value: unknown = (row as unknown as Record<string, unknown>)[key];
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    const model = value as { provider?: string; model?: string; version?: string };
    return [model.provider, model.model, model.version].filter(Boolean).join(' ');
  }
  const text = String(value);
  return key === 'updated_at' && /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text;
}
