import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { describeHttpError } from '@model-inventory/web-core';
import { ActivityChip, ActivityTimeline, ChangeHistoryLoader, LinkedNames } from '@model-inventory/web-history-ui';
import { ModelInventoryApi } from '@model-inventory/web-inventory-data-access';
import { StatusChip } from '../status-chip/status-chip';
import { MODEL_HISTORY } from './model-history';

/** The model dialog's Activity tab: the model's change history on the shared activity timeline. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: block; }',
  imports: [ActivityChip, ActivityTimeline, StatusChip],
  selector: 'mi-model-activity',
  template: `
    <mi-activity-timeline [load]="load" [vocabulary]="vocabulary" [describeError]="describeError" [links]="links()">
      <ng-template miActivityChip let-status><mi-status-chip [status]="status" /></ng-template>
    </mi-activity-timeline>
  `,
})
export class ModelActivity {
  private readonly api = inject(ModelInventoryApi);

  readonly modelId = input.required<number>();
  /** Names of the projects and frameworks the history mentions by id. */
  readonly links = input<LinkedNames>({ frameworks: new Map(), projects: new Map() });

  protected readonly vocabulary = MODEL_HISTORY;
  protected readonly describeError = describeHttpError;
  protected readonly load: ChangeHistoryLoader = (page) => this.api.history(this.modelId(), page);
}
