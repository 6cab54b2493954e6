import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { ReactiveFormsModule } from '@angular/forms';
import { MatChipGrid, MatChipInput, MatChipInputEvent, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTooltip } from '@angular/material/tooltip';
import { FrameworkResponse, ModelInventoryResponse, ModelStatus, ProjectResponse } from '@model-inventory/contracts';
import { MODEL_STATUSES } from '@model-inventory/web-inventory-data-access';
import { startWith } from 'rxjs';
import { STATUS_DETAILS } from '../model-status';
import { errorMessage, MODEL_LIMITS, ModelFormGroup } from './model-form-group';

export const APPROVERS_ONLY_HINT = 'Only Admins and Reviewers can approve, restrict or block a model.';

/**
 * The fields of a model (identity, governance, links, risk notes) with their validation messages. The form group
 * comes from the owner (`createModelForm()`), which also saves it: submitting (Enter, or a button with
 * `form="model-form"`) emits `submitted`.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatChipGrid,
    MatChipInput,
    MatChipRemove,
    MatChipRow,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSelectTrigger,
    MatSlideToggle,
    MatSuffix,
    MatTooltip,
    ReactiveFormsModule,
  ],
  providers: [provideNativeDateAdapter()],
  selector: 'mi-model-form',
  styleUrl: './model-form.scss',
  templateUrl: './model-form.html',
})
export class ModelForm {
  readonly form = input.required<ModelFormGroup>();
  readonly canWrite = input(false);
  /** Approvers may set any status; others only Pending. */
  readonly canApprove = input(false);
  /** The model's latest status decision, shown under the status; null for a new model. */
  readonly approval = input<Pick<ModelInventoryResponse, 'status' | 'approved_by' | 'approved_at' | 'status_rationale'> | null>(null);
  readonly projects = input<readonly ProjectResponse[]>([]);
  readonly frameworks = input<readonly FrameworkResponse[]>([]);
  readonly submitted = output<void>();

  protected readonly statuses = MODEL_STATUSES;
  protected readonly statusDetails = STATUS_DETAILS;
  protected readonly limits = MODEL_LIMITS;
  protected readonly separatorKeys = [ENTER, COMMA] as const;
  protected readonly approversOnlyHint = APPROVERS_ONLY_HINT;

  /** The capabilities as a signal, so the chips (OnPush, zoneless) follow every change of the control. */
  protected readonly capabilities = signal<readonly string[]>([]);
  /** The status chosen in the form, as a signal, so the rationale field follows it. */
  protected readonly status = signal<ModelStatus>(ModelStatus.PENDING);
  protected readonly decidedStatus = computed(() => this.status() !== ModelStatus.PENDING);

  constructor() {
    effect((onCleanup) => {
      const control = this.form().controls.status;
      const subscription = control.valueChanges.pipe(startWith(control.value)).subscribe((status) => this.status.set(status));
      onCleanup(() => subscription.unsubscribe());
    });
    effect((onCleanup) => {
      const control = this.form().controls.capabilities;
      const subscription = control.valueChanges
        .pipe(startWith(control.value))
        .subscribe((capabilities) => this.capabilities.set(capabilities));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected errorOf(name: keyof ModelFormGroup['controls'], label: string): string {
    return errorMessage(this.form().controls[name], label);
  }

  protected statusLocked(status: ModelStatus): boolean {
    return status !== ModelStatus.PENDING && !this.canApprove();
  }

  protected addCapability(event: MatChipInputEvent): void {
    const value = event.value.trim();
    const control = this.form().controls.capabilities;
    if (value && !control.value.some((existing) => existing.toLowerCase() === value.toLowerCase())) {
      control.setValue([...control.value, value]);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected removeCapability(capability: string): void {
    const control = this.form().controls.capabilities;
    control.setValue(control.value.filter((existing) => existing !== capability));
    control.markAsDirty();
    control.markAsTouched();
  }
}
