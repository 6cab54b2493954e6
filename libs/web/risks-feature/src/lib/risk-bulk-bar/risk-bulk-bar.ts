import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatTooltip } from '@angular/material/tooltip';
import { ModelRiskResponse, ModelRiskStatus } from '@model-inventory/contracts';

/** The statuses every one of `risks` may move to next (the workflow's allowed moves they have in common). */
export function commonNextStatuses(risks: readonly ModelRiskResponse[]): ModelRiskStatus[] {
  if (risks.length === 0) return [];
  return risks.slice(1).reduce<ModelRiskStatus[]>((common, risk) => common.filter((status) => risk.allowed_transitions.includes(status)), [...risks[0].allowed_transitions]);
}

/** Above the table while risks are selected: how many, a status change offering only moves allowed for all of them, and clearing. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, MatTooltip],
  selector: 'mi-risk-bulk-bar',
  styleUrl: './risk-bulk-bar.scss',
  templateUrl: './risk-bulk-bar.html',
})
export class RiskBulkBar {
  readonly risks = input.required<readonly ModelRiskResponse[]>();
  /** A change is being saved: the actions wait for it. */
  readonly busy = input(false);
  readonly statusChosen = output<ModelRiskStatus>();
  readonly cleared = output<void>();

  protected readonly statuses = computed(() => commonNextStatuses(this.risks()));
  protected readonly statusHint = computed(() => {
    if (this.statuses().length) return 'Move every selected risk to the next status';
    const current = new Set(this.risks().map((risk) => risk.status));
    return current.size > 1
      ? 'The selected risks are in different statuses with no next status in common; select risks of one status'
      : 'No status change is allowed from here';
  });
}
