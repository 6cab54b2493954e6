import { Injectable } from '@nestjs/common';
import { FieldError, ModelRiskResponse, ModelRiskStatus } from '@model-inventory/contracts';
import { ConflictError, NotFoundError, PartRef, RequestContext, sql, ValidationFailedError, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter, diffFields } from '@model-inventory/server-history';
import { CreateModelRisksDto, PatchModelRisksDto } from './dto/model-risk-batch.dto';
import { RISK_AUDITED_FIELDS, RISK_ENTITY, RiskAuditFields, transitionRefusal } from './risk-audit';
import { acceptanceChange, addOpenDeltas, auditFields, columnsOf, patchedColumns, unknownModelMessage } from './risk-columns';
import { addModelsCheck, addOpenCountDeltas, addRisksInsert, addRisksUpdate, RiskChange, RiskColumns } from './risk-statements';
import { RiskRow, toModelRiskResponse } from './risks.mapper';
import { RisksRepository } from './risks.repository';

/** A batch change re-reads and retries when a concurrent write changed one of its risks; each retry follows another's success. */
const MAX_BATCH_ATTEMPTS = 5;

/** What `insertAll` did: the rows written (in the items' order), or nothing, with those of the items' models found live. */
export type RisksInsert = { rows: RiskRow[] } | { liveModelIds: number[] };

/**
 * Many risks in one request (imports, triage), with the single writes' rules: each item is checked as its own
 * create or PATCH would be, then all are written in ONE statement with their history rows and their models'
 * counts, or none is. A refusal names every item it concerns (`items.N…`).
 */
@Injectable()
export class RiskBatchesService {
  constructor(
    private readonly risks: RisksRepository,
    private readonly writer: AuditedWriter,
  ) {}

  async create(dto: CreateModelRisksDto): Promise<ModelRiskResponse[]> {
    const items = dto.items.map((item) => columnsOf(item, item.status ?? ModelRiskStatus.OPEN));
    const outcome = await this.insertAll(items);
    if ('liveModelIds' in outcome) throw this.unknownModels(items.map((item, i) => [i, item]), outcome.liveModelIds);
    return outcome.rows.map((row) => toModelRiskResponse(row));
  }

  /** Writes new risks in ONE statement with their history and their models' counts, or none when one of their models is not live. */
  async insertAll(items: RiskColumns[]): Promise<RisksInsert> {
    const ids = await this.risks.reserveIds(items.length);
    const statement = WriteStatement.forActor();
    const { check, modelCount } = this.checkModels(statement, items);
    const subject = addRisksInsert(statement, items.map((columns, i) => ({ id: ids[i], columns })), RequestContext.requireActor().userId, check, modelCount);
    const deltas = new Map<number, number>();
    for (const item of items) addOpenDeltas(deltas, null, item);
    addOpenCountDeltas(statement, subject, deltas);
    const outcome = await this.write(statement, subject, check, 'created', items.map((after, i) => ({ id: ids[i], before: null, after })));
    if (outcome.written !== items.length) return { liveModelIds: outcome.liveModelIds };
    return { rows: await this.risks.findRows(ids) };
  }

  /**
   * Optimistic, as a single change: reads the risks without a lock, applies the rules, and writes guarded by the
   * versions read; when a concurrent write changed one of them, it reads them again and re-applies the rules.
   */
  async patch(dto: PatchModelRisksDto): Promise<ModelRiskResponse[]> {
    const ids = dto.items.map((item) => item.id);
    this.refuseRepeats(ids);
    for (let attempt = 1; ; attempt++) {
      const rows = await this.risks.findRows(ids);
      const before = this.foundOrNotFound(ids, rows);
      const afters = dto.items.map(({ id: _id, ...sent }, i) => patchedColumns(before[i], sent));
      this.refuseWorkflow(before, afters);
      const changed = afters.flatMap((after, i) => (diffFields(RISK_AUDITED_FIELDS, before[i], after).length ? [i] : []));
      if (changed.length === 0) return before.map((row) => toModelRiskResponse(row));

      const actorId = RequestContext.requireActor().userId;
      const changes: RiskChange[] = changed.map((i) => ({
        id: ids[i],
        readVersion: before[i].version_number,
        columns: afters[i],
        acceptance: acceptanceChange(before[i].status, afters[i].status, actorId),
      }));
      const statement = WriteStatement.forActor();
      const { check, modelCount } = this.checkModels(statement, changed.map((i) => afters[i]));
      const subject = addRisksUpdate(statement, changes, actorId, check, modelCount);
      const deltas = new Map<number, number>();
      for (const i of changed) addOpenDeltas(deltas, before[i], afters[i]);
      addOpenCountDeltas(statement, subject, deltas);
      const audited = changed.map((i) => ({ id: ids[i], before: auditFields(before[i]), after: afters[i] }));
      const outcome = await this.write(statement, subject, check, 'updated', audited);
      if (outcome.written === changes.length) return this.read(ids);
      if (outcome.liveModelIds.length < modelCount) throw this.unknownModels(changed.map((i) => [i, afters[i]]), outcome.liveModelIds);
      if (attempt >= MAX_BATCH_ATTEMPTS) throw new ConflictError('Risks of this batch are being changed by others right now; reload them and try again.');
    }
  }

  /** `risk_models`: the distinct models of `items`, checked (and locked) at once. */
  private checkModels(statement: WriteStatement, items: RiskColumns[]): { check: PartRef; modelCount: number } {
    const modelIds = [...new Set(items.map((item) => item.model_id))];
    return { check: addModelsCheck(statement, modelIds), modelCount: modelIds.length };
  }

  /** Runs the statement with each row's history; returns how many rows it wrote and which of the batch's models were live. */
  private async write(
    statement: WriteStatement,
    subject: PartRef,
    check: PartRef,
    action: 'created' | 'updated',
    rows: Array<{ id: number; before: RiskAuditFields | null; after: RiskColumns }>,
  ): Promise<{ written: number; liveModelIds: number[] }> {
    const [outcome] = await this.writer.writeRowsAlone(
      statement,
      { entity: RISK_ENTITY, action, subject, rows },
      sql`SELECT (SELECT count(*) FROM ${subject})::int AS written, ARRAY(SELECT id FROM ${check}) AS live_model_ids`,
    );
    return { written: Number(outcome?.['written'] ?? 0), liveModelIds: (outcome?.['live_model_ids'] as number[] | undefined) ?? [] };
  }

  private async read(ids: number[]): Promise<ModelRiskResponse[]> {
    return (await this.risks.findRows(ids)).map((row) => toModelRiskResponse(row));
  }

  private refuseRepeats(ids: number[]): void {
    const errors: FieldError[] = ids.flatMap((id, i) => (ids.indexOf(id) < i ? [{ field: `items.${i}.id`, message: `risk ${id} is already changed by items.${ids.indexOf(id)}; change each risk once per batch` }] : []));
    if (errors.length) throw new ValidationFailedError(errors);
  }

  /** The rows in the items' order, or the 404 naming each item whose risk is not one of the organisation's. */
  private foundOrNotFound(ids: number[], rows: RiskRow[]): RiskRow[] {
    const byId = new Map(rows.map((row) => [row.id, row]));
    const missing = ids.flatMap((id, i) => (byId.has(id) ? [] : [`items.${i} (risk ${id})`]));
    if (missing.length) throw new NotFoundError('Model risk', missing.join(', '));
    return ids.map((id) => byId.get(id) as RiskRow);
  }

  /** 409 naming every item that is deleted or whose status change the workflow does not allow. */
  private refuseWorkflow(before: RiskRow[], afters: RiskColumns[]): void {
    const refusals = before.flatMap((row, i) => {
      if (row.is_deleted) return [`items.${i}: model risk ${row.id} is deleted; restore it first (POST /api/modelRisks/${row.id}/restore).`];
      const refusal = transitionRefusal(row.status, afters[i].status);
      return refusal ? [`items.${i} (risk ${row.id}): ${refusal}`] : [];
    });
    if (refusals.length) throw new ConflictError(`Nothing was changed. ${refusals.join(' ')}`);
  }

  /** The 400 of a batch not written because of its models: one entry per item (by its index) whose model is not live. */
  private unknownModels(items: Array<[index: number, columns: RiskColumns]>, liveModelIds: number[]): ValidationFailedError {
    const live = new Set(liveModelIds);
    return new ValidationFailedError(
      items.flatMap(([i, item]) => (live.has(item.model_id) ? [] : [{ field: `items.${i}.model_id`, message: unknownModelMessage(item.model_id) }])),
    );
  }
}
