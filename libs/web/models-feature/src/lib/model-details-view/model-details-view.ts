import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ModelInventoryResponse } from '@model-inventory/contracts';
import { MODEL_FIELD_LABELS } from '../model-fields';
import { LinkNames } from '../models-table/model-rows';
import { StatusChip } from '../status-chip/status-chip';

/**
 * The Details tab for a user who may not change the model (an Auditor): the same fields as the form, as text to
 * read and copy rather than greyed-out disabled inputs.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatIcon, StatusChip],
  selector: 'mi-model-details-view',
  styleUrl: './model-details-view.scss',
  templateUrl: './model-details-view.html',
})
export class ModelDetailsView {
  readonly model = input.required<ModelInventoryResponse>();
  readonly links = input.required<LinkNames>();

  protected readonly labels = MODEL_FIELD_LABELS;
  protected readonly projectNames = computed(() => namesOf(this.model().projects, this.links().projects));
  protected readonly frameworkNames = computed(() => namesOf(this.model().frameworks, this.links().frameworks));
  /** Only http(s) links are made clickable; anything else is shown as text. */
  protected readonly safeLink = computed(() => (/^https?:\/\//i.test(this.model().reference_link) ? this.model().reference_link : null));
}

function namesOf(ids: readonly number[], names: ReadonlyMap<number, string>): string[] {
  return ids.map((id) => names.get(id) ?? `#${id}`);
}
