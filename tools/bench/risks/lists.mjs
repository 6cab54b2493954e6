// bench:risks' list cases: each is an API path and ONE hand-written query for the same page (rows, order, total).
import { explain, say, step } from '../bench-kit.mjs';
import { GOALS } from './options.mjs';
import { SEARCH } from './seed.mjs';

/** @typedef {import('./options.mjs').BenchContext} BenchContext */

/**
 * The model page as one would write it by hand: the page in the sort order with LIMIT (an index can serve it),
 * the total as a scalar subquery over the same filter, the link ids as ARRAY subselects. `where(alias)` adds the
 * filter for the alias of the page or of the count.
 */
const MODEL_PAGE_SQL = (where, order) => `
  SELECT m.*,
         (SELECT count(*) FROM model_inventories c
           WHERE c.organization_id = $1 AND c.deleted_at IS NULL ${where('c')}) AS total_count,
         ARRAY(SELECT l.project_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = m.id AND l.project_id IS NOT NULL ORDER BY 1) AS projects,
         ARRAY(SELECT l.framework_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = m.id AND l.framework_id IS NOT NULL ORDER BY 1) AS frameworks
    FROM model_inventories m
   WHERE m.organization_id = $1 AND m.deleted_at IS NULL ${where('m')}
   ORDER BY ${order('m')}
   LIMIT 50`;

/** The risk page the same way, with each risk's model, its accepter and its overdue flag. */
const RISK_PAGE_SQL = (where, order) => `
  SELECT r.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version,
         accepter.name AS accepted_by_name,
         (SELECT count(*) FROM model_risks c WHERE c.organization_id = $1 AND NOT c.is_deleted ${where('c')}) AS total_count,
         (r.target_date < current_date AND r.status IN ('Open', 'In Progress')) AS overdue
    FROM model_risks r
    JOIN model_inventories m ON m.id = r.model_id
    LEFT JOIN users accepter ON accepter.id = r.accepted_by_user_id
   WHERE r.organization_id = $1 AND NOT r.is_deleted ${where('r')}
   ORDER BY ${order('r')}
   LIMIT 50`;

/**
 * The searched risk page: the trigram index finds few matches, so the good hand-written query counts them in the same
 * pass (window count in a subquery, LIMIT outside it) and joins the page's rows; `sortColumn` is the sort key.
 */
const RISK_SEARCH_PAGE_SQL = (where, order, sortColumn) => `
  SELECT r.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version,
         accepter.name AS accepted_by_name, page.total_count,
         (r.target_date < current_date AND r.status IN ('Open', 'In Progress')) AS overdue
    FROM (SELECT matched.* FROM (
            SELECT c.id, c.${sortColumn}, count(*) OVER () AS total_count
              FROM model_risks c
             WHERE c.organization_id = $1 AND NOT c.is_deleted ${where('c')}) matched
           ORDER BY ${order('matched')} LIMIT 50) page
    JOIN model_risks r ON r.id = page.id
    JOIN model_inventories m ON m.id = r.model_id
    LEFT JOIN users accepter ON accepter.id = r.accepted_by_user_id
   ORDER BY ${order('page')}`;

/** The total of a page read by one of the hand-written queries (each row carries it as `total_count`). */
export function pageTotal(rows) {
  return rows.length ? Number(rows[0].total_count) : 0;
}

/** The measured list cases of the organisation `org`. */
export function listCases(org) {
  const today = new Date().toISOString().slice(0, 10);
  const modelKey = (row) => `${row.id}:${row.open_risk_count}`;
  const riskKey = (row) =>
    `${row.id}:${row.model?.model ?? row.model_model}:${row.overdue}`;
  return [
    {
      name: 'Model list, first page',
      path: '/api/modelInventory?limit=50',
      sql: MODEL_PAGE_SQL(
        () => '',
        (a) => `${a}.updated_at DESC, ${a}.id DESC`,
      ),
      params: [org.id],
      key: modelKey,
    },
    {
      name: 'Model list, open risks, by open_risk_count',
      path: '/api/modelInventory?limit=50&status=Approved&has_open_risks=true&sort=open_risk_count:desc',
      sql: MODEL_PAGE_SQL(
        (a) => `AND ${a}.status = 'Approved' AND ${a}.open_risk_count > 0`,
        (a) => `${a}.open_risk_count DESC, ${a}.id DESC`,
      ),
      params: [org.id],
      key: modelKey,
    },
    {
      name: 'Risk list, first page',
      path: '/api/modelRisks?limit=50',
      sql: RISK_PAGE_SQL(
        () => '',
        (a) => `${a}.updated_at DESC, ${a}.id DESC`,
      ),
      params: [org.id],
      key: riskKey,
    },
    {
      name: 'Risk list, High+Critical, Open+In Progress, by target date',
      path: '/api/modelRisks?limit=50&risk_level=High,Critical&status=Open,In%20Progress&sort=target_date:asc',
      sql: RISK_PAGE_SQL(
        (a) =>
          `AND ${a}.risk_level IN ('High', 'Critical') AND ${a}.status IN ('Open', 'In Progress')`,
        (a) => `${a}.target_date ASC, ${a}.id ASC`,
      ),
      params: [org.id],
      key: riskKey,
    },
    {
      name: `Risk list, search "${SEARCH}" + overdue, by level`,
      path: `/api/modelRisks?limit=50&search=${SEARCH}&overdue=true&sort=risk_level:desc`,
      sql: RISK_SEARCH_PAGE_SQL(
        (a) =>
          `AND ${a}.risk_name ILIKE $2 AND ${a}.target_date < $3::date AND ${a}.status IN ('Open', 'In Progress')`,
        (a) => `${a}.risk_level DESC, ${a}.id DESC`,
        'risk_level',
      ),
      params: [org.id, `%${SEARCH}%`, today],
      key: riskKey,
    },
  ];
}

/**
 * One list case: the same page from the API and from the raw query, then both measured, and the raw query behind a
 * bare `node:http` server (`floor`, http-floor-server.mjs, which serves case `index` at /lists/index).
 * @param {BenchContext} ctx
 */
export async function benchmarkList(
  ctx,
  api,
  pool,
  db,
  org,
  floor,
  [index, listCase],
) {
  const { options, measure } = ctx;
  const { requests: n, concurrency: c } = options;
  step(`${listCase.name}: GET ${listCase.path}`);
  // Same page from all three? (ids in order, with each model's open_risk_count or each risk's model and overdue flag, and the total)
  const page = await api.json('GET', listCase.path, undefined, org.token, 200);
  const raw = (await pool.query(listCase.sql, listCase.params)).rows;
  const rawTotal = pageTotal(raw);
  const floorPage = await floor.json(
    'GET',
    `/lists/${index}`,
    undefined,
    null,
    200,
  );
  const keys = (rows) => rows.map(listCase.key).join(',');
  const same =
    keys(page.items) === keys(raw) && keys(floorPage.items) === keys(raw);
  const check = {
    ok:
      same &&
      page.total === rawTotal &&
      floorPage.total === rawTotal &&
      page.items.length > 0,
    detail: `API ${page.items.length} items of ${page.total.toLocaleString('en')}, raw ${raw.length} of ${rawTotal.toLocaleString('en')}, bare node:http ${floorPage.items.length} of ${floorPage.total.toLocaleString('en')}${same ? '' : ', different rows'}`,
  };
  say(
    `same page as the raw query: ${check.ok ? 'OK' : 'MISMATCH'} (${check.detail})`,
  );

  const apiLoad = await measure('API     ', n, options.warmup.list, c, () =>
    api.json('GET', listCase.path, undefined, org.token, 200),
  );
  const rawLoad = await measure('raw SQL ', n, options.warmup.list, c, () =>
    pool.query(listCase.sql, listCase.params),
  );
  const floorLoad = await measure('HTTP    ', n, options.warmup.list, c, () =>
    floor.json('GET', `/lists/${index}`, undefined, null, 200),
  );
  const ratio = apiLoad.p50 / rawLoad.p50;
  const floorRatio = floorLoad.p50 / rawLoad.p50;
  say(
    `API p50 / raw p50 = ${ratio.toFixed(2)}x (goal <= ${GOALS.listRatio}x): ${ratio <= GOALS.listRatio ? 'PASS' : 'FAIL'}`,
  );
  say(
    `bare node:http server p50 / raw p50 = ${floorRatio.toFixed(2)}x: the query behind HTTP and JSON with nothing else`,
  );
  const plan = await explain(db, listCase.sql, listCase.params);
  say(`raw query, one execution on the idle database: ${plan.summary}`);
  if (options.explain) say(`\n--- EXPLAIN (ANALYZE, BUFFERS)\n${plan.text}`);
  return {
    ...listCase,
    total: page.total,
    check,
    api: apiLoad,
    raw: rawLoad,
    floor: floorLoad,
    ratio,
    floorRatio,
    plan,
  };
}
