import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { FrameworkResponse, ProjectResponse } from '@model-inventory/contracts';
import { applyProblemToForm } from '@model-inventory/web-core';
import { ProjectsApi } from '@model-inventory/web-projects-data-access';

export const PROJECT_NAME_MAX_LENGTH = 200;
export const PROJECT_DESCRIPTION_MAX_LENGTH = 5000;

export interface ProjectDialogData {
  /** The project to edit; none to create one. */
  project?: ProjectResponse;
  frameworks: FrameworkResponse[];
}

/** Creates a project or edits one (name, description, linked frameworks). Closes with the saved project. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  selector: 'mi-project-dialog',
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(440px, 80vw);
    }
    .form-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
      margin: 0 0 12px;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form id="project-form" novalidate [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="content">
        @if (formError(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" autocomplete="off" placeholder="Customer support assistant" />
          <mat-error>{{ nameError() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="3"></textarea>
          <mat-error>{{ descriptionError() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Frameworks</mat-label>
          <mat-select formControlName="frameworks" multiple data-testid="project-frameworks">
            @for (framework of data.frameworks; track framework.id) {
              <mat-option [value]="framework.id">{{ framework.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>The regulations and standards the project is assessed against.</mat-hint>
          <mat-error>{{ frameworksError() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ saveLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ProjectDialog {
  private readonly api = inject(ProjectsApi);
  private readonly dialogRef = inject<MatDialogRef<ProjectDialog, ProjectResponse>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly data = inject<ProjectDialogData>(MAT_DIALOG_DATA);

  protected readonly title = this.data.project ? `Edit project "${this.data.project.name}"` : 'Create a project';
  protected readonly saveLabel = this.data.project ? 'Save project' : 'Create project';
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    description: [this.data.project?.description ?? '', Validators.maxLength(PROJECT_DESCRIPTION_MAX_LENGTH)],
    frameworks: [this.data.project?.frameworks ?? ([] as number[])],
    name: [this.data.project?.name ?? '', [Validators.required, Validators.maxLength(PROJECT_NAME_MAX_LENGTH)]],
  });
  private readonly errorsChanged = signal(0);
  protected readonly nameError = computed(() => (this.errorsChanged(), this.describe('name', 'Name', PROJECT_NAME_MAX_LENGTH)));
  protected readonly descriptionError = computed(() => (this.errorsChanged(), this.describe('description', 'Description', PROJECT_DESCRIPTION_MAX_LENGTH)));
  protected readonly frameworksError = computed(() => (this.errorsChanged(), this.describe('frameworks', 'Frameworks', 0)));

  constructor() {
    this.form.statusChanges.pipe(takeUntilDestroyed()).subscribe(() => this.errorsChanged.update((n) => n + 1));
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const { description, frameworks, name } = this.form.getRawValue();
    const request = { description: description.trim() || null, frameworks, name: name.trim() };
    const project = this.data.project;
    (project ? this.api.update(project.id, request) : this.api.create(request)).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(applyProblemToForm(this.form, error));
        this.errorsChanged.update((n) => n + 1);
      },
      next: (saved) => this.dialogRef.close(saved),
    });
  }

  private describe(field: 'name' | 'description' | 'frameworks', label: string, maxLength: number): string {
    const errors = this.form.controls[field].errors;
    if (!errors) return '';
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return `${label} is required.`;
    if (errors['maxlength']) return `${label} must be at most ${maxLength} characters.`;
    return `${label} is not valid.`;
  }
}
