import { Injectable } from '@nestjs/common';
import { APPROVER_ROLES, ModelInventoryResponse, ModelStatus, Page } from '@model-inventory/contracts';
import { ForbiddenError, NotFoundError, PreconditionFailedError, RequestContext } from '@model-inventory/server-core';
import { EntityManager } from 'typeorm';
import { CreateModelInventoryDto, UpdateModelInventoryDto } from './dto/create-model-inventory.dto';
import { ListModelInventoryDto, ModelInventoryFilterDto } from './dto/list-model-inventory.dto';
import { InventoryRepository } from './inventory.repository';
import { etagOf, ModelLinks, toModelInventoryResponse } from './inventory.mapper';
import { InventoryWriter } from './inventory-writer';
import { LinkValidator } from './link-validator';

/** `If-Match: "mi-1-v3"`, a list of tags, or `*`. */
function matchesIfMatch(header: string | undefined, model: ModelInventoryResponse): boolean {
  if (!header) return true;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etagOf(model));
}

@Injectable()
export class InventoryService {
  constructor(
    private readonly links: LinkValidator,
    private readonly models: InventoryRepository,
    private readonly writer: InventoryWriter,
  ) {}

  async list(query: ListModelInventoryDto, scope: Partial<ModelInventoryFilterDto> = {}): Promise<Page<ModelInventoryResponse>> {
    const { limit, offset } = query;
    const [rows, total] = await this.models.findPage({ ...query, ...scope }, limit, offset);
    const links = await this.models.linksFor(rows.map((r) => r.id));
    return { items: rows.map((row) => toModelInventoryResponse(row, links.get(row.id))), total, limit, offset };
  }

  async get(id: number): Promise<ModelInventoryResponse> {
    const model = await this.models.getById(id);
    return toModelInventoryResponse(model, await this.models.linksOf(id));
  }

  create(dto: CreateModelInventoryDto, options: { isDemo?: boolean } = {}): Promise<ModelInventoryResponse> {
    const status = dto.status ?? ModelStatus.PENDING;
    this.assertMayApprove(status);
    return this.writer.write(async (manager, record) => {
      const links = await this.validLinks(dto, manager);
      const entity = this.models.build(
        {
          ...this.fieldsOf(dto),
          status,
          security_assessment: dto.security_assessment ?? false,
          is_demo: options.isDemo ?? false,
          created_by_user_id: RequestContext.requireActor().userId,
        },
        manager,
      );
      const saved = await this.models.save(entity, manager);
      await this.models.insertLinks(saved.id, links, manager);
      const after = toModelInventoryResponse(saved, links);
      await record('created', null, after);
      return after;
    });
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

  private async validLinks(dto: CreateModelInventoryDto, manager: EntityManager): Promise<ModelLinks> {
    const { projects = [], frameworks = [] } = await this.links.resolve(dto, manager);
    return { projects, frameworks };
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
