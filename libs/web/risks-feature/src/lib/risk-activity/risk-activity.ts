import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { describeHttpError } from '@model-inventory/web-core';
import { ActivityChip, ActivityTimeline, ChangeHistoryLoader, LinkedNames } from '@model-inventory/web-history-ui';
import { RisksApi } from '@model-inventory/web-risks-data-access';
import { RiskChip } from '../risk-chip/risk-chip';
import { RISK_HISTORY } from './risk-history';

/** The risk dialog's Activity tab: the risk's change history on the shared activity timeline. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ActivityChip, ActivityTimeline, RiskChip],
  selector: 'mi-risk-activity',
  styles: ':host { display: block; }',
  template: `
    <mi-activity-timeline [load]="load" [vocabulary]="vocabulary" [describeError]="describeError" [links]="links()">
      <ng-template miActivityChip let-value><mi-risk-chip [value]="value" /></ng-template>
    </mi-activity-timeline>
  `,
})
export class RiskActivity {
  private readonly api = inject(RisksApi);

  readonly riskId = input.required<number>();
  /** Names of the models the history mentions by id (`model_id`). */
  readonly links = input<LinkedNames>({});

  protected readonly vocabulary = RISK_HISTORY;
  protected readonly describeError = describeHttpError;
  protected readonly load: ChangeHistoryLoader = (page) => this.api.history(this.riskId(), page);
}
