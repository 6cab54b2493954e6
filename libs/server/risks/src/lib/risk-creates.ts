import { Injectable } from '@nestjs/common';
import { ModelRiskStatus, RISK_BATCH_MAX } from '@model-inventory/contracts';
import { ActorCoalescer, Queued, RequestContext, settleEachAlone, ValidationFailedError, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter } from '@model-inventory/server-history';
import { isOpen, RISK_ENTITY } from './risk-audit';
import { RiskBatchesService, RisksInsert } from './risk-batches.service';
import { unknownModelMessage } from './risk-columns';
import { Acceptance, addModelCheck, addOpenCountDeltas, addRiskInsert, RiskColumns, writtenRiskRow } from './risk-statements';
import { RiskRow } from './risks.mapper';

/** Statements of one actor's creates running at once; the creates arriving meanwhile wait for one and share the next. */
const FLUSHES_IN_FLIGHT = 2;

type QueuedCreate = Queued<RiskColumns, RiskRow>;

/**
 * Single creates (`POST /api/modelRisks`) as a group commit. Alone, a create is one statement, as before. When one
 * actor's creates arrive together (an import script, a pipeline), those that come while earlier ones are being
 * written are written together in ONE statement (the batch route's), each with its own history rows, and every
 * request still gets its own answer after its own risk is committed. One create never fails because of another:
 * a create whose model is gone gets its 400 and the others are written again without it; a statement failing for
 * all of them (a lost connection) is followed by each create written alone.
 */
@Injectable()
export class RiskCreates {
  private readonly coalescer = new ActorCoalescer<RiskColumns, RiskRow>((creates) => this.writeTogether(creates), {
    maxBatch: RISK_BATCH_MAX,
    maxInFlight: FLUSHES_IN_FLIGHT,
  });

  constructor(
    private readonly writer: AuditedWriter,
    private readonly batches: RiskBatchesService,
  ) {}

  create(columns: RiskColumns): Promise<RiskRow> {
    return this.coalescer.submit(columns);
  }

  private async writeTogether(creates: QueuedCreate[]): Promise<void> {
    if (creates.length === 1) return settleEachAlone(creates, (input) => this.writeOne(input));
    let outcome: RisksInsert;
    try {
      outcome = await this.batches.insertAll(creates.map((create) => create.input));
    } catch {
      return settleEachAlone(creates, (input) => this.writeOne(input));
    }
    if ('rows' in outcome) return outcome.rows.forEach((row, i) => creates[i].resolve(row));
    const live = new Set(outcome.liveModelIds);
    const refused = creates.filter((create) => !live.has(create.input.model_id));
    if (refused.length === 0) return settleEachAlone(creates, (input) => this.writeOne(input));
    for (const create of refused) create.reject(this.unknownModel(create.input.model_id));
    const writable = creates.filter((create) => live.has(create.input.model_id));
    if (writable.length) await this.writeTogether(writable);
  }

  private async writeOne(columns: RiskColumns): Promise<RiskRow> {
    const { userId } = RequestContext.requireActor();
    const statement = WriteStatement.forActor();
    const check = addModelCheck(statement, columns.model_id);
    const acceptance: Acceptance = columns.status === ModelRiskStatus.ACCEPTED ? { by: userId } : 'keep';
    const subject = addRiskInsert(statement, columns, acceptance, userId, check);
    addOpenCountDeltas(statement, subject, new Map([[columns.model_id, isOpen(columns.status) ? 1 : 0]]));
    const row = await this.writer.writeAlone(statement, { entity: RISK_ENTITY, action: 'created', subject, before: null, after: columns }, writtenRiskRow(subject));
    if (!row) throw this.unknownModel(columns.model_id);
    return row as unknown as RiskRow;
  }

  private unknownModel(modelId: number): ValidationFailedError {
    return ValidationFailedError.forField('model_id', unknownModelMessage(modelId));
  }
}
