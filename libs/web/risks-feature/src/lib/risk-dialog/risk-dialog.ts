import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
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
import { MatTooltip } from '@angular/material/tooltip';
import { ModelRiskResponse, ModelRiskStatus, WRITER_ROLES } from '@model-inventory/contracts';
import { applyProblemToForm, AuthStore, describeHttpError, problemOf } from '@model-inventory/web-core';
import { LinkedNames } from '@model-inventory/web-history-ui';
import { confirmAction } from '@model-inventory/web-shared-ui';
import { RisksApi, VersionedRisk } from '@model-inventory/web-risks-data-access';
import { filter, map, Observable, of, startWith, switchMap } from 'rxjs';
import { RiskActivity } from '../risk-activity/risk-activity';
import { RiskChip } from '../risk-chip/risk-chip';
import { formatDate, modelLabel, STATUS_DETAILS, TRANSITION_ACTIONS } from '../risk-details';
import { RiskForm } from '../risk-form/risk-form';
import { createRiskForm, formValueOf, toRiskRequest } from '../risk-form/risk-form-group';

export interface RiskDialogData {
  /** The risk to edit; `null` raises a new one. */
  id: number | null;
  /** For a new risk: the model it is raised against, chosen beforehand (a model's Risks tab, a filtered list). */
  modelId?: number | null;
}

/** What happened in the dialog, so the list behind knows whether to refresh. */
export type RiskDialogResult = 'saved' | 'deleted' | undefined;

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

/** `In Progress` → `in-progress`, for test ids. */
export const statusSlug = (status: ModelRiskStatus) => status.toLowerCase().replace(/\s+/g, '-');

/**
 * Raises or edits a risk (Details: the `RiskForm`) and shows its change history (Activity). The status moves only
 * through the actions the risk's `allowed_transitions` offer; a deleted risk is read-only until restored. The dialog
 * owns the form group and does the loading, saving (`If-Match`), transitions, deleting, restoring and closing.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
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
    MatTooltip,
    NgTemplateOutlet,
    RiskActivity,
    RiskChip,
    RiskForm,
  ],
  selector: 'mi-risk-dialog',
  styleUrl: './risk-dialog.scss',
  templateUrl: './risk-dialog.html',
})
export class RiskDialog implements OnInit {
  private readonly api = inject(RisksApi);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialog = inject(MatDialog);
  private readonly dialogRef = inject<MatDialogRef<RiskDialog, RiskDialogResult>>(MatDialogRef);
  private readonly snackBar = inject(MatSnackBar);
  private readonly data = inject<RiskDialogData>(MAT_DIALOG_DATA);

  protected readonly id = this.data.id;
  protected readonly isNew = this.id === null;
  protected readonly form = createRiskForm();
  protected readonly statusDetails = STATUS_DETAILS;
  protected readonly formatDate = formatDate;
  protected readonly modelLabel = modelLabel;
  protected readonly statusSlug = statusSlug;

  protected readonly loadState = signal<LoadState>(this.isNew ? { status: 'ready' } : { status: 'loading' });
  protected readonly risk = signal<ModelRiskResponse | null>(null);
  private etag: string | null = null;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** Someone else changed the risk after it was opened here. */
  protected readonly conflict = signal(false);
  /** A transition or restore was saved while the dialog stayed open, so the list must refresh on close. */
  private changed = false;

  protected readonly canWrite = computed(() => {
    const role = this.auth.user()?.role;
    return role !== undefined && WRITER_ROLES.includes(role);
  });

  /** Form state as signals, so the template (OnPush, zoneless) follows every change. */
  private readonly formState = toSignal(
    this.form.events.pipe(
      startWith(null),
      map(() => ({ invalid: this.form.invalid, pristine: this.form.pristine })),
    ),
    { requireSync: true },
  );
  protected readonly editable = computed(() => this.canWrite() && !this.risk()?.is_deleted);
  protected readonly canSave = computed(
    () => this.editable() && !this.saving() && !this.formState().pristine && !this.formState().invalid && !this.conflict(),
  );
  /** The workflow's next states for this risk, as actions; none for auditors or a deleted risk. */
  protected readonly transitions = computed(() => {
    const risk = this.risk();
    if (!risk || !this.editable()) return [];
    return risk.allowed_transitions.map((status) => ({ status, ...TRANSITION_ACTIONS[status] }));
  });
  /** A status change saves the risk as read, so it waits for unsaved edits to be saved or discarded. */
  protected readonly canTransition = computed(() => !this.saving() && !this.conflict() && this.formState().pristine);
  protected readonly modelNames = computed<LinkedNames>(() => {
    const risk = this.risk();
    const names = new Map<number, string>();
    if (risk) names.set(risk.model_id, modelLabel(risk.model));
    return { model_id: names };
  });

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
      return;
    }
    this.form.reset({ ...this.form.getRawValue(), model_id: this.data.modelId ?? null, owner: this.auth.user()?.email ?? '' });
  }

  protected save(): void {
    if (!this.canSave()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const request = toRiskRequest(this.form.getRawValue());
    const risk = this.risk();
    const saved: Observable<VersionedRisk> = risk ? this.api.update(risk.id, request, this.etag) : this.api.create(request);
    saved.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      error: (error: unknown) => this.showFailure(error),
      next: ({ risk: written }) => {
        this.saving.set(false);
        this.snackBar.open(`“${written.risk_name}” ${risk ? 'saved' : 'raised'}.`, undefined, { duration: 4000 });
        this.dialogRef.close('saved');
      },
    });
  }

  /** Moves the risk to one of its allowed next states; accepting a risk asks first, as it records who accepted it. */
  protected transition(status: ModelRiskStatus): void {
    const risk = this.risk();
    if (!risk || !this.canTransition()) return;
    const confirmed: Observable<boolean> =
      status === ModelRiskStatus.ACCEPTED
        ? confirmAction(this.dialog, {
            confirmLabel: 'Accept risk',
            message: `“${risk.risk_name}” will be kept as it is, and you will be recorded as the person who accepted it. It can be reopened later.`,
            title: 'Accept this risk?',
          })
        : of(true);
    confirmed
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.saving.set(true);
          this.formError.set(null);
          return this.api.transition(risk.id, status, this.etag);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: (error: unknown) => this.showFailure(error),
        next: (versioned) => {
          this.saving.set(false);
          this.changed = true;
          this.show(versioned);
          this.snackBar.open(`Moved to ${status}.`, undefined, { duration: 4000 });
        },
      });
  }

  protected delete(): void {
    const risk = this.risk();
    if (!risk) return;
    confirmAction(this.dialog, {
      confirmLabel: 'Delete risk',
      destructive: true,
      message: `“${risk.risk_name}” will be removed from the register. It stays listed under Deleted, with its history, and can be restored.`,
      title: 'Delete this risk?',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.saving.set(true);
          return this.api.remove(risk.id, this.etag);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: (error: unknown) => this.showFailure(error),
        next: () => {
          this.snackBar.open(`“${risk.risk_name}” deleted.`, undefined, { duration: 4000 });
          this.dialogRef.close('deleted');
        },
      });
  }

  protected restore(): void {
    const risk = this.risk();
    if (!risk) return;
    this.saving.set(true);
    this.formError.set(null);
    this.api
      .restore(risk.id, this.etag)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => this.showFailure(error),
        next: (versioned) => {
          this.saving.set(false);
          this.changed = true;
          this.show(versioned);
          this.snackBar.open(`“${risk.risk_name}” restored.`, undefined, { duration: 4000 });
        },
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

  /** Closes, asking first when there are unsaved changes. */
  protected requestClose(): void {
    if (this.saving()) return;
    const result = this.changed ? 'saved' : undefined;
    if (this.form.pristine || !this.editable()) {
      this.dialogRef.close(result);
      return;
    }
    confirmAction(this.dialog, {
      cancelLabel: 'Keep editing',
      confirmLabel: 'Discard',
      message: 'Your changes to this risk have not been saved.',
      title: 'Discard changes?',
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((discard) => discard && this.dialogRef.close(result));
  }

  /** `quietly` keeps the details on screen while the latest version loads (after a refused transition). */
  private load(id: number, quietly = false): void {
    if (!quietly) {
      this.loadState.set({ status: 'loading' });
    }
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) =>
          this.loadState.set({
            message:
              error instanceof HttpErrorResponse && error.status === 404
                ? 'This risk does not exist, or it belongs to another organisation.'
                : describeHttpError(error),
            status: 'error',
          }),
        next: (versioned) => this.show(versioned),
      });
  }

  private show({ etag, risk }: VersionedRisk): void {
    this.etag = etag;
    this.risk.set(risk);
    this.form.reset(formValueOf(risk));
    if (this.canWrite() && !risk.is_deleted) {
      this.form.enable();
    } else {
      this.form.disable();
    }
    this.loadState.set({ status: 'ready' });
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
    if (status === 409) {
      // The risk moved on (another transition, a deletion): say why, and show it as it is now.
      this.formError.set(problemOf(error)?.detail || describeHttpError(error));
      if (this.id !== null && this.form.pristine) {
        this.load(this.id, true);
      }
      return;
    }
    this.formError.set(applyProblemToForm(this.form, error));
  }
}
