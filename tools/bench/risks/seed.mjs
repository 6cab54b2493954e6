// bench:risks' seed: the risks of the benchmark's organisation, loaded with SQL (setup, not measured).
import { performance } from 'node:perf_hooks';
import { say } from '../bench-kit.mjs';
import { OPEN } from './options.mjs';

// Seed vocabulary: 30 themes (the search term "drift" matches one: ~3% of the risks), 40 owners.
export const THEMES = [
  'Data drift',
  'Prompt injection',
  'Hallucinated citations',
  'Gender bias in outcomes',
  'PII leakage',
  'Latency regression',
  'Training data licence',
  'Toxic output',
  'Jailbreak exposure',
  'Label noise',
  'Stale knowledge cut-off',
  'Model inversion',
  'Unfair credit scoring',
  'Missing audit trail',
  'Accuracy below SLA',
  'Vendor lock-in',
  'Regional availability',
  'Overfitting on benchmark',
  'Poisoned fine-tune set',
  'Unlogged overrides',
  'Explainability gap',
  'Data residency breach',
  'Cost overrun',
  'Age bias in ranking',
  'Insecure plugin calls',
  'Inconsistent answers',
  'Missing consent records',
  'Retention beyond policy',
  'Shadow deployment',
  'Calibration error',
];
export const OWNERS = Array.from(
  { length: 40 },
  (_, i) => `owner${i + 1}@bench.example`,
);
export const CATEGORIES = [
  'Performance',
  'Bias & Fairness',
  'Security',
  'Data Quality',
  'Compliance',
];
export const LEVELS = ['Low', 'Medium', 'High', 'Critical'];
export const RATINGS = ['Very Low', 'Low', 'Medium', 'High', 'Very High'];
export const SEARCH = 'drift';

/**
 * `count` risks on random models of the organisation (fixed `setseed`: the same data every run): status
 * 35% Open / 25% In Progress / 25% Resolved / 15% Accepted, level 30/35/25/10%, target dates one year either side
 * of today, impact and likelihood on 90% of them; then each model's open_risk_count from them, and VACUUM ANALYZE.
 */
export async function seedRisks(db, org, count) {
  const started = performance.now();
  await db.query('BEGIN');
  await db.query('SELECT setseed(0.1717)');
  const inserted = await db.query(
    `WITH ids AS (SELECT array_agg(id ORDER BY id) AS a FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL)
     INSERT INTO model_risks
       (organization_id, model_id, risk_name, risk_category, risk_level, status, owner, target_date, description,
        mitigation_plan, impact, likelihood, key_metrics, current_values, threshold, accepted_by_user_id, accepted_at,
        created_by_user_id, created_at, updated_at)
     SELECT $1, r.model_id, ($3::text[])[r.theme] || ' #' || r.i,
            ($4::text[])[r.cat]::model_risk_category,
            (CASE WHEN r.lv < 0.3 THEN 'Low' WHEN r.lv < 0.65 THEN 'Medium' WHEN r.lv < 0.9 THEN 'High' ELSE 'Critical' END)::model_risk_level,
            r.status::model_risk_status,
            ($5::text[])[r.owner],
            (current_date + r.days)::date,
            'Seeded risk ' || r.i || ': observed in the quarterly review.',
            'Monitor weekly; retrain or restrict when the threshold is crossed.',
            CASE WHEN r.rated THEN ($6::text[])[r.imp]::risk_rating END,
            CASE WHEN r.rated THEN ($6::text[])[r.lik]::risk_rating END,
            'error rate', '0.0' || (r.i % 10), '0.05',
            CASE WHEN r.status = 'Accepted' THEN $7::int END,
            CASE WHEN r.status = 'Accepted' THEN r.changed END,
            $7, r.changed - interval '30 days', r.changed
       FROM (SELECT q.*,
                    (CASE WHEN q.s < 0.35 THEN 'Open' WHEN q.s < 0.6 THEN 'In Progress' WHEN q.s < 0.85 THEN 'Resolved' ELSE 'Accepted' END) AS status
               FROM (SELECT i,
                            ids.a[1 + floor(random() * cardinality(ids.a))::int] AS model_id,
                            1 + floor(random() * cardinality($3::text[]))::int AS theme,
                            1 + floor(random() * 5)::int AS cat,
                            random() AS lv,
                            random() AS s,
                            1 + floor(random() * cardinality($5::text[]))::int AS owner,
                            floor(random() * 730)::int - 365 AS days,
                            random() < 0.9 AS rated,
                            1 + floor(random() * 5)::int AS imp,
                            1 + floor(random() * 5)::int AS lik,
                            now() - random() * interval '365 days' AS changed
                       FROM ids, generate_series(1, $2::int) AS i) q) r`,
    [org.id, count, THEMES, CATEGORIES, OWNERS, RATINGS, org.userId],
  );
  const counted = await db.query(
    `UPDATE model_inventories m SET open_risk_count = c.n
       FROM (SELECT model_id, count(*)::int AS n FROM model_risks
              WHERE organization_id = $1 AND NOT is_deleted AND status = ANY ($2::model_risk_status[]) GROUP BY 1) c
      WHERE m.id = c.model_id`,
    [org.id, OPEN],
  );
  await db.query('COMMIT');
  await db.query('VACUUM (ANALYZE) model_risks, model_inventories');
  const { rows } = await db.query(
    `SELECT status::text, count(*)::int AS n FROM model_risks WHERE organization_id = $1 GROUP BY 1 ORDER BY 1`,
    [org.id],
  );
  say(
    `risks by status ${JSON.stringify(Object.fromEntries(rows.map((r) => [r.status, r.n])))}; ${counted.rowCount.toLocaleString('en')} models with open risks`,
  );
  return { risks: inserted.rowCount, ms: performance.now() - started };
}
