import { Injectable } from '@nestjs/common';
import { APPROVER_ROLES, ModelInventoryResponse, ModelStatus, ModelStatusDecision, Page } from '@model-inventory/contracts';
import { ForbiddenError, JsonPage, NotFoundError, PageQueryDto, PreconditionFailedError, RequestContext, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter, diffFields } from '@model-inventory/server-history';
import { EntityManager } from 'typeorm';
import { CreateModelInventoryDto, UpdateModelInventoryDto } from './dto/create-model-inventory.dto';
import { ListModelInventoryDto, ModelInventoryFilterDto } from './dto/list-model-inventory.dto';
import { InventoryRepository } from './inventory.repository';
import { ModelApprovalGates } from './model-approval-gates';
import { ModelDeletionHooks } from './model-deletion-hooks';
import { etagOf, ModelLinks, toModelInventoryResponse, toStatusDecision } from './inventory.mapper';
import { AUDITED_FIELDS, MODEL_ENTITY, ModelAuditFields } from './model-audit';
import { distinctSorted, unknownLinksError } from './model-links';
import { addModelInsert, addModelSoftDelete, addModelUpdate, checkedWriteResult, CheckedWriteRow, ModelUpdate, NewModel, NOW_IN_MILLISECONDS } from './model-statements';
import { assertRationaleGiven, materialChanges, reviewDecision } from './model-review';
import { OrganizationSettingsRepository } from './settings/organization-settings.repository';
import { addStatusDecision, decisionColumns, decisionOf, StatusDecision } from './status-decisions';

/** `If-Match: "mi-1-v3"`, a list of tags, or `*`. */
function matchesIfMatch(header: string | undefined, model: ModelInventoryResponse): boolean {
  if (!header) return true;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etagOf(model));
}

@Injectable()
export class InventoryService {
  constructor(
    private readonly approvalGates: ModelApprovalGates,
    private readonly deletionHooks: ModelDeletionHooks,
    private readonly models: InventoryRepository,
    private readonly settings: OrganizationSettingsRepository,
    private readonly writer: AuditedWriter,
  ) {}

  list(query: ListModelInventoryDto, scope: Partial<ModelInventoryFilterDto> = {}): Promise<JsonPage<ModelInventoryResponse>> {
    return this.models.findPage({ ...query, ...scope }, query.limit, query.offset);
  }

  /** Every status decision on the model, newest first; a deleted model's stay readable. */
  async decisions(id: number, { limit, offset }: PageQueryDto): Promise<Page<ModelStatusDecision>> {
    if (!(await this.models.existsIncludingDeleted(id))) throw new NotFoundError('Model', id);
    const { rows, total } = await this.models.findDecisions(id, limit, offset);
    return { items: rows.map(toStatusDecision), total, limit, offset };
  }

  async get(id: number): Promise<ModelInventoryResponse> {
    const model = await this.models.findWithLinks(id);
    if (!model) throw new NotFoundError('Model', id);
    return toModelInventoryResponse(model, model);
  }

  /** One statement: the link check, the model, its links, history, snapshot and event commit together or not at all. */
  async create(dto: CreateModelInventoryDto, options: { isDemo?: boolean } = {}): Promise<ModelInventoryResponse> {
    const status = dto.status ?? ModelStatus.PENDING;
    this.assertMayApprove(status);
    const decision = decisionOf(null, dto);
    if (decision) assertRationaleGiven(await this.settings.find(), decision);
    if (status === ModelStatus.APPROVED) await this.approvalGates.check(null);
    const model: NewModel = {
      ...(this.fieldsOf(dto) as Omit<NewModel, 'status' | 'security_assessment' | 'is_demo' | 'created_by_user_id'>),
      status,
      security_assessment: dto.security_assessment ?? false,
      is_demo: options.isDemo ?? false,
      created_by_user_id: RequestContext.requireActor().userId,
    };
    const links: ModelLinks = { projects: distinctSorted(dto.projects ?? []), frameworks: distinctSorted(dto.frameworks ?? []) };
    const statement = WriteStatement.forActor();
    const parts = addModelInsert(statement, model, links, this.decided(decision));
    const after: ModelAuditFields = { ...model, ...links, status_rationale: decision?.rationale ?? null };
    if (decision) addStatusDecision(statement, parts.model, decision, RequestContext.requireActor());
    const row = await this.writer.writeAlone(statement, { entity: MODEL_ENTITY, action: 'created', subject: parts.model, before: null, after, rowExtras: links }, checkedWriteResult(parts));
    return toModelInventoryResponse(this.writtenOrUnknownLinks(row), links);
  }

  update(id: number, dto: UpdateModelInventoryDto, ifMatch?: string): Promise<ModelInventoryResponse> {
    return this.writer.transaction(async (manager, write) => {
      const before = await this.lockOrFail(id, manager);
      if (!matchesIfMatch(ifMatch, before)) throw this.stale(before);
      const links: ModelLinks = {
        projects: dto.projects ? distinctSorted(dto.projects) : before.projects,
        frameworks: dto.frameworks ? distinctSorted(dto.frameworks) : before.frameworks,
      };
      const fields = this.fieldsOf(dto) as ModelUpdate;
      const { decision, forced } = await this.decide(before, { ...before, ...fields, ...links }, dto, manager);
      if (forced) fields.status = ModelStatus.PENDING;
      if (decision?.to === ModelStatus.APPROVED && before.status !== ModelStatus.APPROVED) await this.approvalGates.check(id, manager);
      const rationale = decision ? { status_rationale: decision.rationale } : {};
      const after: ModelInventoryResponse = { ...before, ...fields, ...links, ...rationale };
      if (!decision && diffFields(AUDITED_FIELDS, before, after).length === 0) return before;
      const statement = WriteStatement.forActor();
      const parts = addModelUpdate(statement, id, fields, dto.projects || dto.frameworks ? links : null, this.decided(decision));
      if (decision) addStatusDecision(statement, parts.model, decision, RequestContext.requireActor());
      const alsoEmits = forced ? ['model_review_required'] : undefined;
      const row = await write(statement, { entity: MODEL_ENTITY, action: 'updated', subject: parts.model, before, after, rowExtras: links, alsoEmits }, checkedWriteResult(parts));
      return toModelInventoryResponse(this.writtenOrUnknownLinks(row), links);
    });
  }

  /**
   * The status decision of an update: the one the request makes (checked against the role and the rationale rule),
   * or, when the organisation re-reviews material changes, back to Pending unless an approver decides in the same request.
   */
  private async decide(before: ModelInventoryResponse, changed: ModelInventoryResponse, dto: UpdateModelInventoryDto, manager: EntityManager) {
    let decision = decisionOf(before.status, dto);
    const reviewed = before.status === ModelStatus.APPROVED || before.status === ModelStatus.RESTRICTED;
    // The rules are read only when they can matter: a decision, or a change to an approved model.
    const rules = decision || reviewed ? await this.settings.find(manager) : null;
    const material = rules ? materialChanges(rules, before, changed) : [];
    let forced = false;
    if (material.length > 0) ({ decision, forced } = reviewDecision(before, dto, material));
    if (decision && !forced) this.assertMayApprove(decision.to);
    if (rules && !forced) assertRationaleGiven(rules, decision);
    return { decision, forced };
  }

  remove(id: number, ifMatch?: string): Promise<void> {
    return this.writer.transaction(async (manager, write) => {
      const before = await this.lockOrFail(id, manager);
      if (!matchesIfMatch(ifMatch, before)) throw this.stale(before);
      const statement = WriteStatement.forActor();
      const subject = addModelSoftDelete(statement, id);
      const links: ModelLinks = { projects: before.projects, frameworks: before.frameworks };
      const cascade = this.deletionHooks.addTo(statement, subject, id);
      await write(statement, [{ entity: MODEL_ENTITY, action: 'deleted', subject, before, after: null, rowExtras: links }, ...cascade]);
    });
  }

  private async lockOrFail(id: number, manager: EntityManager): Promise<ModelInventoryResponse> {
    const row = await this.models.findWithLinks(id, { manager, lock: true });
    if (!row) throw new NotFoundError('Model', id);
    return toModelInventoryResponse(row, row);
  }

  /** The model a checked write statement wrote; a 400 naming the unknown links when it wrote none. */
  private writtenOrUnknownLinks(row: Record<string, unknown> | undefined): CheckedWriteRow {
    const checked = row as unknown as CheckedWriteRow; // the link check always yields its one row
    const unknownLinks = unknownLinksError(checked.missing_projects, checked.missing_frameworks);
    if (unknownLinks) throw unknownLinks;
    return checked;
  }

  /** The model columns a decision sets; none without one. */
  private decided(decision: StatusDecision | null) {
    return decision ? decisionColumns(decision, RequestContext.requireActor(), NOW_IN_MILLISECONDS) : {};
  }

  private fieldsOf(dto: UpdateModelInventoryDto) {
    // security_assessment_data is the server's (evidence files): accepted for the seed's sake, never taken.
    // status_rationale goes with a status decision (decisionColumns), not as a plain field.
    const { projects: _projects, frameworks: _frameworks, security_assessment_data: _files, status_rationale: _why, ...fields } = dto;
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
