import { Directive, inject, TemplateRef } from '@angular/core';

export interface ActivityChipContext {
  /** The value the vocabulary marked as a chip, e.g. `Approved`. */
  $implicit: string;
}

/**
 * How the timeline draws values the vocabulary marks as chips (statuses), with the entity's own chip:
 * `<ng-template miActivityChip let-status><mi-status-chip [status]="status" /></ng-template>` inside the timeline.
 * Without it such values are shown as text.
 */
@Directive({ selector: 'ng-template[miActivityChip]' })
export class ActivityChip {
  readonly template = inject<TemplateRef<ActivityChipContext>>(TemplateRef);
}
