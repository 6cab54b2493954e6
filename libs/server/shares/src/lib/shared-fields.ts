import { ModelInventoryResponse, ModelRiskResponse, SharedModel, SharedRisk, ShareFieldSet } from '@model-inventory/contracts';
import { cellText, ExportColumn } from '@model-inventory/server-core';
import { ExportRow } from '@model-inventory/server-inventory';
import { RiskRow } from '@model-inventory/server-risks';

/*
 * What a share link shows, spelled out field by field (never spread from a response), so nothing new in a model or
 * a risk - ids, user accounts, organisation, evidence files, history - reaches a link unless it is added here.
 */

export function sharedModel(m: ModelInventoryResponse, fields: ShareFieldSet): SharedModel {
  const summary: SharedModel = { provider: m.provider, model: m.model, version: m.version, status: m.status, status_date: m.status_date };
  if (fields === 'summary') return summary;
  return {
    ...summary,
    approver: m.approver,
    capabilities: m.capabilities,
    security_assessment: m.security_assessment,
    reference_link: m.reference_link,
    biases: m.biases,
    limitations: m.limitations,
    hosting_provider: m.hosting_provider,
    updated_at: m.updated_at,
  };
}

export function sharedRisk(r: ModelRiskResponse, fields: ShareFieldSet): SharedRisk {
  const summary: SharedRisk = { risk_name: r.risk_name, risk_level: r.risk_level, risk_category: r.risk_category, status: r.status, target_date: r.target_date };
  if (fields === 'summary') return summary;
  return {
    ...summary,
    owner: r.owner,
    model: { provider: r.model.provider, model: r.model.model, version: r.model.version },
    description: r.description,
    mitigation_plan: r.mitigation_plan,
    impact: r.impact,
    likelihood: r.likelihood,
    key_metrics: r.key_metrics,
    current_values: r.current_values,
    threshold: r.threshold,
    overdue: r.overdue,
    updated_at: r.updated_at,
  };
}

/** The export's columns: the view's fields, in the view's order. */
const MODEL_SUMMARY: ExportColumn<ExportRow>[] = [
  { key: 'provider', header: 'Provider', width: 18 },
  { key: 'model', header: 'Model', width: 24 },
  { key: 'version', header: 'Version', width: 10 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'status_date', header: 'Status date', width: 12 },
];
const MODEL_ALL: ExportColumn<ExportRow>[] = [
  ...MODEL_SUMMARY,
  { key: 'approver', header: 'Approver', width: 28 },
  { key: 'capabilities', header: 'Capabilities', width: 30 },
  { key: 'security_assessment', header: 'Security assessment', width: 10 },
  { key: 'reference_link', header: 'Reference link', width: 30 },
  { key: 'biases', header: 'Biases', width: 30 },
  { key: 'limitations', header: 'Limitations', width: 30 },
  { key: 'hosting_provider', header: 'Hosting', width: 14 },
  { key: 'updated_at', header: 'Last updated', width: 22 },
];

export type SharedRiskRow = RiskRow & { model_name: string; overdue: boolean };

const RISK_SUMMARY: ExportColumn<SharedRiskRow>[] = [
  { key: 'risk_name', header: 'Risk', width: 36 },
  { key: 'risk_level', header: 'Level', width: 10 },
  { key: 'risk_category', header: 'Category', width: 16 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'target_date', header: 'Target date', width: 12 },
];
const RISK_ALL: ExportColumn<SharedRiskRow>[] = [
  ...RISK_SUMMARY,
  { key: 'owner', header: 'Owner', width: 26 },
  { key: 'model_name', header: 'Model', width: 30 },
  { key: 'description', header: 'Description', width: 40 },
  { key: 'mitigation_plan', header: 'Mitigation plan', width: 40 },
  { key: 'impact', header: 'Impact', width: 10 },
  { key: 'likelihood', header: 'Likelihood', width: 10 },
  { key: 'key_metrics', header: 'Key metrics', width: 24 },
  { key: 'current_values', header: 'Current values', width: 24 },
  { key: 'threshold', header: 'Threshold', width: 24 },
  { key: 'overdue', header: 'Overdue', width: 9 },
  { key: 'updated_at', header: 'Last updated', width: 22 },
];

export const sharedModelColumns = (fields: ShareFieldSet) => (fields === 'summary' ? MODEL_SUMMARY : MODEL_ALL);
export const sharedRiskColumns = (fields: ShareFieldSet) => (fields === 'summary' ? RISK_SUMMARY : RISK_ALL);

/** A row's cell texts for the given columns (dates as `YYYY-MM-DD`, like the register's own exports). */
export function cellsOf<R>(columns: ExportColumn<R>[], dateOnly: ReadonlyArray<keyof R>) {
  return (row: R) => Object.fromEntries(columns.map((c) => [c.key, cellText(row[c.key], { dateOnly: dateOnly.includes(c.key) })]));
}
