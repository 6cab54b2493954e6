import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { OrganizationSettingsResponse } from '@model-inventory/contracts';
import { applyProblemToForm, AuthStore, describeHttpError } from '@model-inventory/web-core';
import { OrganizationApi } from '@model-inventory/web-organization-data-access';
import { GovernanceRules } from '../governance-rules/governance-rules';
import { JoiningPolicy } from '../joining-policy/joining-policy';
import { rememberReReviewSuggestionShown, reReviewSuggestionShown } from '../re-review-suggestion';

export const ORGANIZATION_NAME_MAX_LENGTH = 200;

/** Settings › Organisation: the organisation's name and its governance rules (Admins change them, others read). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    GovernanceRules,
    JoiningPolicy,
    MatButton,
    MatCard,
    MatCardActions,
    MatCardContent,
    MatCardHeader,
    MatCardTitle,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
  ],
  selector: 'mi-organization-page',
  styleUrl: './organization-page.scss',
  templateUrl: './organization-page.html',
})
export class OrganizationPage implements OnInit {
  private readonly api = inject(OrganizationApi);
  private readonly auth = inject(AuthStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly organization = this.auth.organization;
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly settings = signal<OrganizationSettingsResponse | null>(null);
  protected readonly loadError = signal<string | null>(null);
  private readonly suggestionDismissed = signal(false);
  /**
   * An Admin whose organisation does not re-review material changes is told why it should on their first visit; the
   * suggestion stays until dismissed or acted on, and this browser does not show it again.
   */
  protected readonly showSuggestion = computed(() => {
    const settings = this.settings();
    const organization = this.organization();
    return this.isAdmin() && !!settings && !!organization && !settings.review_on_material_change && !this.suggestionDismissed();
  });

  protected readonly renaming = signal(false);
  protected readonly nameFormError = signal<string | null>(null);
  protected readonly nameForm = inject(FormBuilder).nonNullable.group({
    name: [this.auth.organization()?.name ?? '', [Validators.required, Validators.maxLength(ORGANIZATION_NAME_MAX_LENGTH)]],
  });
  private readonly nameErrorsChanged = signal(0);
  protected readonly nameError = computed(() => {
    this.nameErrorsChanged();
    const errors = this.nameForm.controls.name.errors;
    if (!errors) return '';
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return 'Name is required.';
    return `Name must be at most ${ORGANIZATION_NAME_MAX_LENGTH} characters.`;
  });

  ngOnInit(): void {
    const organization = this.organization();
    this.suggestionDismissed.set(!organization || reReviewSuggestionShown(organization.id));
    this.api
      .settings()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => this.loadError.set(describeHttpError(error)),
        next: (settings) => {
          this.settings.set(settings);
          if (organization && this.showSuggestion()) rememberReReviewSuggestionShown(organization.id);
        },
      });
  }

  protected rename(): void {
    this.nameFormError.set(null);
    const name = this.nameForm.controls.name.value.trim();
    this.nameForm.controls.name.setValue(name);
    this.nameForm.markAllAsTouched();
    this.nameErrorsChanged.update((n) => n + 1);
    if (this.nameForm.invalid || this.renaming()) return;
    this.renaming.set(true);
    this.api
      .rename(name)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.renaming.set(false);
          this.nameFormError.set(applyProblemToForm(this.nameForm, error));
          this.nameErrorsChanged.update((n) => n + 1);
        },
        next: (organization) => {
          this.renaming.set(false);
          this.auth.organizationSaved(organization);
          this.nameForm.reset({ name: organization.name });
          this.snackBar.open(`The organisation is now called "${organization.name}".`, undefined, { duration: 4000 });
        },
      });
  }

  protected settingsSaved(settings: OrganizationSettingsResponse): void {
    this.settings.set(settings);
    if (settings.review_on_material_change) this.dismissSuggestion();
  }

  /** The suggestion's own action: turns re-review on with the organisation's material fields as they are. */
  protected turnOnReReview(): void {
    this.api
      .updateSettings({ review_on_material_change: true })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => this.snackBar.open(`Re-review was not turned on: ${describeHttpError(error)}`, undefined, { duration: 6000 }),
        next: (settings) => {
          this.settingsSaved(settings);
          this.snackBar.open('Re-review on material change is on.', undefined, { duration: 4000 });
        },
      });
  }

  protected dismissSuggestion(): void {
    this.suggestionDismissed.set(true);
  }
}
