import { Injectable } from '@nestjs/common';
import { PartRef, WriteStatement } from '@model-inventory/server-core';
import { AnyAuditedChange } from '@model-inventory/server-history';

/**
 * Adds to a model's deletion statement what must go with the model, returning the audited changes of what it
 * writes; `deletedModel` is the part that soft-deletes the model (it yields the row only if it did).
 */
export type ModelDeletionHook = (statement: WriteStatement, deletedModel: PartRef, modelId: number) => AnyAuditedChange[];

/**
 * What other domains do when a model is deleted (the risk register soft-deletes the model's risks), in the
 * same statement as the deletion, so the model never goes without them. Domains register when they start.
 */
@Injectable()
export class ModelDeletionHooks {
  private readonly hooks: ModelDeletionHook[] = [];

  register(hook: ModelDeletionHook): void {
    this.hooks.push(hook);
  }

  addTo(statement: WriteStatement, deletedModel: PartRef, modelId: number): AnyAuditedChange[] {
    return this.hooks.flatMap((hook) => hook(statement, deletedModel, modelId));
  }
}
