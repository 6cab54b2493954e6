import { ModelRiskStatus, OPEN_RISK_STATUSES, RISK_TRANSITIONS } from '@model-inventory/contracts';
import { isoTimestampSql, jsonRowSql } from '@model-inventory/server-core';

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** `allowed_transitions` of a live risk, from the same table the workflow checks (RISK_TRANSITIONS). */
const ALLOWED_TRANSITIONS_SQL = `CASE risk.status ${Object.entries(RISK_TRANSITIONS)
  .map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(JSON.stringify(to))}::json`)
  .join(' ')} END`;

const OPEN_SQL = OPEN_RISK_STATUSES.map((status: ModelRiskStatus) => literal(status)).join(', ');

/**
 * One risk (aliases `risk`, its model `m`, its accepter `accepter`, as RISK_ROW_JOINS joins them) as the JSON text
 * of `ModelRiskResponse`, rendered by PostgreSQL for the list: byte for byte what JSON.stringify of
 * `toModelRiskResponse` gives for the same row (the integration test "lists each risk byte for byte as its own GET
 * returns it" holds the two together). `today` is the SQL of the date that decides what is overdue.
 */
export function riskJsonSql(today: string): string {
  return jsonRowSql(`
    risk.id, risk.organization_id, risk.risk_name, risk.risk_category, risk.risk_level, risk.status, risk.owner,
    risk.target_date, risk.description, risk.mitigation_plan, risk.impact, risk.likelihood, risk.key_metrics,
    risk.current_values, risk.threshold, risk.model_id,
    ${jsonRowSql('risk.model_id AS id, m.provider, m.model, m.version, m.deleted_at IS NOT NULL AS is_deleted')}::json AS model,
    (risk.target_date < ${today} AND risk.status IN (${OPEN_SQL})) AS overdue,
    CASE WHEN risk.is_deleted THEN '[]'::json ELSE ${ALLOWED_TRANSITIONS_SQL} END AS allowed_transitions,
    risk.accepted_by_user_id AS accepted_by, accepter.name AS accepted_by_name,
    ${isoTimestampSql('risk.accepted_at')} AS accepted_at, risk.is_deleted,
    ${isoTimestampSql('risk.deleted_at')} AS deleted_at, risk.version_number,
    ${isoTimestampSql('risk.created_at')} AS created_at, ${isoTimestampSql('risk.updated_at')} AS updated_at`);
}
