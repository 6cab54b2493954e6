import { Injectable } from '@nestjs/common';
import { APPROVER_ROLES, ModelInventoryResponse, ModelStatus, Page } from '@model-inventory/contracts';
import { ComposedStatement, ForbiddenError, NotFoundError, PreconditionFailedError, RequestContext } from '@model-inventory/server-core';
import { EntityManager } from 'typeorm';
import { CreateModelInventoryDto, UpdateModelInventoryDto } from './dto/create-model-inventory.dto';
import { ListModelInventoryDto, ModelInventoryFilterDto } from './dto/list-model-inventory.dto';
import { InventoryRepository } from './inventory.repository';
import { etagOf, ModelLinks, toModelInventoryResponse } from './inventory.mapper';
import { InventoryWriter, WRITTEN_MODEL } from './inventory-writer';
import { distinctSorted, LinkValidator, unknownLinksError } from './link-validator';
import { addModelInsert, NewModel } from './model-insert';
import { ModelInventoryEntity } from './entities/model-inventory.entity';

/** `If-Match: "mi-1-v3"`, a list of tags, or `*`. */
function matchesIfMatch(header: string | undefined, model: ModelInventoryResponse): boolean {
  if (!header) return true;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etagOf(model));
}

/** The create statement's row: the link check, and the model unless a link was unknown. */
type CreatedRow = ModelInventoryEntity & { missing_projects: number[]; missing_frameworks: number[] };

@Injectable()
export class InventoryService {
  constructor(
    private readonly links: LinkValidator,
    private readonly models: InventoryRepository,
    private readonly writer: InventoryWriter,
  ) {}

  async list(query: ListModelInventoryDto, scope: Partial<ModelInventoryFilterDto> = {}): Promise<Page<ModelInventoryResponse>> {
    const { limit, offset } = query;
    const { rows, total } = await this.models.findPage({ ...query, ...scope }, limit, offset);
    return { items: rows.map((row) => toModelInventoryResponse(row, row)), total, limit, offset };
  }

  async get(id: number): Promise<ModelInventoryResponse> {
    const model = await this.models.getById(id);
    return toModelInventoryResponse(model, await this.models.linksOf(id));
  }

  /** One statement: the link check, the model, its links, history, snapshot and event commit together or not at all. */
  async create(dto: CreateModelInventoryDto, options: { isDemo?: boolean } = {}): Promise<ModelInventoryResponse> {
    const status = dto.status ?? ModelStatus.PENDING;
    this.assertMayApprove(status);
    const { organizationId, userId } = RequestContext.requireActor();
    const model: NewModel = {
      ...(this.fieldsOf(dto) as Omit<NewModel, 'organization_id' | 'status' | 'security_assessment' | 'is_demo' | 'created_by_user_id'>),
      organization_id: organizationId,
      status,
      security_assessment: dto.security_assessment ?? false,
      is_demo: options.isDemo ?? false,
      created_by_user_id: userId,
    };
    const links: ModelLinks = { projects: distinctSorted(dto.projects ?? []), frameworks: distinctSorted(dto.frameworks ?? []) };
    const statement = new ComposedStatement();
    addModelInsert(statement, model, links);
    // The database fills in id and timestamps (`generated`) in the event's copy.
    const unsaved = { ...model, id: 0, security_assessment_data: [], version_number: 1, created_at: new Date(0), updated_at: new Date(0) };
    const sent = toModelInventoryResponse(unsaved as unknown as ModelInventoryEntity, links);
    const row = (await this.writer.writeAlone(statement, { action: 'created', before: null, after: sent }, {
      columns: `link_check.missing_projects, link_check.missing_frameworks, ${WRITTEN_MODEL}.*`,
      from: `link_check LEFT JOIN ${WRITTEN_MODEL} ON true`,
    })) as unknown as CreatedRow;
    const unknownLinks = unknownLinksError(row.missing_projects, row.missing_frameworks);
    if (unknownLinks) throw unknownLinks;
    return toModelInventoryResponse(row, links);
  }

  update(id: number, dto: UpdateModelInventoryDto, ifMatch?: string): Promise<ModelInventoryResponse> {
    return this.writer.write(async (manager, record) => {
      const entity = await this.lockOrFail(id, manager);
      const before = toModelInventoryResponse(entity, await this.models.linksOf(id, manager));
      if (!matchesIfMatch(ifMatch, before)) throw this.stale(before);
      if (dto.status !== undefined && dto.status !== entity.status) this.assertMayApprove(dto.status);
      const requested = await this.links.resolve(dto, manager);
      const links: ModelLinks = { projects: requested.projects ?? before.projects, frameworks: requested.frameworks ?? before.frameworks };
      Object.assign(entity, this.fieldsOf(dto));
      const candidate = toModelInventoryResponse(entity, links);
      if (!record.wouldChange(before, candidate)) return before;
      entity.version_number += 1;
      const saved = await this.models.save(entity, manager);
      if (dto.projects || dto.frameworks) await this.models.replaceLinks(id, links, manager);
      const after = toModelInventoryResponse(saved, links);
      await record('updated', before, after);
      return after;
    });
  }

  remove(id: number, ifMatch?: string): Promise<void> {
    return this.writer.write(async (manager, record) => {
      const entity = await this.lockOrFail(id, manager);
      const before = toModelInventoryResponse(entity, await this.models.linksOf(id, manager));
      if (!matchesIfMatch(ifMatch, before)) throw this.stale(before);
      await this.models.softDelete(id, manager);
      await record('deleted', before, null);
    });
  }

  private async lockOrFail(id: number, manager: EntityManager) {
    const entity = await this.models.lockById(id, manager);
    if (!entity) throw new NotFoundError('Model', id);
    return entity;
  }

  private fieldsOf(dto: UpdateModelInventoryDto) {
    const { projects: _projects, frameworks: _frameworks, ...fields } = dto;
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  }

  private assertMayApprove(status: ModelStatus): void {
    const { role } = RequestContext.requireActor();
    if (status !== ModelStatus.PENDING && !APPROVER_ROLES.includes(role)) {
      throw new ForbiddenError(`Only ${APPROVER_ROLES.join(' and ')} users may set a model's status to ${status}.`);
    }
  }

  private stale(current: ModelInventoryResponse): PreconditionFailedError {
    return new PreconditionFailedError(`The model changed since you read it (now ${etagOf(current)}); reload it and apply your change again.`);
  }
}
