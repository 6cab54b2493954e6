import { ModelStatus } from '@model-inventory/contracts';
import { Actor, PartRef, Sql, sql, ValidationFailedError, WriteStatement } from '@model-inventory/server-core';

/** A status decision a write records: the model's new status and why. */
export interface StatusDecision {
  from: ModelStatus | null;
  to: ModelStatus;
  rationale: string | null;
}

const DECIDED = [ModelStatus.APPROVED, ModelStatus.RESTRICTED, ModelStatus.BLOCKED];

/**
 * What a create or update decides. A decision is a status change, or the current status sent again with a
 * rationale (a re-approval); sending the current status alone changes nothing. A rationale explains an Approved,
 * Restricted or Blocked status, so it needs one in the same request.
 */
export function decisionOf(current: ModelStatus | null, requested: { status?: ModelStatus; status_rationale?: string }): StatusDecision | null {
  const { status, status_rationale: rationale } = requested;
  if (rationale !== undefined && (status === undefined || !DECIDED.includes(status))) {
    throw ValidationFailedError.forField('status_rationale', 'status_rationale explains an Approved, Restricted or Blocked status: send it with that status');
  }
  if (status === undefined) return null;
  if (current === null) return DECIDED.includes(status) ? { from: null, to: status, rationale: rationale ?? null } : null;
  if (status === current && rationale === undefined) return null;
  return { from: current, to: status, rationale: rationale ?? null };
}

/** The model's columns that carry its latest decision; a move to Pending clears them (keeping a re-review's reason). */
export function decisionColumns(decision: StatusDecision, actor: Actor, now: Sql): Record<string, Sql> {
  if (!DECIDED.includes(decision.to)) {
    return { approved_by_user_id: sql`NULL`, approved_by_name: sql`NULL`, approved_at: sql`NULL`, status_rationale: sql`${decision.rationale}::text` };
  }
  return {
    approved_by_user_id: sql`${actor.userId}::int`,
    approved_by_name: sql`${actor.name}`,
    approved_at: now,
    status_rationale: sql`${decision.rationale}::text`,
  };
}

/** The decision's row in `model_status_decisions`, written only if the model was. */
export function addStatusDecision(statement: WriteStatement, written: PartRef, decision: StatusDecision, actor: Actor): void {
  statement.part(
    'status_decision',
    sql`INSERT INTO model_status_decisions (organization_id, model_id, from_status, to_status, rationale, decided_by_user_id, decided_by_name)
        SELECT written.organization_id, written.id, ${decision.from}::model_status, ${decision.to}::model_status, ${decision.rationale}::text,
               ${actor.userId}::int, ${actor.name}
          FROM ${written} written`,
    { through: written },
  );
}
