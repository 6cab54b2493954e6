import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A rule another domain adds to setting a model to Approved (the evidence gate). It throws (a 409 naming the rule)
 * to refuse; `modelId` is null for a model being created, `manager` the transaction of an update that locked it.
 */
export type ModelApprovalGate = (modelId: number | null, manager?: EntityManager) => Promise<void>;

/** The rules of approval other domains register when they start, so the register needs no dependency on them. */
@Injectable()
export class ModelApprovalGates {
  private readonly gates: ModelApprovalGate[] = [];

  register(gate: ModelApprovalGate): void {
    this.gates.push(gate);
  }

  async check(modelId: number | null, manager?: EntityManager): Promise<void> {
    for (const gate of this.gates) await gate(modelId, manager);
  }
}
