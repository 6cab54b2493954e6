import { Injectable } from '@nestjs/common';
import { ModelRiskCategory, ModelRiskLevel, ModelRiskResponse, ModelRiskStatus, OPEN_RISK_STATUSES, RISK_RATINGS, RiskRating } from '@model-inventory/contracts';
import { JsonPage, queryPrepared, TenantRepository } from '@model-inventory/server-core';
import { DataSource, EntityManager, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { ModelRiskFilterDto } from './dto/model-risk-query.dto';
import { ModelRiskEntity } from './entities/model-risk.entity';
import { riskJsonSql } from './risk-json';
import { RiskRow } from './risks.mapper';

/** The columns of a RiskRow besides the risk's own: its model and who accepted it. */
export const RISK_ROW_JOINS = `JOIN model_inventories m ON m.id = risk.model_id LEFT JOIN users accepter ON accepter.id = risk.accepted_by_user_id`;
export const RISK_ROW_COLUMNS = `risk.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version,
  (m.deleted_at IS NOT NULL) AS model_deleted, accepter.name AS accepted_by_name`;

const SORT_KEYS: Record<string, string> = {
  model: "lower(m.provider || ' ' || m.model || ' ' || m.version)",
  risk_name: 'lower(risk.risk_name)',
  owner: 'lower(risk.owner)',
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
const OPEN = OPEN_RISK_STATUSES as string[];

type Counts = Array<{ dimension: 'level' | 'status' | 'category' | 'overdue'; bucket: string | null; count: number }>;

/** Reads of the risk register. `today` (YYYY-MM-DD, UTC) decides what is overdue, the same for every query. */
@Injectable()
export class RisksRepository extends TenantRepository<ModelRiskEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ModelRiskEntity, 'Model risk');
  }

  /**
   * The page, its total, each risk's model and its accepter, in one statement, each risk rendered as JSON by PostgreSQL. Without a search the total is a
   * scalar subquery over the filter, so the page walks an index in the sort order and stops at LIMIT (a window
   * count would read and sort every match: 300,000 risks for the first page). A search finds few rows through
   * the trigram index: those are counted in the same pass (window), not looked up twice. Models are joined for
   * the page only, and to the matches only when they sort by the model's name.
   */
  async findPage(filter: ModelRiskFilterDto, limit: number, offset: number, today: string): Promise<JsonPage<ModelRiskResponse>> {
    const [field, direction] = (filter.sort ?? 'updated_at:desc').split(':');
    const order = direction === 'asc' ? 'ASC' : 'DESC';
    const windowed = Boolean(filter.search);
    const matched = this.filtered(filter, today, { joinModel: field === 'model' })
      .select('risk.id', 'id')
      .addSelect(SORT_KEYS[field] ?? `risk.${field}`, 'sort_key');
    if (windowed) matched.addSelect('COUNT(*) OVER ()', 'total_count');
    const [sql, parameters] = matched.getQueryAndParameters();
    const total = windowed ? 'page.total_count' : `(SELECT count(*) FROM (${sql}) counted)`;
    const next = parameters.length;
    const rows: Array<{ json: string; total_count: string }> = await this.dataSource.query(
      `SELECT ${riskJsonSql(`$${next + 3}::date`)} AS json, ${total} AS total_count
         FROM (SELECT id, sort_key${windowed ? ', total_count' : ''} FROM (${sql}) matched
                ORDER BY sort_key ${order}, id ${order} LIMIT $${next + 1} OFFSET $${next + 2}) page
         JOIN model_risks risk ON risk.id = page.id
         ${RISK_ROW_JOINS}
        ORDER BY page.sort_key ${order}, page.id ${order}`,
      [...parameters, limit, offset, today],
    );
    return JsonPage.fromRows(rows, limit, offset, () => this.filtered(filter, today).getCount());
  }

  /** One risk of the organisation, deleted or not; with `lock`, row-locked for the rest of the transaction. */
  async findRow(id: number, { manager = this.dataSource.manager, lock = false }: { manager?: EntityManager; lock?: boolean } = {}): Promise<RiskRow | null> {
    const [row] = await queryPrepared<RiskRow>(
      manager,
      `SELECT ${RISK_ROW_COLUMNS} FROM model_risks risk ${RISK_ROW_JOINS} WHERE risk.id = $1 AND risk.organization_id = $2${lock ? ' FOR UPDATE OF risk' : ''}`,
      [id, this.organizationId],
    );
    return row ?? null;
  }

  /** The risks `ids` of the organisation in that order, deleted or not (those not found are left out). */
  async findRows(ids: number[]): Promise<RiskRow[]> {
    return queryPrepared<RiskRow>(
      this.dataSource.manager,
      `SELECT ${RISK_ROW_COLUMNS} FROM unnest($1::int[]) WITH ORDINALITY AS wanted(id, position)
         JOIN model_risks risk ON risk.id = wanted.id ${RISK_ROW_JOINS}
        WHERE risk.organization_id = $2 ORDER BY wanted.position`,
      [ids, this.organizationId],
    );
  }

  /** `count` new risk ids, taken from the table's sequence, for a write that must know them beforehand (a batch's history). */
  async reserveIds(count: number): Promise<number[]> {
    const rows = await queryPrepared<{ id: number }>(this.dataSource.manager, `SELECT nextval('model_risks_id_seq')::int AS id FROM generate_series(1, $1::int)`, [count]);
    return rows.map((row) => row.id);
  }

  /** Active risks by level, status and category, the overdue ones and the total: one scan. */
  async countActive(today: string): Promise<Counts> {
    return this.dataSource.query(
      `SELECT d.dimension, d.bucket, count(*)::int AS count
         FROM model_risks risk
         CROSS JOIN LATERAL (VALUES ('level', risk.risk_level::text), ('status', risk.status::text), ('category', risk.risk_category::text),
                                    ('overdue', CASE WHEN risk.target_date < $2::date AND risk.status = ANY($3::model_risk_status[]) THEN 'yes' END)) AS d(dimension, bucket)
        WHERE risk.organization_id = $1 AND NOT risk.is_deleted
        GROUP BY 1, 2`,
      [this.organizationId, today, OPEN],
    );
  }

  /** Impact × likelihood counts of the filtered view (null ratings as their own bucket). */
  async countByRating(filter: ModelRiskFilterDto, today: string): Promise<Array<{ impact: RiskRating | null; likelihood: RiskRating | null; count: number }>> {
    const rows = await this.filtered(filter, today)
      .select('risk.impact', 'impact')
      .addSelect('risk.likelihood', 'likelihood')
      .addSelect('COUNT(*)::int', 'count')
      .groupBy('risk.impact')
      .addGroupBy('risk.likelihood')
      .getRawMany<{ impact: RiskRating | null; likelihood: RiskRating | null; count: number }>();
    return rows.filter((row) => (row.impact === null || RISK_RATINGS.includes(row.impact)) && (row.likelihood === null || RISK_RATINGS.includes(row.likelihood)));
  }

  /** Every risk of the filtered view in its sort order, as a row stream on `runner` (exports). */
  async exportStream(filter: ModelRiskFilterDto, runner: QueryRunner, today: string): Promise<AsyncIterable<RiskRow>> {
    const [field, direction] = (filter.sort ?? 'updated_at:desc').split(':');
    const order = direction === 'asc' ? 'ASC' : 'DESC';
    const [sql, parameters] = this.filtered(filter, today, { manager: runner.manager }).select('risk.id', 'id').getQueryAndParameters();
    const stream = await runner.stream(
      `SELECT ${RISK_ROW_COLUMNS} FROM model_risks risk ${RISK_ROW_JOINS}
        WHERE risk.id IN (${sql}) ORDER BY ${SORT_KEYS[field] ?? `risk.${field}`} ${order}, risk.id ASC`,
      parameters,
    );
    return stream as unknown as AsyncIterable<RiskRow>;
  }

  /** Deleted risks count: their history stays readable. */
  exists(id: number): Promise<boolean> {
    return this.scoped('risk').andWhere('risk.id = :id', { id }).getExists();
  }

  /** The risks the filter selects; `joinModel` joins their model as `m` (for a sort by the model's name). */
  private filtered(
    filter: ModelRiskFilterDto,
    today: string,
    { manager, joinModel = false }: { manager?: EntityManager; joinModel?: boolean } = {},
  ): SelectQueryBuilder<ModelRiskEntity> {
    // withDeleted: TypeORM would otherwise hide the risks of deleted models (it filters the joined entity's deleted_at).
    const query = this.scoped('risk', manager).withDeleted();
    if (joinModel) query.innerJoin('model_inventories', 'm', 'm.id = risk.model_id');
    if (filter.filter === 'active') query.andWhere('NOT risk.is_deleted');
    if (filter.filter === 'deleted') query.andWhere('risk.is_deleted');
    if (filter.model_id) query.andWhere('risk.model_id = :modelId', { modelId: filter.model_id });
    if (filter.risk_level?.length) query.andWhere('risk.risk_level IN (:...levels)', { levels: filter.risk_level as ModelRiskLevel[] });
    if (filter.risk_category?.length) query.andWhere('risk.risk_category IN (:...categories)', { categories: filter.risk_category as ModelRiskCategory[] });
    if (filter.status?.length) query.andWhere('risk.status IN (:...statuses)', { statuses: filter.status as ModelRiskStatus[] });
    if (filter.owner) query.andWhere('lower(risk.owner) = lower(:owner)', { owner: filter.owner });
    if (filter.impact) query.andWhere('risk.impact = :impact', { impact: filter.impact });
    if (filter.likelihood) query.andWhere('risk.likelihood = :likelihood', { likelihood: filter.likelihood });
    if (filter.search) query.andWhere('risk.risk_name ILIKE :search', { search: `%${escapeLike(filter.search)}%` });
    if (filter.overdue !== undefined) {
      const overdue = '(risk.target_date < :today AND risk.status IN (:...open))';
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { today, open: OPEN });
    }
    return query;
  }
}
