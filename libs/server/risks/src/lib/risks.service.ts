import { Injectable } from '@nestjs/common';
import { ModelRiskResponse, ModelRiskStatus } from '@model-inventory/contracts';
import { ConflictError, JsonPage, NotFoundError, PreconditionFailedError, ValidationFailedError, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter, diffFields } from '@model-inventory/server-history';
import { EntityManager } from 'typeorm';
import { ModelRiskDto, PatchModelRiskDto } from './dto/model-risk.dto';
import { ListModelRisksDto } from './dto/model-risk-query.dto';
import { isOpen, RISK_AUDITED_FIELDS, RISK_ENTITY, transitionRefusal } from './risk-audit';
import { columnsOf, patchedColumns, unknownModelMessage } from './risk-columns';
import { addModelCheck, addOpenCountDeltas, addRiskRestore, addRiskSoftDelete, RiskColumns, writtenRiskRow } from './risk-statements';
import { RiskChanges } from './risk-changes';
import { RiskCreates } from './risk-creates';
import { riskEtagOf, RiskRow, todayUtc, toModelRiskResponse } from './risks.mapper';
import { RisksRepository } from './risks.repository';

const DELETED = { field_name: 'is_deleted', old_value: 'false', new_value: 'true' };
const RESTORED = { field_name: 'is_deleted', old_value: 'true', new_value: 'false' };
/** A PUT/PATCH re-reads and retries when a concurrent write got there first; each retry follows another's success. */
const MAX_WRITE_ATTEMPTS = 10;

function matchesIfMatch(header: string | undefined, risk: Pick<ModelRiskResponse, 'id' | 'version_number'>): boolean {
  if (!header) return true;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(riskEtagOf(risk));
}

/** The risk register's rules: validation (400) before the workflow (409); every write audited in its own statement. */
@Injectable()
export class RisksService {
  constructor(
    private readonly risks: RisksRepository,
    private readonly writer: AuditedWriter,
    private readonly creates: RiskCreates,
    private readonly changes: RiskChanges,
  ) {}

  list(query: ListModelRisksDto): Promise<JsonPage<ModelRiskResponse>> {
    return this.risks.findPage(query, query.limit, query.offset, todayUtc());
  }

  async get(id: number): Promise<ModelRiskResponse> {
    const row = await this.risks.findRow(id);
    if (!row) throw new NotFoundError('Model risk', id);
    return toModelRiskResponse(row);
  }

  async create(dto: ModelRiskDto): Promise<ModelRiskResponse> {
    return toModelRiskResponse(await this.creates.create(columnsOf(dto, dto.status ?? ModelRiskStatus.OPEN)));
  }

  /** A full update with the create's rules; a changed status must follow the workflow. */
  update(id: number, dto: ModelRiskDto, ifMatch?: string): Promise<ModelRiskResponse> {
    return this.change(id, ifMatch, (before) => columnsOf(dto, dto.status ?? before.status));
  }

  /** A partial update: what is sent replaces what is stored, the rest is kept; the same rules as a PUT. */
  patch(id: number, dto: PatchModelRiskDto, ifMatch?: string): Promise<ModelRiskResponse> {
    return this.change(id, ifMatch, (before) => patchedColumns(before, dto));
  }

  /**
   * Optimistic: reads the risk without a lock, applies the rules to it, and writes in one statement guarded by the
   * version it read. When a concurrent write got there first, the rules are applied again to the risk as that
   * write left it, so the outcome is the one of writes taken in turn (the loser of two conflicting transitions
   * gets its 409), with no lock held across round trips (ADR 0001).
   */
  private async change(id: number, ifMatch: string | undefined, columnsAfter: (before: RiskRow) => RiskColumns): Promise<ModelRiskResponse> {
    let before = this.checkedRow(id, await this.changes.read(id), ifMatch);
    for (let attempt = 1; ; attempt++) {
      if (before.is_deleted) throw new ConflictError(`Model risk ${id} is deleted; restore it first (POST /api/modelRisks/${id}/restore), then edit it.`);
      const columns = columnsAfter(before);
      const refusal = transitionRefusal(before.status, columns.status);
      if (refusal) throw new ConflictError(refusal);
      if (diffFields(RISK_AUDITED_FIELDS, before, columns).length === 0) return toModelRiskResponse(before);
      const row = await this.changes.write({ before, columns });
      if (row) return toModelRiskResponse(row);
      const now = this.checkedRow(id, await this.changes.read(id), ifMatch);
      if (now.version_number === before.version_number) throw this.unknownModel(columns.model_id);
      if (attempt >= MAX_WRITE_ATTEMPTS) throw new ConflictError(`Model risk ${id} is being changed by others right now; reload it and try again.`);
      before = now;
    }
  }

  /** Soft delete: the risk stays readable (and restorable) with its history; deleting it again is a 404. */
  remove(id: number, ifMatch?: string): Promise<void> {
    return this.writer.transaction(async (manager, write) => {
      const before = await this.lockOrFail(id, manager, ifMatch);
      if (before.is_deleted) throw new NotFoundError('Model risk', id);
      const statement = WriteStatement.forActor();
      const subject = addRiskSoftDelete(statement, id);
      addOpenCountDeltas(statement, subject, new Map([[before.model_id, isOpen(before.status) ? -1 : 0]]));
      await write(statement, { entity: RISK_ENTITY, action: 'deleted', subject, before: null, after: null, notes: [DELETED] });
    });
  }

  restore(id: number, ifMatch?: string): Promise<ModelRiskResponse> {
    return this.writer.transaction(async (manager, write) => {
      const before = await this.lockOrFail(id, manager, ifMatch);
      if (!before.is_deleted) throw new ConflictError(`Model risk ${id} is not deleted.`);
      if (before.model_deleted) throw this.modelDeleted(before.model_id);
      const statement = WriteStatement.forActor();
      const subject = addRiskRestore(statement, id, addModelCheck(statement, before.model_id));
      addOpenCountDeltas(statement, subject, new Map([[before.model_id, isOpen(before.status) ? 1 : 0]]));
      const row = await write(statement, { entity: RISK_ENTITY, action: 'restored', subject, before: null, after: null, notes: [RESTORED] }, writtenRiskRow(subject));
      if (!row) throw this.modelDeleted(before.model_id);
      return toModelRiskResponse(row as unknown as RiskRow);
    });
  }

  private async lockOrFail(id: number, manager: EntityManager, ifMatch?: string): Promise<RiskRow> {
    return this.checkedRow(id, await this.risks.findRow(id, { manager, lock: true }), ifMatch);
  }

  /** The risk read, or its 404; the 412 when `If-Match` names another version. */
  private checkedRow(id: number, row: RiskRow | null, ifMatch?: string): RiskRow {
    if (!row) throw new NotFoundError('Model risk', id);
    if (!matchesIfMatch(ifMatch, row)) {
      throw new PreconditionFailedError(`The risk changed since you read it (now ${riskEtagOf(row)}); reload it and apply your change again.`);
    }
    return row;
  }

  private unknownModel(modelId: number): ValidationFailedError {
    return ValidationFailedError.forField('model_id', unknownModelMessage(modelId));
  }

  private modelDeleted(modelId: number): ConflictError {
    return new ConflictError(`The risk's model (model_id ${modelId}) is deleted; a risk of a deleted model cannot be restored.`);
  }
}
