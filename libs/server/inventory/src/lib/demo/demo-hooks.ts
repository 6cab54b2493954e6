import { Injectable } from '@nestjs/common';

/** The demo models just created, by model name (e.g. `GPT-4o` → its id). */
export type DemoModelIds = ReadonlyMap<string, number>;

/**
 * What other domains add to the demo organisation once its models exist (the risk register adds demo risks). Hooks
 * run in the demo admin's request context, through the domains' own services.
 */
@Injectable()
export class DemoDataHooks {
  private readonly hooks: Array<(models: DemoModelIds) => Promise<void>> = [];

  register(hook: (models: DemoModelIds) => Promise<void>): void {
    this.hooks.push(hook);
  }

  async run(models: DemoModelIds): Promise<void> {
    for (const hook of this.hooks) await hook(models);
  }
}
