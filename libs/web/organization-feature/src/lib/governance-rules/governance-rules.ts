import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatIcon } from '@angular/material/icon';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MATERIAL_FIELD_CHOICES, MaterialField, OrganizationSettingsResponse } from '@model-inventory/contracts';
import { applyProblemToForm } from '@model-inventory/web-core';
import { OrganizationApi } from '@model-inventory/web-organization-data-access';
import { startWith } from 'rxjs';
import { GOVERNANCE_TOGGLES, GovernanceToggle, MATERIAL_FIELD_LABELS } from '../governance-wording';

/**
 * The organisation's governance rules: three switches, each with the sentence that explains it, and the material
 * fields re-review watches. Admins change them; everyone else reads them.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle, MatCheckbox, MatChip, MatChipSet, MatIcon, MatSlideToggle, ReactiveFormsModule],
  selector: 'mi-governance-rules',
  styleUrl: './governance-rules.scss',
  templateUrl: './governance-rules.html',
})
export class GovernanceRules {
  private readonly api = inject(OrganizationApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly settings = input.required<OrganizationSettingsResponse>();
  readonly canEdit = input(false);
  readonly saved = output<OrganizationSettingsResponse>();

  protected readonly toggles = GOVERNANCE_TOGGLES;
  protected readonly fieldChoices = MATERIAL_FIELD_CHOICES.map((field) => ({ field, label: MATERIAL_FIELD_LABELS[field] }));
  protected readonly fieldLabels = MATERIAL_FIELD_LABELS;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    approval_requires_evidence: [false],
    material_fields: [[] as MaterialField[]],
    require_status_rationale: [false],
    review_on_material_change: [false],
  });
  private readonly formValue = toSignal(this.form.valueChanges.pipe(startWith(null)));
  private readonly errorsChanged = signal(0);
  protected readonly reviewOn = computed(() => (this.formValue(), this.form.controls.review_on_material_change.value));
  protected readonly selectedFields = computed(() => (this.formValue(), this.form.controls.material_fields.value));
  protected readonly errors = computed(() => {
    this.errorsChanged();
    this.formValue();
    const messages: Partial<Record<GovernanceToggle | 'material_fields', string>> = {};
    for (const [name, control] of Object.entries(this.form.controls)) {
      const server = control.errors?.['server'];
      if (server) messages[name as GovernanceToggle | 'material_fields'] = String(server);
    }
    return messages;
  });

  constructor() {
    effect(() => this.resetTo(this.settings()));
  }

  protected isSelected(field: MaterialField): boolean {
    return this.selectedFields().includes(field);
  }

  protected setField(field: MaterialField, selected: boolean): void {
    const control = this.form.controls.material_fields;
    const others = control.value.filter((each) => each !== field);
    // keep the contract's order, so the list reads the same wherever it is shown
    const next = selected ? MATERIAL_FIELD_CHOICES.filter((each) => each === field || others.includes(each)) : others;
    control.setValue(next);
    control.markAsDirty();
  }

  protected save(): void {
    if (!this.canEdit() || this.saving()) return;
    this.formError.set(null);
    if (this.form.controls.review_on_material_change.value && this.form.controls.material_fields.value.length === 0) {
      this.form.controls.material_fields.setErrors({ server: 'Pick at least one material field, or turn re-review off.' });
      this.errorsChanged.update((n) => n + 1);
      return;
    }
    this.saving.set(true);
    this.api
      .updateSettings(this.form.getRawValue())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
          this.errorsChanged.update((n) => n + 1);
        },
        next: (settings) => {
          this.saving.set(false);
          this.snackBar.open('Governance rules saved.', undefined, { duration: 4000 });
          this.saved.emit(settings);
        },
      });
  }

  private resetTo(settings: OrganizationSettingsResponse): void {
    this.form.reset({
      approval_requires_evidence: settings.approval_requires_evidence,
      material_fields: [...settings.material_fields],
      require_status_rationale: settings.require_status_rationale,
      review_on_material_change: settings.review_on_material_change,
    });
    this.errorsChanged.update((n) => n + 1);
  }
}
