import { compactJsonbSql, isoTimestampSql, jsonRowSql } from '@model-inventory/server-core';

/**
 * One model as the JSON text of `ModelInventoryResponse`, rendered by PostgreSQL for the lists: byte for byte what
 * JSON.stringify of `toModelInventoryResponse` gives for the same row (the integration test "lists each model byte
 * for byte as its own GET returns it" holds the two together). `projects` and `frameworks` are the SQL of the
 * model's link id arrays.
 */
export function modelJsonSql(m: string, links: { projects: string; frameworks: string }): string {
  return jsonRowSql(`
    ${m}.id, ${m}.organization_id, ${m}.provider, ${m}.model, ${m}.version, ${m}.approver, ${m}.capabilities,
    ${m}.security_assessment, ${m}.status, ${m}.status_date, ${m}.reference_link, ${m}.biases, ${m}.limitations,
    ${m}.hosting_provider,
    CASE WHEN ${m}.security_assessment_data IS NULL OR ${m}.security_assessment_data = '[]' THEN '[]'::json
         ELSE ${compactJsonbSql(`${m}.security_assessment_data`)} END AS security_assessment_data,
    ${m}.is_demo, ${links.projects} AS projects, ${links.frameworks} AS frameworks, ${m}.open_risk_count,
    CASE WHEN ${m}.approved_by_name <> ''
         THEN ${jsonRowSql(`${m}.approved_by_user_id AS id, ${m}.approved_by_name AS name`)}::json END AS approved_by,
    ${isoTimestampSql(`${m}.approved_at`)} AS approved_at, ${m}.status_rationale, ${m}.version_number,
    ${isoTimestampSql(`${m}.created_at`)} AS created_at, ${isoTimestampSql(`${m}.updated_at`)} AS updated_at`);
}
