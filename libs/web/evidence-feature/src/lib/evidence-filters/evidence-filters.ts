import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatOption, MatSelect, MatSelectChange } from '@angular/material/select';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { EVIDENCE_TYPES, EvidenceType } from '@model-inventory/contracts';
import { EvidenceListFilters } from '@model-inventory/web-evidence-data-access';

/** A model the model filter can pick. */
export interface ModelChoice {
  id: number;
  label: string;
}

/** The expiry filter's choices: `expiring:N` (within N days), `expired`, `unexpired`, or any (''). */
const EXPIRY_WINDOWS = [7, 30, 90] as const;

/** The hub's filters: evidence types, one model, and expiry (expiring within N days, expired, not expired). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatLabel, MatOption, MatSelect],
  selector: 'mi-evidence-filters',
  styleUrl: './evidence-filters.scss',
  templateUrl: './evidence-filters.html',
})
export class EvidenceFilters {
  readonly filters = input.required<EvidenceListFilters>();
  readonly models = input.required<readonly ModelChoice[]>();
  readonly filtersChanged = output<Partial<EvidenceListFilters>>();

  protected readonly types = EVIDENCE_TYPES;
  protected readonly expiryValue = computed(() => {
    const { expired, expiring_within_days } = this.filters();
    if (expired === true) return 'expired';
    if (expired === false) return 'unexpired';
    return expiring_within_days === null ? '' : `expiring:${expiring_within_days}`;
  });
  /** The windows offered, with the URL's own when it is another number. */
  protected readonly windows = computed(() => {
    const days = this.filters().expiring_within_days;
    const windows: number[] = [...EXPIRY_WINDOWS];
    if (days !== null && !windows.includes(days)) windows.push(days);
    return windows.sort((a, b) => a - b);
  });
  /** The URL's model stays choosable even when it is not among the models loaded. */
  protected readonly modelChoices = computed(() => {
    const id = this.filters().model_id;
    const models = this.models();
    return id === null || models.some((model) => model.id === id) ? models : [...models, { id, label: `Model #${id}` }];
  });

  protected changeTypes(event: MatSelectChange): void {
    this.filtersChanged.emit({ evidence_type: event.value as EvidenceType[] });
  }

  protected changeModel(event: MatSelectChange): void {
    this.filtersChanged.emit({ model_id: (event.value as number | null) ?? null });
  }

  protected changeExpiry(event: MatSelectChange): void {
    const value = String(event.value ?? '');
    if (value === 'expired') this.filtersChanged.emit({ expired: true, expiring_within_days: null });
    else if (value === 'unexpired') this.filtersChanged.emit({ expired: false, expiring_within_days: null });
    else if (value.startsWith('expiring:')) this.filtersChanged.emit({ expired: null, expiring_within_days: Number(value.slice(9)) });
    else this.filtersChanged.emit({ expired: null, expiring_within_days: null });
  }
}
