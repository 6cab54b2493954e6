import { Injectable } from '@nestjs/common';
import { RISK_BATCH_MAX } from '@model-inventory/contracts';
import { ActorCoalescer, Queued, RequestContext, settleEachAlone, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter } from '@model-inventory/server-history';
import { isOpen, RISK_ENTITY } from './risk-audit';
import { acceptanceChange, addOpenDeltas, auditFields } from './risk-columns';
import {
  addModelCheck,
  addModelsCheck,
  addOpenCountDeltas,
  addOpenCountDeltasOfWritten,
  addRisksUpdate,
  addRiskUpdate,
  RiskColumns,
  RiskOpenDelta,
  writtenRiskRow,
} from './risk-statements';
import { RiskRow } from './risks.mapper';
import { RisksRepository } from './risks.repository';

/** Statements of one actor's changes running at once; the changes arriving meanwhile wait for one and share the next. */
const FLUSHES_IN_FLIGHT = 2;

/** A checked change of one risk: its columns after, guarded by the version it was read at. */
export interface RiskChangeRequest {
  before: RiskRow;
  columns: RiskColumns;
}

type QueuedChange = Queued<RiskChangeRequest, RiskRow | null>;

/**
 * The read and the write of a single PUT/PATCH as group commits, like `RiskCreates`. Reads of one actor arriving
 * together are one query. The write (after the change's rules were checked on the risk as read): alone, one statement as before; one actor's changes arriving together share one statement, in which
 * each stands alone — written when its risk is still at the version read and its model is live, otherwise not (the
 * caller reads again and decides, as after a lost race). Two changes of one risk never share a statement: the second
 * waits for the first's commit. A statement failing for all is followed by each change written alone.
 */
@Injectable()
export class RiskChanges {
  private readonly writes = new ActorCoalescer<RiskChangeRequest, RiskRow | null>((changes) => this.writeTogether(changes), {
    maxBatch: RISK_BATCH_MAX,
    maxInFlight: FLUSHES_IN_FLIGHT,
  });

  private readonly reads = new ActorCoalescer<number, RiskRow | null>((reads) => this.readTogether(reads), {
    maxBatch: RISK_BATCH_MAX,
    maxInFlight: FLUSHES_IN_FLIGHT,
  });

  constructor(
    private readonly writer: AuditedWriter,
    private readonly risks: RisksRepository,
  ) {}

  /** The risk as it is now, deleted or not, or null: the reads of one actor's changes arriving together are one query. */
  read(id: number): Promise<RiskRow | null> {
    return this.reads.submit(id);
  }

  /** The risk as written, or null when it was not: changed or deleted since it was read, or its model is not live. */
  write(change: RiskChangeRequest): Promise<RiskRow | null> {
    return this.writes.submit(change);
  }

  private async readTogether(reads: Array<Queued<number, RiskRow | null>>): Promise<void> {
    const rows = reads.length === 1 ? [await this.risks.findRow(reads[0].input)] : await this.risks.findRows([...new Set(reads.map((read) => read.input))]);
    const byId = new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
    for (const read of reads) read.resolve(byId.get(read.input) ?? null);
  }

  private async writeTogether(changes: QueuedChange[]): Promise<void> {
    const seen = new Set<number>();
    const first: QueuedChange[] = [];
    const repeats: QueuedChange[] = [];
    for (const change of changes) {
      if (seen.has(change.input.before.id)) {
        repeats.push(change);
      } else {
        first.push(change);
        seen.add(change.input.before.id);
      }
    }

    if (first.length === 1) await settleEachAlone(first, (input) => this.writeOne(input));
    else {
      try {
        const written = await this.writeEach(first.map((change) => change.input));
        for (const change of first) change.resolve(written.get(change.input.before.id) ?? null);
      } catch {
        await settleEachAlone(first, (input) => this.writeOne(input));
      }
    }
    if (repeats.length) await this.writeTogether(repeats);
  }

  private async writeOne({ before, columns }: RiskChangeRequest): Promise<RiskRow | null> {
    const statement = WriteStatement.forActor();
    const check = addModelCheck(statement, columns.model_id);
    const acceptance = acceptanceChange(before.status, columns.status, RequestContext.requireActor().userId);
    const subject = addRiskUpdate(statement, before.id, before.version_number, columns, acceptance, check);
    addOpenCountDeltas(statement, subject, addOpenDeltas(new Map(), before, columns));
    const row = await this.writer.writeAlone(statement, { entity: RISK_ENTITY, action: 'updated', subject, before: auditFields(before), after: columns }, writtenRiskRow(subject));
    return (row as RiskRow | undefined) ?? null;
  }

  /** The changes in one statement, each written or not on its own; returns the written risks by id. */
  private async writeEach(changes: RiskChangeRequest[]): Promise<Map<number, RiskRow>> {
    const actorId = RequestContext.requireActor().userId;
    const statement = WriteStatement.forActor();
    const modelIds = [...new Set(changes.map(({ columns }) => columns.model_id))];
    const check = addModelsCheck(statement, modelIds);
    const subject = addRisksUpdate(
      statement,
      changes.map(({ before, columns }) => ({ id: before.id, readVersion: before.version_number, columns, acceptance: acceptanceChange(before.status, columns.status, actorId) })),
      actorId,
      check,
      modelIds.length,
      { each: true },
    );
    addOpenCountDeltasOfWritten(statement, subject, changes.flatMap(openDeltas));
    const rows = await this.writer.writeRowsAlone(
      statement,
      { entity: RISK_ENTITY, action: 'updated', subject, rows: changes.map(({ before, columns }) => ({ id: before.id, before: auditFields(before), after: columns })) },
      writtenRiskRow(subject),
    );
    return new Map(rows.map((row) => [Number(row['id']), row as unknown as RiskRow]));
  }
}

/** What one change moves in its models' open-risk counts. */
function openDeltas({ before, columns }: RiskChangeRequest): RiskOpenDelta[] {
  const deltas: RiskOpenDelta[] = [];
  if (isOpen(before.status)) deltas.push({ riskId: before.id, modelId: before.model_id, delta: -1 });
  if (isOpen(columns.status)) deltas.push({ riskId: before.id, modelId: columns.model_id, delta: 1 });
  return deltas;
}
