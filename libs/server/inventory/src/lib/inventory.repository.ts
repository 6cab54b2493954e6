import { Injectable } from '@nestjs/common';
import { ModelInventoryResponse, ModelStatus } from '@model-inventory/contracts';
import { JsonPage, queryPrepared, TenantRepository } from '@model-inventory/server-core';
import { DataSource, EntityManager, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { ModelInventoryFilterDto } from './dto/list-model-inventory.dto';
import { ModelInventoryEntity } from './entities/model-inventory.entity';
import { ExportRow } from './export/export-columns';
import { ModelLinks } from './inventory.mapper';
import { modelJsonSql } from './model-json';

/** A row of `model_status_decisions` as `findDecisions` reads it. */
export interface StatusDecisionRow {
  id: number;
  model_id: number;
  from_status: ModelStatus | null;
  to_status: ModelStatus;
  rationale: string | null;
  decided_by_user_id: number | null;
  decided_by_name: string;
  decided_at: Date;
}

/** A model with its link ids, as `findWithLinks` reads it. */
export type ListedModel = ModelInventoryEntity & ModelLinks;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

@Injectable()
export class InventoryRepository extends TenantRepository<ModelInventoryEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ModelInventoryEntity, 'Model');
  }

  /**
   * The page, the total and each model's link ids in one statement, each model rendered as JSON by PostgreSQL. Without a search the total is a scalar
   * subquery over the filter, so the page walks an index in the sort order and stops at LIMIT (a window count
   * would read and sort every match). A search finds few rows through the trigram index: the window count sits
   * in a subquery so the planner filters first instead of walking the sort index, and LIMIT applies outside it.
   * Rows and links are read for the page only: each page row by its primary key (the LATERAL's OFFSET 0 keeps it a
   * nested loop; as a plain join the planner hashed a seq scan of every organisation's models for a 500-row page,
   * 2× slower than one hand-written query in bench:console).
   */
  async findPage(filter: ModelInventoryFilterDto, limit: number, offset: number): Promise<JsonPage<ModelInventoryResponse>> {
    const [field, direction] = (filter.sort ?? 'updated_at:desc').split(':');
    const order = direction === 'asc' ? 'ASC' : 'DESC';
    const windowed = Boolean(filter.search);
    const matched = this.filtered(filter).select('model.id', 'id').addSelect(`model.${field}`, 'sort_key');
    if (windowed) matched.addSelect('COUNT(*) OVER ()', 'total_count');
    const [sql, parameters] = matched.getQueryAndParameters();
    const total = windowed ? 'page.total_count' : `(SELECT count(*) FROM (${sql}) counted)`;
    const json = modelJsonSql('model', { projects: this.linkedIds('project_id'), frameworks: this.linkedIds('framework_id') });
    const rows: Array<{ json: string; total_count: string }> = await this.dataSource.query(
      `SELECT ${json} AS json, ${total} AS total_count
         FROM (SELECT id, sort_key${windowed ? ', total_count' : ''} FROM (${sql}) matched
                ORDER BY sort_key ${order}, id ${order} LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}) page
        CROSS JOIN LATERAL (SELECT * FROM model_inventories one WHERE one.id = page.id OFFSET 0) model
        ORDER BY page.sort_key ${order}, page.id ${order}`,
      [...parameters, limit, offset],
    );
    return JsonPage.fromRows(rows, limit, offset, () => this.filtered(filter).getCount());
  }

  /** Every model matching the filter, with linked project and framework names, as a row stream on `runner`. */
  async exportStream(filter: ModelInventoryFilterDto, runner: QueryRunner): Promise<AsyncIterable<ExportRow>> {
    const [field, direction] = (filter.sort ?? 'updated_at:desc').split(':');
    const columns = ['id', 'provider', 'model', 'version', 'approver', 'capabilities', 'security_assessment', 'status', 'status_date', 'approved_by_name', 'approved_at', 'status_rationale', 'reference_link', 'biases', 'limitations', 'hosting_provider', 'is_demo', 'updated_at'];
    const query = this.filtered(filter, runner.manager).select(columns.map((c) => `model.${c} AS "${c}"`));
    query
      .addSelect(this.linkedNames('projects', 'project_id'), 'projects')
      .addSelect(this.linkedNames('frameworks', 'framework_id'), 'frameworks')
      .orderBy(`model.${field}`, direction === 'asc' ? 'ASC' : 'DESC')
      .addOrderBy('model.id', 'ASC');
    return (await query.stream()) as unknown as AsyncIterable<ExportRow>;
  }

  /** A live model with its link ids; with `lock`, row-locked for the rest of `manager`'s transaction. */
  async findWithLinks(id: number, { manager = this.dataSource.manager, lock = false }: { manager?: EntityManager; lock?: boolean } = {}): Promise<ListedModel | null> {
    const [row] = await queryPrepared<ListedModel>(
      manager,
      `SELECT model.*, ${this.linkedIds('project_id')} AS projects, ${this.linkedIds('framework_id')} AS frameworks
         FROM model_inventories model
        WHERE model.id = $1 AND model.organization_id = $2 AND model.deleted_at IS NULL${lock ? ' FOR UPDATE OF model' : ''}`,
      [id, this.organizationId],
    );
    return row ?? null;
  }

  /** A model's status decisions, newest first, with their total. */
  async findDecisions(modelId: number, limit: number, offset: number): Promise<{ rows: StatusDecisionRow[]; total: number }> {
    const rows: Array<StatusDecisionRow & { total_count: string }> = await this.dataSource.query(
      `SELECT id, model_id, from_status, to_status, rationale, decided_by_user_id, decided_by_name, decided_at, COUNT(*) OVER () AS total_count
         FROM model_status_decisions
        WHERE organization_id = $1 AND model_id = $2
        ORDER BY decided_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [this.organizationId, modelId, limit, offset],
    );
    if (rows.length > 0 || offset === 0) return { rows, total: rows.length > 0 ? Number(rows[0].total_count) : 0 };
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM model_status_decisions WHERE organization_id = $1 AND model_id = $2`, [this.organizationId, modelId]);
    return { rows, total: count };
  }

  /** Deleted models count: their history stays readable. */
  existsIncludingDeleted(id: number): Promise<boolean> {
    return this.scoped('model').withDeleted().andWhere('model.id = :id', { id }).getExists();
  }

  private filtered(filter: ModelInventoryFilterDto, manager?: EntityManager): SelectQueryBuilder<ModelInventoryEntity> {
    const query = this.scoped('model', manager);
    if (filter.search) {
      query.andWhere("(model.provider || ' ' || model.model || ' ' || model.version) ILIKE :search", { search: `%${escapeLike(filter.search)}%` });
    }
    if (filter.status?.length) query.andWhere('model.status IN (:...statuses)', { statuses: filter.status });
    if (filter.provider) query.andWhere('lower(model.provider) = lower(:provider)', { provider: filter.provider });
    if (filter.approver) query.andWhere('lower(model.approver) = lower(:approver)', { approver: filter.approver });
    if (filter.security_assessment !== undefined) query.andWhere('model.security_assessment = :assessed', { assessed: filter.security_assessment });
    if (filter.include_demo === false) query.andWhere('model.is_demo = false');
    if (filter.has_open_risks !== undefined) query.andWhere(filter.has_open_risks ? 'model.open_risk_count > 0' : 'model.open_risk_count = 0');
    if (filter.project_id) query.andWhere(this.linkedTo('project_id'), { projectId: filter.project_id });
    if (filter.framework_id) query.andWhere(this.linkedTo('framework_id'), { frameworkId: filter.framework_id });
    return query;
  }

  private linkedIds(column: 'project_id' | 'framework_id'): string {
    return `ARRAY(SELECT DISTINCT link.${column} FROM model_inventories_projects_frameworks link
      WHERE link.model_inventory_id = model.id AND link.${column} IS NOT NULL ORDER BY 1)`;
  }

  private linkedNames(table: 'projects' | 'frameworks', column: 'project_id' | 'framework_id'): string {
    return `(SELECT string_agg(named.name, '; ' ORDER BY named.name) FROM model_inventories_projects_frameworks link
      JOIN ${table} named ON named.id = link.${column} WHERE link.model_inventory_id = model.id)`;
  }

  private linkedTo(column: 'project_id' | 'framework_id'): string {
    const parameter = column === 'project_id' ? ':projectId' : ':frameworkId';
    return `EXISTS (SELECT 1 FROM model_inventories_projects_frameworks link WHERE link.model_inventory_id = model.id AND link.${column} = ${parameter})`;
  }
}
