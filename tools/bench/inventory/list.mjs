// bench:inventory, list phase: the API's filtered, searched page next to ONE hand-written query for the same rows.
import pg from 'pg';
import {
  API_POOL_SIZE,
  explain,
  formatCpu,
  formatLoad,
  ignoreDisconnect,
  runLoad,
  say,
  step,
} from '../bench-kit.mjs';
import { BENCH_APP, GOALS } from './options.mjs';

/**
 * The page, its total and its link ids in ONE statement: the API's filter, search, order and window count. The
 * window count is taken in a subquery, so PostgreSQL plans it for all matching rows (trigram bitmap scan) and sorts
 * only those; LIMIT is applied outside.
 */
const RAW_LIST_SQL = `
  SELECT page.*,
         ARRAY(SELECT l.project_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = page.id AND l.project_id IS NOT NULL ORDER BY 1) AS projects,
         ARRAY(SELECT l.framework_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = page.id AND l.framework_id IS NOT NULL ORDER BY 1) AS frameworks
    FROM (SELECT matched.* FROM (
            SELECT m.*, count(*) OVER () AS total_count
              FROM model_inventories m
             WHERE m.organization_id = $1 AND m.deleted_at IS NULL
               AND m.status = ANY ($2::model_status[])
               AND (m.provider || ' ' || m.model || ' ' || m.version) ILIKE $3) matched
           ORDER BY matched.updated_at DESC, matched.id DESC
           LIMIT $4 OFFSET $5) page
   ORDER BY page.updated_at DESC, page.id DESC`;

const escapeLike = (text) => text.replace(/[\\%_]/g, '\\$&');

/**
 * @typedef {object} BenchContext What every phase of the run needs: the checked options, the stack's life cycle and
 *   a way to observe a phase (CPU per process, database sessions).
 * @property {ReturnType<import('./options.mjs').parseOptions> & Record<string, any>} options
 * @property {import('../bench-kit.mjs').BenchRun} run
 * @property {(extra?: object) => Promise<any>} observe
 */

/** @param {BenchContext} ctx */
export async function benchmarkList(ctx, api, db, org) {
  const { options, run, observe } = ctx;
  const { requests: n, concurrency: c, search } = options;
  const path = `/api/modelInventory?limit=50&status=Approved&search=${encodeURIComponent(search)}`;
  const pattern = `%${escapeLike(search)}%`;
  const rawParams = [org.id, ['Approved'], pattern, 50, 0];
  step(`List: GET ${path}`);

  const pool = new pg.Pool({
    connectionString: run.stack.databaseUrl,
    max: API_POOL_SIZE,
    application_name: BENCH_APP,
  });
  pool.on('error', ignoreDisconnect);
  try {
    // Same rows? (ids in order, links, and the total)
    const page = await api.json('GET', path, undefined, org.token, 200);
    const raw = (await pool.query(RAW_LIST_SQL, rawParams)).rows;
    const rawTotal = raw.length ? Number(raw[0].total_count) : 0;
    const sameIds =
      page.items.map((m) => m.id).join(',') === raw.map((m) => m.id).join(',');
    const sameLinks = page.items.every(
      (m, i) =>
        raw[i] &&
        String(m.projects) === String(raw[i].projects) &&
        String(m.frameworks) === String(raw[i].frameworks),
    );
    const check = {
      ok: sameIds && sameLinks && page.total === rawTotal,
      detail: `API ${page.items.length} items of ${page.total}, raw ${raw.length} of ${rawTotal}${sameIds ? '' : ', different ids'}${sameLinks ? '' : ', different links'}`,
    };
    say(
      `matches ${page.total.toLocaleString('en')} of ${options.models.toLocaleString('en')} models (${((100 * page.total) / options.models).toFixed(1)}%); same rows as the raw query: ${check.ok ? 'OK' : `MISMATCH (${check.detail})`}`,
    );

    const measure = async (label, work, during) => {
      await runLoad(options.warmup.list, c, work);
      const phase = await observe(during);
      const load = await runLoad(n, c, work);
      Object.assign(load, await phase.stop());
      say(
        `${label} ${formatLoad(load)}\n${' '.repeat(label.length)} cpu: ${formatCpu(load.cpu)}`,
      );
      return load;
    };
    const apiLoad = await measure(
      'API     ',
      () => api.json('GET', path, undefined, org.token, 200),
      { capture: /total_count/i },
    );
    const rawLoad = await measure('raw SQL ', () =>
      pool.query(RAW_LIST_SQL, rawParams),
    );
    const ratio = apiLoad.p50 / rawLoad.p50;
    say(
      `API p50 / raw p50 = ${ratio.toFixed(2)}x (goal <= ${GOALS.listRatio}x)`,
    );

    const plans = {
      raw: await explain(db, RAW_LIST_SQL, rawParams),
      api: await explainCaptured(db, apiLoad.captured, {
        org: org.id,
        pattern,
        status: 'Approved',
        limit: 50,
        offset: 0,
      }),
    };
    say(
      `one execution on the idle database: raw query ${plans.raw.summary}; API page statement ${plans.api.summary}`,
    );
    if (options.explain) {
      if (plans.api.sql)
        say(
          `\n--- EXPLAIN (ANALYZE, BUFFERS) of the API's page statement (caught in pg_stat_activity)\n${plans.api.sql}\n  params ${JSON.stringify(plans.api.params)}\n${plans.api.text}`,
        );
      say(
        `\n--- EXPLAIN (ANALYZE, BUFFERS) of the raw query, params ${JSON.stringify(rawParams)}\n${plans.raw.text}`,
      );
    }
    return {
      path,
      total: page.total,
      check,
      api: apiLoad,
      raw: rawLoad,
      ratio,
      plans,
    };
  } finally {
    await pool.end();
  }
}

/**
 * EXPLAIN of a statement the API sent (pg_stat_activity keeps only track_activity_query_size bytes of it). Its
 * placeholders are given values from what precedes them: organisation id, ILIKE pattern, status list, LIMIT, OFFSET.
 */
async function explainCaptured(db, captured = [], values) {
  const limit =
    Number.parseInt(
      (await db.query('SHOW track_activity_query_size')).rows[0]
        .track_activity_query_size,
      10,
    ) *
      1024 -
    1;
  const sql = captured.find((text) => Buffer.byteLength(text) < limit);
  if (!sql)
    return {
      summary: captured.length
        ? 'not explained (its text is truncated in pg_stat_activity)'
        : 'not caught in pg_stat_activity',
    };
  const params = [];
  for (const match of sql.matchAll(/\$(\d+)/g)) {
    const before = sql.slice(Math.max(0, match.index - 60), match.index);
    const value = /organization_id"?\s*=\s*$/i.test(before)
      ? values.org
      : /ILIKE\s*$/i.test(before)
        ? values.pattern
        : /\bIN\s*\((\s*\$\d+\s*,)*\s*$/i.test(before) ||
            /=\s*ANY\s*\(\s*$/i.test(before)
          ? values.status
          : /LIMIT\s*$/i.test(before)
            ? values.limit
            : /OFFSET\s*$/i.test(before)
              ? values.offset
              : undefined;
    if (value === undefined)
      return {
        sql,
        summary: `not explained (no value known for $${match[1]})`,
      };
    params[Number(match[1]) - 1] = value;
  }
  try {
    return { sql, params, ...(await explain(db, sql, params)) };
  } catch (error) {
    return { sql, summary: `not explained (${error.message})` };
  }
}
