import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { APPROVER_ROLES, ModelInventoryResponse, WRITER_ROLES } from '@model-inventory/contracts';
import { applyProblemToForm, AuthStore, describeHttpError, problemOf } from '@model-inventory/web-core';
import { ModelInventoryApi, ReferenceDataApi, VersionedModel } from '@model-inventory/web-inventory-data-access';
import { confirmAction } from '@model-inventory/web-shared-ui';
import { catchError, filter, Observable, of } from 'rxjs';
import { ModelActivity } from '../model-activity/model-activity';
import { ModelDetailsView } from '../model-details-view/model-details-view';
import { ModelEvidenceTab } from '../model-evidence-tab/model-evidence-tab';
import { ModelForm } from '../model-form/model-form';
import { ModelRisksTab } from '../model-risks-tab/model-risks-tab';
import { createModelForm, formValueOf, toCreateRequest, toUpdateRequest } from '../model-form/model-form-group';
import { StatusChip } from '../status-chip/status-chip';

export interface ModelDialogData {
  /** The model to edit; `null` registers a new one. */
  id: number | null;
}

/** What happened in the dialog, so the list knows whether to refresh. */
export type ModelDialogResult = 'saved' | 'deleted' | 'risks-changed' | undefined;

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

/**
 * Registers or edits a model (Details: the `ModelForm`) and shows its change history (Activity). The dialog owns
 * the form group and does the loading, saving (`If-Match`), deleting and closing around it.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatIcon,
    MatIconButton,
    MatProgressBar,
    MatTab,
    MatTabContent,
    MatTabGroup,
    ModelActivity,
    ModelDetailsView,
    ModelEvidenceTab,
    ModelForm,
    ModelRisksTab,
    NgTemplateOutlet,
    StatusChip,
  ],
  selector: 'mi-model-dialog',
  styleUrl: './model-dialog.scss',
  templateUrl: './model-dialog.html',
})
export class ModelDialog implements OnInit {
  private readonly api = inject(ModelInventoryApi);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialog = inject(MatDialog);
  private readonly dialogRef = inject<MatDialogRef<ModelDialog, ModelDialogResult>>(MatDialogRef);
  private readonly referenceData = inject(ReferenceDataApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly data = inject<ModelDialogData>(MAT_DIALOG_DATA);

  protected readonly id = this.data.id;
  protected readonly isNew = this.id === null;
  protected readonly form = createModelForm();

  protected readonly loadState = signal<LoadState>(this.isNew ? { status: 'ready' } : { status: 'loading' });
  protected readonly model = signal<ModelInventoryResponse | null>(null);
  private etag: string | null = null;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** Someone else saved the model after it was opened here. */
  protected readonly conflict = signal(false);
  /** A risk of the model was changed on the Risks tab, so the list behind must refresh its open-risk counts. */
  private risksChanged = false;

  private readonly role = computed(() => this.auth.user()?.role ?? null);
  protected readonly canWrite = computed(() => {
    const role = this.role();
    return role !== null && WRITER_ROLES.includes(role);
  });
  protected readonly canApprove = computed(() => {
    const role = this.role();
    return role !== null && APPROVER_ROLES.includes(role);
  });

  protected readonly projects = toSignal(this.referenceData.projects().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly frameworks = toSignal(this.referenceData.frameworks().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly links = computed(() => ({
    frameworks: new Map(this.frameworks().map((framework) => [framework.id, framework.name])),
    projects: new Map(this.projects().map((project) => [project.id, project.name])),
  }));

  /** Save stays enabled: pressing it on an incomplete form shows every problem at once instead of a silent grey button. */
  protected readonly canSave = computed(() => this.canWrite() && !this.saving() && !this.conflict());

  constructor() {
    this.dialogRef.disableClose = true;
    this.dialogRef
      .backdropClick()
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.requestClose());
    this.dialogRef
      .keydownEvents()
      .pipe(
        filter((event) => event.key === 'Escape'),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        event.preventDefault();
        this.requestClose();
      });
  }

  ngOnInit(): void {
    if (!this.canWrite()) {
      this.form.disable();
    }
    if (this.id !== null) {
      this.load(this.id);
    }
  }

  protected save(): void {
    if (!this.canSave()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      const count = Object.values(this.form.controls).filter((control) => control.invalid).length;
      this.formError.set(`Check the ${count === 1 ? 'highlighted field' : `${count} highlighted fields`} before saving.`);
      this.focusFirstInvalidField();
      return;
    }
    if (this.model() !== null && this.form.pristine) {
      this.snackBar.open('Nothing changed, so nothing was saved.', undefined, { duration: 3000 });
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const value = this.form.getRawValue();
    const model = this.model();
    const request: Observable<VersionedModel> =
      model === null ? this.api.create(toCreateRequest(value)) : this.api.update(model.id, toUpdateRequest(value, model), this.etag);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      error: (error: unknown) => this.showFailure(error),
      next: ({ model: saved }) => {
        this.saving.set(false);
        this.snackBar.open(`${saved.model} ${saved.version} ${model ? 'saved' : 'registered'}.`, undefined, { duration: 4000 });
        this.dialogRef.close('saved');
      },
    });
  }

  private focusFirstInvalidField(): void {
    const first = this.host.nativeElement.querySelector<HTMLElement>('.mat-mdc-form-field-error, .ng-invalid:not(form)')
      ?.closest('mat-form-field')
      ?.querySelector<HTMLElement>('input, textarea, mat-select, [tabindex]');
    first?.focus();
  }

  protected delete(): void {
    const model = this.model();
    if (!model) return;
    confirmAction(this.dialog, {
      confirmLabel: 'Delete model',
      destructive: true,
      message: `${model.provider} ${model.model} ${model.version} will be removed from the register. Its change history stays available to auditors.`,
      title: 'Delete this model?',
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.saving.set(true);
        this.api
          .remove(model.id, this.etag)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({
            error: (error: unknown) => this.showFailure(error),
            next: () => {
              this.snackBar.open(`${model.model} ${model.version} deleted.`, undefined, { duration: 4000 });
              this.dialogRef.close('deleted');
            },
          });
      });
  }

  /** Loads the latest version, dropping unsaved edits (after a conflict). */
  protected reload(): void {
    if (this.id !== null) {
      this.conflict.set(false);
      this.formError.set(null);
      this.load(this.id);
    }
  }

  protected onRisksChanged(): void {
    this.risksChanged = true;
  }

  /** Closes, asking first when there are unsaved changes. */
  protected requestClose(): void {
    if (this.saving()) return;
    const result = this.risksChanged ? 'risks-changed' : undefined;
    if (this.form.pristine || !this.canWrite()) {
      this.dialogRef.close(result);
      return;
    }
    confirmAction(this.dialog, {
      cancelLabel: 'Keep editing',
      confirmLabel: 'Discard',
      message: 'Your changes to this model have not been saved.',
      title: 'Discard changes?',
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((discard) => discard && this.dialogRef.close(result));
  }

  private load(id: number): void {
    this.loadState.set({ status: 'loading' });
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) =>
          this.loadState.set({
            message:
              error instanceof HttpErrorResponse && error.status === 404
                ? 'This model does not exist or was deleted.'
                : describeHttpError(error),
            status: 'error',
          }),
        next: ({ etag, model }) => {
          this.etag = etag;
          this.model.set(model);
          this.form.reset(formValueOf(model));
          this.loadState.set({ status: 'ready' });
        },
      });
  }

  private showFailure(error: unknown): void {
    this.saving.set(false);
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    if (status === 412) {
      this.conflict.set(true);
      return;
    }
    if (status === 403) {
      this.formError.set(problemOf(error)?.detail || 'You are not allowed to make this change.');
      return;
    }
    this.formError.set(applyProblemToForm(this.form, error));
  }
}
